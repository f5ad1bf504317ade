/// A streaming DEFLATE decoder (RFC 1951): stored, fixed Huffman and
/// dynamic Huffman blocks, decoded into a window that keeps the last
/// 32 KiB of output for back references.
///
/// The window is one linear buffer: `[0, outputEnd)` is decoded output,
/// the last ``historySize`` bytes of which later matches may copy from.
/// ``inflate()`` decodes until the window is full or the stream ends; the
/// owner takes the new bytes, then calls ``slide()`` to make room. Only
/// the window, the input buffer and three tables are ever held, whatever
/// the size of the stream.
final class Inflater {
  /// How far back a match may reach.
  static let historySize = 1 << 15
  /// The longest match.
  static let longestMatch = 258
  /// Bytes past the window that a match copy may overwrite (it copies 8 at a time).
  private static let slack = 16

  /// The compressed input.
  var reader: BitReader
  private let inputBuffer: UnsafeMutablePointer<UInt8>
  /// The decoded output and its history.
  let window: UnsafeMutablePointer<UInt8>
  /// How many bytes the window holds before sliding.
  let windowCapacity: Int
  /// Bytes `[0, outputEnd)` of the window are decoded.
  private(set) var outputEnd = 0
  /// The first byte of the current stream's output: matches cannot reach
  /// before it (a new gzip member starts a new history).
  private var historyStart = 0

  private enum State {
    /// Between blocks: the next bits are a block header, unless the last
    /// block was final.
    case blockHeader
    /// Inside a stored block with this many bytes left.
    case stored(remaining: Int)
    /// Inside a Huffman block, fixed or dynamic.
    case huffman(fixed: Bool)
    /// After the final block.
    case finished
  }
  private var state = State.blockHeader
  private var sawFinalBlock = false

  private let literalTable = HuffmanTable(rootBits: 10)
  private let distanceTable = HuffmanTable(rootBits: 8)
  private let codeLengthTable = HuffmanTable(rootBits: 7)
  private lazy var fixedTables: (literal: HuffmanTable, distance: HuffmanTable) = {
    let literal = HuffmanTable(rootBits: 9)
    let distance = HuffmanTable(rootBits: 5)
    var lengths = [UInt8](repeating: 8, count: 288)
    for symbol in 144..<256 { lengths[symbol] = 9 }
    for symbol in 256..<280 { lengths[symbol] = 7 }
    try! literal.build(lengths: lengths[...], alphabet: .literalLength)
    try! distance.build(
      lengths: [UInt8](repeating: 5, count: 32)[...], alphabet: .distance)
    return (literal, distance)
  }()
  /// The code lengths of a dynamic block: literal/length codes, then distance codes.
  private var codeLengths = [UInt8](repeating: 0, count: 286 + 30)

  /// A decoder reading from `source`, whose first bytes are `prefix`.
  ///
  /// - Parameters:
  ///   - outputChunk: how many bytes the window decodes between slides.
  ///   - inputChunk: the size of one read from the source.
  init(
    prefix: [UInt8] = [], outputChunk: Int = 1 << 20, inputChunk: Int = 1 << 18,
    source: @escaping (UnsafeMutablePointer<UInt8>, Int) throws -> Int
  ) {
    let inputCapacity = max(inputChunk, prefix.count, 8)
    inputBuffer = .allocate(capacity: inputCapacity)
    reader = BitReader(
      buffer: inputBuffer, capacity: inputCapacity, prefix: prefix, source: source)
    windowCapacity = Self.historySize + max(outputChunk, 2 * Self.longestMatch)
    window = .allocate(capacity: windowCapacity + Self.slack)
  }

  deinit {
    inputBuffer.deallocate()
    window.deallocate()
  }

  /// Whether the final block has ended.
  var isFinished: Bool {
    if case .finished = state { return true }
    return false
  }

  /// Whether the window must slide before more can be decoded.
  var isFull: Bool { windowCapacity - outputEnd < Self.longestMatch }

  /// Starts a new DEFLATE stream (the next gzip member) after a finished one:
  /// its matches cannot reach into the previous one's output.
  func startStream() {
    historyStart = outputEnd
    state = .blockHeader
    sawFinalBlock = false
  }

  /// Moves the last 32 KiB of output to the start of the window; the
  /// owner must have taken every byte before.
  func slide() {
    let keep = min(Self.historySize, outputEnd - historyStart)
    window.update(from: window + (outputEnd - keep), count: keep)
    outputEnd = keep
    historyStart = 0
  }

  /// Decodes until the window is full (``isFull``) or the stream has ended
  /// (``isFinished``).
  ///
  /// - Throws: ``CorruptCompressedData`` for an invalid or truncated
  ///   stream, and whatever the source throws.
  func inflate() throws {
    while !isFull {
      switch state {
      case .finished:
        return
      case .blockHeader:
        if sawFinalBlock {
          state = .finished
          return
        }
        try readBlockHeader()
      case .stored(let remaining):
        let copied = try reader.copyBytes(
          to: window + outputEnd, limit: min(remaining, windowCapacity - outputEnd))
        guard copied > 0 || remaining == 0 else { throw reader.corrupt("truncated") }
        outputEnd += copied
        state = remaining == copied ? .blockHeader : .stored(remaining: remaining - copied)
      case .huffman(let fixed):
        let ended =
          fixed
          ? try decodeSymbols(literals: fixedTables.literal, distances: fixedTables.distance)
          : try decodeSymbols(literals: literalTable, distances: distanceTable)
        if ended { state = .blockHeader }
      }
    }
  }

  /// Reads a block's 3-bit header and, for a stored block, its length; for
  /// a dynamic block, its code lengths.
  private func readBlockHeader() throws {
    sawFinalBlock = try reader.read(1) == 1
    switch try reader.read(2) {
    case 0:
      reader.alignToByte()
      let length = try Int(reader.read(16))
      let complement = try Int(reader.read(16))
      guard length ^ complement == 0xFFFF else {
        throw reader.corrupt("stored block length does not match its complement")
      }
      state = .stored(remaining: length)
    case 1:
      state = .huffman(fixed: true)
    case 2:
      try readDynamicCodes()
      state = .huffman(fixed: false)
    default:
      throw reader.corrupt("invalid block type")
    }
  }

  /// The order code-length code lengths are sent in (RFC 1951, 3.2.7).
  private static let codeLengthOrder = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
  ]

  /// Reads a dynamic block's header and builds its two tables.
  private func readDynamicCodes() throws {
    let literalCount = try Int(reader.read(5)) + 257
    let distanceCount = try Int(reader.read(5)) + 1
    let codeLengthCount = try Int(reader.read(4)) + 4
    guard literalCount <= 286, distanceCount <= 30 else {
      throw reader.corrupt("too many length or distance codes")
    }
    var codeLengthLengths = [UInt8](repeating: 0, count: 19)
    for index in 0..<codeLengthCount {
      codeLengthLengths[Self.codeLengthOrder[index]] = try UInt8(reader.read(3))
    }
    try build(codeLengthTable, codeLengthLengths[...], .codeLength, "code-length code")

    let total = literalCount + distanceCount
    var index = 0
    while index < total {
      try reader.refill()
      let entry = codeLengthTable.entries[Int(truncatingIfNeeded: reader.bits & 0x7F)]
      guard HuffmanEntry.kind(entry) == HuffmanEntry.literal else {
        throw reader.corrupt("invalid code-length code", examined: 7)
      }
      reader.drop(HuffmanEntry.bits(entry))
      let symbol = HuffmanEntry.value(entry)
      var repeated: UInt8 = 0
      let times: Int
      switch symbol {
      case 0..<16:
        codeLengths[index] = UInt8(symbol)
        index += 1
        continue
      case 16:
        guard index > 0 else { throw reader.corrupt("repeated code length with none before") }
        repeated = codeLengths[index - 1]
        times = 3 + Int(reader.take(2))
      case 17:
        times = 3 + Int(reader.take(3))
      default:
        times = 11 + Int(reader.take(7))
      }
      guard index + times <= total else { throw reader.corrupt("too many code lengths") }
      for _ in 0..<times {
        codeLengths[index] = repeated
        index += 1
      }
    }
    guard codeLengths[256] > 0 else { throw reader.corrupt("no end-of-block code") }
    try build(literalTable, codeLengths[0..<literalCount], .literalLength, "literal/length code")
    try build(
      distanceTable, codeLengths[literalCount..<total], .distance, "distance code")
  }

  private func build(
    _ table: HuffmanTable, _ lengths: ArraySlice<UInt8>, _ alphabet: HuffmanAlphabet,
    _ what: String
  ) throws {
    do {
      try table.build(lengths: lengths, alphabet: alphabet)
    } catch .overSubscribed {
      throw reader.corrupt("invalid \(what) lengths (over-subscribed)")
    } catch .incomplete {
      throw reader.corrupt("invalid \(what) lengths (incomplete)")
    }
  }

  /// Decodes literals and matches of a Huffman block until its end
  /// (returns true) or until the window is full (false).
  private func decodeSymbols(literals: HuffmanTable, distances: HuffmanTable) throws -> Bool {
    var reader = self.reader
    var position = outputEnd
    defer {
      self.reader = reader
      outputEnd = position
    }
    let literalEntries = UnsafePointer(literals.entries)
    let distanceEntries = UnsafePointer(distances.entries)
    let literalMask = UInt64(1 << literals.rootBits - 1)
    let distanceMask = UInt64(1 << distances.rootBits - 1)
    let literalRoot = literals.rootBits
    let distanceRoot = distances.rootBits
    let output = window
    let floor = historyStart
    // Invariant: `position <= limit`, so one symbol's output (at most 258
    // bytes, plus up to 7 more written by an 8-byte copy) stays inside the
    // window and its slack: every write below is unchecked.
    let limit = windowCapacity - Self.longestMatch
    while position <= limit {
      // At least 56 bits are loaded: enough for the longest length code
      // with its extra bits and the longest distance code with its own
      // (15 + 5 + 15 + 13), so no read below runs out of bits.
      try reader.refill()
      // Invariant of the table lookups: a table has `1 << rootBits` first-
      // level entries and a link's second-level table `1 << extra` entries
      // from its start, so an index masked to those bits is in bounds.
      var entry = literalEntries[Int(truncatingIfNeeded: reader.bits & literalMask)]
      if HuffmanEntry.kind(entry) == HuffmanEntry.link {
        reader.drop(literalRoot)
        let mask = UInt64(1 &<< HuffmanEntry.extra(entry) &- 1)
        entry =
          literalEntries[HuffmanEntry.value(entry) + Int(truncatingIfNeeded: reader.bits & mask)]
      }
      reader.drop(HuffmanEntry.bits(entry))
      let kind = HuffmanEntry.kind(entry)
      if kind == HuffmanEntry.literal {
        output[position] = UInt8(truncatingIfNeeded: entry >> 16)
        position &+= 1
        continue
      }
      guard kind == HuffmanEntry.base else {
        if kind == HuffmanEntry.endOfBlock { return true }
        throw reader.corrupt(
          "invalid literal/length code", examined: HuffmanTable.maximumCodeLength)
      }
      let length = HuffmanEntry.value(entry) + Int(reader.take(HuffmanEntry.extra(entry)))

      var distanceEntry = distanceEntries[Int(truncatingIfNeeded: reader.bits & distanceMask)]
      if HuffmanEntry.kind(distanceEntry) == HuffmanEntry.link {
        reader.drop(distanceRoot)
        let mask = UInt64(1 &<< HuffmanEntry.extra(distanceEntry) &- 1)
        distanceEntry =
          distanceEntries[
            HuffmanEntry.value(distanceEntry) + Int(truncatingIfNeeded: reader.bits & mask)]
      }
      reader.drop(HuffmanEntry.bits(distanceEntry))
      guard HuffmanEntry.kind(distanceEntry) == HuffmanEntry.base else {
        throw reader.corrupt(
          "invalid distance code", examined: HuffmanTable.maximumCodeLength)
      }
      let distance =
        HuffmanEntry.value(distanceEntry) + Int(reader.take(HuffmanEntry.extra(distanceEntry)))
      // Invariant of the copy: `distance <= position - floor`, so the
      // source starts inside this stream's decoded output.
      guard distance <= position - floor else {
        throw reader.corrupt("invalid distance (too far back)")
      }
      let target = output + position
      let source = target - distance
      if distance >= 8 {
        // Each 8-byte load ends at or before the store's start, so it only
        // reads bytes already written, even when source and target overlap.
        var offset = 0
        repeat {
          UnsafeMutableRawPointer(target + offset).storeBytes(
            of: UnsafeRawPointer(source + offset).loadUnaligned(as: UInt64.self), as: UInt64.self)
          offset &+= 8
        } while offset < length
      } else if distance == 1 {
        target.update(repeating: source.pointee, count: length)
      } else {
        for offset in 0..<length { target[offset] = source[offset] }
      }
      position &+= length
    }
    return false
  }
}
