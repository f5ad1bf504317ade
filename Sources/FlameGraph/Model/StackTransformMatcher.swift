/// Per-frame flags for the name-based transforms and filters, decided once
/// per distinct frame when it is interned, then applied to each stack.
struct StackTransformMatcher {
  private struct Flag {
    static let base: UInt8 = 1
    static let skipAfter: UInt8 = 2
    static let hide: UInt8 = 4
    static let focus: UInt8 = 8
    static let focusRoot: UInt8 = 16
    static let ignore: UInt8 = 32
  }

  private let baseNames: Set<[UInt8]>
  private let skipAfterNames: Set<[UInt8]>
  let transform: StackTransform
  /// Whether the transform changes nothing: the one branch per stack of
  /// the unfiltered path.
  let isIdentity: Bool
  /// Whether frames need flags at all.
  private let needsFlags: Bool
  /// The flags of each frame, by id (empty unless ``needsFlags``).
  private var flags: [UInt8] = []
  /// All-recursion collapsing: the stack in which each frame id was last
  /// seen, by id, so each frame is looked up in O(1).
  private var lastSeen: [UInt32] = []
  private var stackNumber: UInt32 = 0

  init(_ transform: StackTransform) {
    self.transform = transform
    isIdentity = transform.isIdentity
    baseNames = Set(transform.baseFunctions.map { Array($0.utf8) })
    skipAfterNames = Set(transform.skipAfterFunctions.map { Array($0.utf8) })
    needsFlags = !baseNames.isEmpty || !skipAfterNames.isEmpty || transform.filters.hasPatterns
  }

  /// Records the flags of a newly interned frame, whose id is the next one.
  mutating func register(_ name: UnsafeBufferPointer<UInt8>) {
    if transform.filters.collapseRecursion == .all { lastSeen.append(0) }
    guard needsFlags else { return }
    let raw = Array(name)
    let label = FrameAnnotation(suffixOf: raw) == nil ? raw : Array(raw.dropLast(4))
    var flag: UInt8 = 0
    if baseNames.contains(raw) || baseNames.contains(label) { flag |= Flag.base }
    if skipAfterNames.contains(raw) || skipAfterNames.contains(label) { flag |= Flag.skipAfter }
    let filters = transform.filters
    if filters.hasPatterns {
      let text = String(decoding: label, as: UTF8.self)
      if filters.hide.contains(where: { $0.matches(text) }) { flag |= Flag.hide }
      if filters.focus.contains(where: { $0.matches(text) }) { flag |= Flag.focus }
      if filters.focusRoot.contains(where: { $0.matches(text) }) { flag |= Flag.focusRoot }
      if filters.ignore.contains(where: { $0.matches(text) }) { flag |= Flag.ignore }
    }
    flags.append(flag)
  }

  @inline(__always)
  private func has(_ flag: UInt8, _ frame: FrameID) -> Bool { flags[Int(frame)] & flag != 0 }

  /// Applies the transform to a stack (root first) in place; returns the new
  /// range of frames to insert, or nil when the stack is dropped. The depth
  /// limit is left to the caller, which can intern the marked name.
  mutating func apply(to frames: UnsafeMutableBufferPointer<FrameID>) -> Range<Int>? {
    var range = 0..<frames.count
    let filters = transform.filters
    if !filters.ignore.isEmpty, range.contains(where: { has(Flag.ignore, frames[$0]) }) {
      return nil
    }
    if !filters.focus.isEmpty, !range.contains(where: { has(Flag.focus, frames[$0]) }) {
      return nil
    }
    if !filters.focusRoot.isEmpty {
      guard let first = range.first(where: { has(Flag.focusRoot, frames[$0]) }) else {
        return nil
      }
      range = first..<range.upperBound
    }
    if !baseNames.isEmpty {
      guard let first = range.first(where: { has(Flag.base, frames[$0]) }) else { return nil }
      range = first..<range.upperBound
    }
    if !skipAfterNames.isEmpty,
      let cut = range.first(where: { has(Flag.skipAfter, frames[$0]) })
    {
      range = range.lowerBound..<(cut + 1)
    }
    if !filters.hide.isEmpty {
      range = compact(frames, range) { frame, _ in !has(Flag.hide, frame) }
    }
    switch filters.collapseRecursion {
    case .none: break
    case .direct:
      range = compact(frames, range) { frame, previous in frame != previous }
    case .all:
      stackNumber &+= 1
      if stackNumber == 0 {
        // After 2^32 stacks the stamps wrap: start them again.
        for index in lastSeen.indices { lastSeen[index] = 0 }
        stackNumber = 1
      }
      let stamp = stackNumber
      var seen = lastSeen
      lastSeen = []
      range = compact(frames, range) { frame, _ in
        if seen[Int(frame)] == stamp { return false }
        seen[Int(frame)] = stamp
        return true
      }
      lastSeen = seen
    }
    if transform.reverse {
      var kept = UnsafeMutableBufferPointer(rebasing: frames[range])
      kept.reverse()
    }
    return range
  }

  /// Keeps, in order, the frames of `range` for which `keep(frame, the
  /// previous kept frame or -1)` holds, moved to the range's start; returns
  /// the range they fill.
  @inline(__always)
  private func compact(
    _ frames: UnsafeMutableBufferPointer<FrameID>, _ range: Range<Int>,
    _ keep: (FrameID, FrameID) -> Bool
  ) -> Range<Int> {
    var end = range.lowerBound
    for index in range {
      let frame = frames[index]
      if keep(frame, end > range.lowerBound ? frames[end - 1] : -1) {
        frames[end] = frame
        end += 1
      }
    }
    return range.lowerBound..<end
  }
}
