#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams folded-stack files (or standard input) through a
/// ``FoldedStackParser`` in fixed-size chunks, so memory holds the merged
/// tree, never the whole input.
///
/// ```swift
/// let profile = try FoldedStackReader.readProfile(from: [.file("perf.folded")])
/// ```
public enum FoldedStackReader {
  /// The size of one read; a longer line grows the buffer to fit. Small
  /// enough that the bytes a read copies are still in the core's cache
  /// when they are parsed (256 KiB against 4 MiB: about 5% less time).
  static let chunkSize = 1 << 18

  /// Reads and merges every source, in order, into one profile.
  ///
  /// - Parameters:
  ///   - sources: files or standard input; their stacks are merged.
  ///   - merging: by name (flame graph) or consecutive only (flame chart).
  ///   - transform: per-stack rewrites (reverse, base, ...).
  ///   - factor: scales every count.
  ///   - strict: make any malformed line an error instead of a warning.
  /// - Throws: ``InputError`` for unreadable files, input without a valid
  ///   line or without samples, and malformed lines when `strict`.
  public static func readProfile(
    from sources: [InputSource], merging: StackMerging = .byName,
    transform: StackTransform = StackTransform(), factor: Double = 1, strict: Bool = false
  ) throws -> Profile {
    var parser = FoldedStackParser(
      builder: CallTreeBuilder(merging: merging, transform: transform, pipelined: true))
    for source in sources { try read(source, into: &parser) }
    return try validated(
      parser.finish(factor: factor), strict: strict, factor: factor,
      baseFunctions: transform.baseFunctions, filters: transform.filters)
  }

  /// Checks that a parsed profile has something to draw: valid lines, and
  /// counts that add up to a positive, finite total. `factor`,
  /// `baseFunctions` and `filters` are what the profile was read with,
  /// named in errors.
  public static func validated(
    _ profile: Profile, strict: Bool, factor: Double = 1, baseFunctions: [String] = [],
    filters: StackFilters = StackFilters()
  ) throws -> Profile {
    if strict && profile.diagnostics.malformedLineCount > 0 {
      throw InputError.malformedLines(profile.diagnostics)
    }
    guard profile.diagnostics.validLineCount > 0 else {
      throw InputError.noValidLines(profile.diagnostics)
    }
    // Every count is finite and not negative, so the root's totals are the
    // largest: when they are finite, all are.
    let tree = profile.tree
    guard tree.total(of: tree.root).isFinite, tree.beforeTotal(of: tree.root).isFinite else {
      throw InputError.totalTooLarge(factor: factor)
    }
    guard profile.totalSamples > 0 else {
      // Only the root left: the base functions dropped every stack.
      if !baseFunctions.isEmpty && tree.nodeCount == 1 {
        throw InputError.noStackWithBase(baseFunctions)
      }
      let dropsStacks =
        !filters.focus.isEmpty || !filters.focusRoot.isEmpty || !filters.ignore.isEmpty
      if dropsStacks && tree.nodeCount == 1 { throw InputError.noStackAfterFilters }
      throw InputError.zeroTotal
    }
    return profile
  }

  /// The longest line read (16 MiB, line end excluded): a longer one is
  /// skipped as malformed,
  /// so memory stays bounded whatever the input (even `/dev/zero`).
  public static let maximumLineLength = 1 << 24

  /// Streams one source into the parser.
  public static func read(_ source: InputSource, into parser: inout FoldedStackParser) throws {
    try read(InputByteStream(opening: source), into: &parser)
  }

  /// What reading cost, for tests that check it stays linear.
  struct ReadStatistics {
    /// Bytes handed to a line-end search, counted each time they are.
    var searchedBytes = 0
    /// Lines read, the number of the last one.
    var lineCount = 0
  }

  /// Streams one source into the parser, counting the work.
  static func read(
    _ source: InputSource, into parser: inout FoldedStackParser,
    statistics: inout ReadStatistics
  ) throws {
    try read(InputByteStream(opening: source), into: &parser, statistics: &statistics)
  }

  /// Streams an opened input into the parser; a large plain file is read
  /// in two parts at once on three cores or more, with the same result.
  public static func read(_ input: InputByteStream, into parser: inout FoldedStackParser) throws {
    try read(input, into: &parser, splittingFrom: FoldedFileSplit.minimumSize)
  }

  /// Streams an opened input into the parser, in two parts at once when
  /// it is a plain file of at least `minimumSize` bytes and the machine
  /// has `minimumCores` cores.
  static func read(
    _ input: InputByteStream, into parser: inout FoldedStackParser, splittingFrom minimumSize: Int,
    minimumCores: Int = FoldedFileSplit.minimumCores
  ) throws {
    if let split = try FoldedFileSplit(
      of: input, minimumSize: minimumSize, minimumCores: minimumCores)
    {
      return try split.read(into: &parser)
    }
    var statistics = ReadStatistics()
    try read(input, into: &parser, statistics: &statistics)
  }

  /// Streams an opened input into any line parser, counting the work:
  /// folded stacks, perf script, and whatever other line format comes.
  ///
  /// A part of a split input reads `byteLimit` bytes at most (the first
  /// part ends at a line end), and only the first part is the start of
  /// the source, where a byte order mark is skipped. `shouldStop`, asked
  /// before each read, ends reading early when it says so.
  static func read<Parser: LineParsing>(
    _ input: InputByteStream, into parser: inout Parser,
    statistics: inout ReadStatistics, byteLimit: Int = .max, isStartOfSource: Bool = true,
    shouldStop: (() -> Bool)? = nil
  ) throws {
    var capacity = min(chunkSize, maximumLineLength + 1)
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    // Invariants: bytes [0, filled) are read and not yet parsed; bytes
    // [0, searched) hold no line end, so a search resumes at `searched`
    // (restarting at 0 on every read of a long line is quadratic).
    var filled = 0
    var searched = 0
    var lineNumber = 0
    var startOfSource = isStartOfSource
    var unread = byteLimit
    // Skipping the rest of a line longer than the limit.
    var skippingLongLine = false
    let name = input.name
    while true {
      if filled == capacity {
        // One line longer than the buffer: grow to hold it, up to the limit.
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: buffer, count: filled)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
      }
      if unread == 0 || shouldStop?() == true { break }
      let got = try input.read(into: buffer + filled, count: min(capacity - filled, unread))
      if got == 0 { break }
      unread -= got
      filled += got
      if startOfSource {
        guard filled >= 3 else { continue }
        let mark = FoldedStackParser.byteOrderMarkLength(buffer, filled)
        if mark > 0 {
          buffer.update(from: buffer + mark, count: filled - mark)
          filled -= mark
        }
        startOfSource = false
      }
      statistics.searchedBytes += filled - searched
      guard let lineEnd = firstLineEnd(buffer + searched, filled - searched) else {
        searched = filled
        if skippingLongLine {
          filled = 0
          searched = 0
        } else if filled >= maximumLineLength {
          lineNumber += 1
          parser.recordMalformed(source: name, line: lineNumber, problem: .lineTooLong)
          skippingLongLine = true
          filled = 0
          searched = 0
        }
        continue
      }
      var start = 0
      if skippingLongLine {
        // Drop the rest of the long line with its line end.
        start = searched + lineEnd + 1
        if buffer[start - 1] == 0x0D && start < filled && buffer[start] == 0x0A { start += 1 }
        skippingLongLine = false
      }
      statistics.searchedBytes += filled - start
      let consumed =
        start
        + parser.parseLines(buffer + start, filled - start, source: name, lineNumber: &lineNumber)
      if consumed > 0 {
        buffer.update(from: buffer + consumed, count: filled - consumed)
        filled -= consumed
      }
      // What is left is a partial line: no line end, except maybe a final
      // `\r` held back in case a `\n` follows; search again from there.
      searched = filled > 0 && buffer[filled - 1] == 0x0D ? filled - 1 : filled
    }
    if filled > 0 && !skippingLongLine {
      statistics.searchedBytes += filled
      let consumed = parser.parseLines(
        buffer, filled, source: name, lineNumber: &lineNumber, atEnd: true)
      if consumed < filled {
        lineNumber += 1
        parser.parseLine(
          buffer + consumed, filled - consumed, source: name, lineNumber: lineNumber)
      }
    }
    statistics.lineCount = lineNumber
    parser.endOfSource(source: name, lineNumber: lineNumber)
  }

  /// The offset of the first `\n` or `\r` in a buffer, or nil.
  @inline(__always)
  private static func firstLineEnd(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int? {
    let newline =
      memchr(base, 0x0A, count).map {
        UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base
      } ?? count
    // A carriage return only matters before the first newline.
    if let carriageReturn = memchr(base, 0x0D, newline) {
      return UnsafePointer<UInt8>(carriageReturn.assumingMemoryBound(to: UInt8.self)) - base
    }
    return newline < count ? newline : nil
  }
}
