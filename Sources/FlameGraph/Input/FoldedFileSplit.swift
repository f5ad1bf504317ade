#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A large folded-stack file read in two parts at once, on two cores.
///
/// The file is cut at the first line end after its middle. The calling
/// thread reads the first part into the caller's parser, as a whole file
/// would be read; another thread reads the second part (``FoldedLaterPart``)
/// into ids and batches of its own. Once the first part is read, its
/// batches are replayed into the caller's builder in order, so the merged
/// tree, its node and name numbers, its counts (added in the same order),
/// the diagnostics and the headers are exactly those of reading the file
/// in one piece.
///
/// Only plain regular files are split: a pipe cannot be read at two
/// places, and a compressed file only from its start.
struct FoldedFileSplit {
  /// Smaller files are read in one piece: a thread and a second interner
  /// cost more than they save.
  static let minimumSize = 4 << 20

  /// Cores needed to split: both parts' parsers and the merger each keep
  /// one busy. On two cores the three share them and reading takes as
  /// long as in one piece (0.56 against 0.58 s on the 200,000-stack
  /// benchmark profile, the same CPU time), for 16 MB more memory.
  static let minimumCores = 3

  private let input: InputByteStream
  /// The offset of the second part's first byte, just after a `\n`.
  let boundary: Int

  /// The split of `input`, or nil when it is read in one piece: not a
  /// plain regular file, smaller than `minimumSize`, fewer than
  /// `minimumCores` cores, or no
  /// `\n` within the longest line's reach after the middle.
  init?(
    of input: InputByteStream, minimumSize: Int = Self.minimumSize,
    minimumCores: Int = Self.minimumCores
  ) throws {
    guard sysconf(Int32(_SC_NPROCESSORS_ONLN)) >= minimumCores,
      let size = try input.sizeOfPlainFile(), size >= max(minimumSize, 2),
      let boundary = try Self.lineStart(after: size / 2, in: input, size: size)
    else { return nil }
    self.input = input
    self.boundary = boundary
  }

  /// The offset just after the first `\n` at or after `offset`, if there
  /// is one before the file's end within ``FoldedStackReader/maximumLineLength``.
  /// Splitting after a `\n` never splits a line: `\n` ends a line
  /// whether a `\r` comes before it or not.
  private static func lineStart(after offset: Int, in input: InputByteStream, size: Int) throws
    -> Int?
  {
    guard let probe = input.continuation(from: offset) else { return nil }
    let windowSize = 1 << 16
    var window = [UInt8](repeating: 0, count: windowSize)
    var position = offset
    while position - offset <= FoldedStackReader.maximumLineLength {
      let got = try window.withUnsafeMutableBufferPointer {
        try probe.read(into: $0.baseAddress!, count: windowSize)
      }
      if got == 0 { return nil }
      if let newline = window[0..<got].firstIndex(of: 0x0A) {
        let start = position + newline + 1
        return start < size ? start : nil
      }
      position += got
    }
    return nil
  }

  /// Reads the whole file into `parser`, both parts at once.
  func read(into parser: inout FoldedStackParser) throws {
    let builder = parser.builder
    var statistics = FoldedStackReader.ReadStatistics()
    guard let rest = input.continuation(from: boundary) else {
      return try FoldedStackReader.read(input, into: &parser, statistics: &statistics)
    }
    let laterPart = FoldedLaterPart(
      input: rest, merging: builder.merging, transform: builder.interner.transform)
    laterPart.start()
    do {
      try FoldedStackReader.read(
        input, into: &parser, statistics: &statistics, byteLimit: boundary)
    } catch {
      // The other thread stops at its next read and drops what it has.
      laterPart.queue.cancel()
      throw error
    }
    var frameMap: [FrameID] = []
    while true {
      let batch = laterPart.queue.take()
      builder.replay(batch, frameMap: &frameMap)
      if batch.isLast { break }
    }
    if let error = laterPart.error { throw error }
    parser.absorb(laterPart: laterPart.parser, lineOffset: statistics.lineCount)
  }
}
