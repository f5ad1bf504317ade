import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Identifies one distinct frame name in a ``FrameTable``.
public typealias FrameID = Int32

/// The distinct frame names of a profile, each stored once.
///
/// Parsing interns every frame of every stack here, so the call tree refers to
/// names by a small integer. Names are kept as the input's bytes and decoded
/// (invalid UTF-8 repaired with replacement characters) only when asked.
///
/// ```swift
/// let profile = try Profile(folded: "main;work 3\n")
/// profile.frames.name(of: 0)  // "main"
/// ```
///
/// Sendable because its storage is never written once it exists: the
/// ``CallTreeBuilder`` that filled it is spent (``CallTreeBuilder/finish(factor:diagnostics:)``
/// runs once and the builder refuses any use after it).
public struct FrameTable: @unchecked Sendable {
  let storage: FrameNameStorage

  init(storage: FrameNameStorage) { self.storage = storage }

  /// The number of distinct names.
  public var count: Int { storage.starts.count - 1 }

  /// The name as written in the input, annotation suffix included.
  public func rawName(of id: FrameID) -> String {
    storage.withBytes(of: id) { String(decoding: $0, as: UTF8.self) }
  }

  /// The name without its annotation suffix (`_[k]` and the like): what labels show.
  public func name(of id: FrameID) -> String {
    storage.withBytes(of: id) { bytes in
      let cut = FrameAnnotation(suffixOf: bytes) == nil ? bytes.count : bytes.count - 4
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<cut]), as: UTF8.self)
    }
  }

  /// The annotation suffix of a name, if it has one.
  public func annotation(of id: FrameID) -> FrameAnnotation? {
    storage.withBytes(of: id) { FrameAnnotation(suffixOf: $0) }
  }

  /// The id of a raw name, if the profile has it.
  public func id(of rawName: String) -> FrameID? {
    // The trailing zero keeps the buffer non-empty, so it has an address.
    let bytes = Array(rawName.utf8) + [0]
    return bytes.withUnsafeBytes { storage.lookup($0.baseAddress!, bytes.count - 1) }
  }

  /// For each id, its position when all names are sorted byte-wise.
  ///
  /// Sorting children by this rank orders them alphabetically, as
  /// flamegraph.pl's sorted input does, without comparing strings per node.
  ///
  /// Worked out once per table: while a large file's tree is finished,
  /// on the core its merger leaves, else on first use.
  public func alphabeticalRanks() -> [Int32] { storage.alphabeticalRanks() }
}

/// The interning table behind ``FrameTable``: names as one byte arena plus an
/// open-addressing hash table.
///
/// Each slot carries the name's hash, offset and length beside its id, so a
/// probe reads one slot and, on a hash match, the name's bytes: two memory
/// accesses per frame of input, which matters when the call tree being built
/// keeps evicting these tables from the caches.
///
/// Invariant: `starts` has one more entry than there are names; name `i` is
/// `bytes[starts[i]..<starts[i+1]]`. `slots` has a power-of-two count, holds
/// id -1 in an empty slot, and is never more than half full.
final class FrameNameStorage: @unchecked Sendable {
  struct Slot {
    var id: Int32
    var hash: UInt32
    var start: Int32
    var length: Int32

    static let empty = Slot(id: -1, hash: 0, start: 0, length: 0)
  }

  let bytes = RawColumn<UInt8>(capacity: 1 << 16)
  let starts = RawColumn<Int32>(capacity: 1 << 12)
  private var slots: UnsafeMutablePointer<Slot>
  /// Locations importers gave with frames, by id; frames without one (all
  /// of folded text's) are parsed from their names instead.
  private(set) var locations: [FrameID: FrameLocation] = [:]
  private var slotMask: Int
  /// The names' alphabetical ranks, once worked out.
  private var ranks: [Int32]?
  /// Working out the ranks on another thread, from ``startRanking()``.
  private var ranking: DispatchGroup?
  /// Serializes ``alphabeticalRanks()``: tables are shared between threads.
  private let ranksLock = DispatchSemaphore(value: 1)

  init() {
    starts.append(0)
    slotMask = (1 << 12) - 1
    slots = .allocate(capacity: slotMask + 1)
    slots.initialize(repeating: .empty, count: slotMask + 1)
  }

  deinit { slots.deallocate() }

  func withBytes<Result>(of id: FrameID, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    let start = Int(starts[Int(id)])
    let end = Int(starts[Int(id) + 1])
    return body(UnsafeBufferPointer(start: bytes.base + start, count: end - start))
  }

  /// The id of a name, interning it if it is new. `isNew` tells which.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int, isNew: inout Bool) -> FrameID {
    let hash = hashBytes(name, length)
    let shortHash = UInt32(truncatingIfNeeded: hash >> 32)
    var slot = Int(truncatingIfNeeded: hash) & slotMask
    while true {
      let entry = slots[slot]
      if entry.id < 0 { break }
      if entry.hash == shortHash && Int(entry.length) == length
        && equalBytes(bytes.base + Int(entry.start), name, length)
      {
        isNew = false
        return entry.id
      }
      slot = (slot + 1) & slotMask
    }
    let id = FrameID(starts.count - 1)
    let start = Int32(bytes.count)
    for offset in 0..<length { bytes.append(name.load(fromByteOffset: offset, as: UInt8.self)) }
    starts.append(Int32(bytes.count))
    slots[slot] = Slot(id: id, hash: shortHash, start: start, length: Int32(length))
    isNew = true
    if (starts.count - 1) * 2 > slotMask { rehash() }
    return id
  }

  /// Starts working out the alphabetical ranks on another thread, so
  /// that layout finds them ready: called once no name can be added,
  /// before the storage is shared, by the thread that filled it.
  func startRanking() {
    guard ranking == nil, ranks == nil else { return }
    let group = DispatchGroup()
    ranking = group
    DispatchQueue.global(qos: .userInitiated).async(group: group) {
      let worked = self.workOutRanks()
      // The group's wait orders this write before any read of it.
      self.ranks = worked
    }
  }

  /// For each id, its position when all names are sorted byte-wise.
  func alphabeticalRanks() -> [Int32] {
    ranksLock.wait()
    defer { ranksLock.signal() }
    ranking?.wait()
    if let ranks { return ranks }
    let worked = workOutRanks()
    ranks = worked
    return worked
  }

  private func workOutRanks() -> [Int32] {
    let count = starts.count - 1
    // The buffers point into the storage, which lives as long as `self`.
    let names = (0..<Int32(count)).map { id in withBytes(of: id) { $0 } }
    let ids = ByteStringOrder.order(of: names)
    var ranks = [Int32](repeating: 0, count: count)
    for (rank, id) in ids.enumerated() { ranks[id] = Int32(rank) }
    return ranks
  }

  /// Keeps the first location given for a frame.
  func recordLocation(_ location: FrameLocation, of id: FrameID) {
    if locations[id] == nil { locations[id] = location }
  }

  func lookup(_ name: UnsafeRawPointer, _ length: Int) -> FrameID? {
    let hash = hashBytes(name, length)
    var slot = Int(truncatingIfNeeded: hash) & slotMask
    while true {
      let entry = slots[slot]
      if entry.id < 0 { return nil }
      if Int(entry.length) == length && equalBytes(bytes.base + Int(entry.start), name, length) {
        return entry.id
      }
      slot = (slot + 1) & slotMask
    }
  }

  func compare(_ left: FrameID, _ right: FrameID) -> Int32 {
    withBytes(of: left) { leftBytes in
      withBytes(of: right) { rightBytes in
        let common = min(leftBytes.count, rightBytes.count)
        let order =
          common == 0 ? 0 : memcmp(leftBytes.baseAddress!, rightBytes.baseAddress!, common)
        if order != 0 { return order }
        return Int32(leftBytes.count - rightBytes.count).signum()
      }
    }
  }

  private func rehash() {
    let newMask = (slotMask + 1) * 2 - 1
    let fresh = UnsafeMutablePointer<Slot>.allocate(capacity: newMask + 1)
    fresh.initialize(repeating: .empty, count: newMask + 1)
    for id in 0..<Int32(starts.count - 1) {
      let start = Int(starts[Int(id)])
      let length = Int(starts[Int(id) + 1]) - start
      let hash = hashBytes(bytes.base + start, length)
      var slot = Int(truncatingIfNeeded: hash) & newMask
      while fresh[slot].id >= 0 { slot = (slot + 1) & newMask }
      fresh[slot] = Slot(
        id: id, hash: UInt32(truncatingIfNeeded: hash >> 32), start: Int32(start),
        length: Int32(length))
    }
    slots.deallocate()
    slots = fresh
    slotMask = newMask
  }
}

/// Whether two byte ranges of `length` bytes are equal. Names are short:
/// comparing sixteen bytes a step inline beats a call to memcmp.
///
/// Invariant: only bytes `[0, length)` of each range are read; the last
/// step compares the final sixteen (or eight, or four) bytes, overlapping
/// what was compared, instead of looping over the tail. Offsets stay below
/// `length`, so they use wrapping arithmetic.
@inline(__always)
func equalBytes(_ left: UnsafeRawPointer, _ right: UnsafeRawPointer, _ length: Int) -> Bool {
  @inline(__always) func difference(_ offset: Int) -> UInt64 {
    left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      ^ right.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
  }
  if length >= 16 {
    let last = length &- 16
    var offset = 0
    while offset < last {
      if difference(offset) | difference(offset &+ 8) != 0 { return false }
      offset &+= 16
    }
    return difference(last) | difference(last &+ 8) == 0
  }
  if length >= 8 { return difference(0) | difference(length &- 8) == 0 }
  if length >= 4 {
    let head =
      left.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
      ^ right.loadUnaligned(fromByteOffset: 0, as: UInt32.self)
    let tail =
      left.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
      ^ right.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
    return head | tail == 0
  }
  var offset = 0
  while offset < length {
    if left.load(fromByteOffset: offset, as: UInt8.self)
      != right.load(fromByteOffset: offset, as: UInt8.self)
    {
      return false
    }
    offset &+= 1
  }
  return true
}
