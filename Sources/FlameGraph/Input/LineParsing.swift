#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A parser of line-based text that ``FoldedStackReader`` can stream
/// chunks into: it is handed complete lines, never a whole input.
///
/// Conforming types implement ``parseLine(_:_:source:lineNumber:)`` (one
/// line, without its line end) and get the line splitting, which handles
/// `\n`, `\r\n` and lone `\r`, from the extension.
protocol LineParsing {
  /// Parses one line, without its line end. `lineNumber` is 1-based.
  mutating func parseLine(
    _ line: UnsafePointer<UInt8>, _ rawLength: Int, source: String, lineNumber: Int)

  /// Counts a line skipped before it reached the parser (one too long).
  mutating func recordMalformed(source: String, line: Int, problem: ParseDiagnostics.Problem)

  /// Called once a source has been read to its end, after its last line.
  mutating func endOfSource(source: String, lineNumber: Int)
}

extension LineParsing {
  /// Nothing to do at the end of a source by default.
  mutating func endOfSource(source: String, lineNumber: Int) {}

  /// Parses every complete line of the buffer and returns how many bytes
  /// that consumed; a trailing partial line is left for the caller.
  /// `lineNumber` is the number of the last line parsed.
  ///
  /// Lines end with `\n`, `\r\n` or a lone `\r` (old Mac files, and stray
  /// carriage returns that would otherwise glue two stacks together).
  /// `atEnd` says that nothing follows the buffer, so a final `\r` ends a
  /// line rather than maybe starting a `\r\n`.
  @inline(__always)
  mutating func parseLines(
    _ base: UnsafePointer<UInt8>, _ count: Int, source: String, lineNumber: inout Int,
    atEnd: Bool = false
  ) -> Int {
    // Most files have no carriage return at all: one search tells.
    guard memchr(base, 0x0D, count) != nil else {
      var start = 0
      while start < count {
        guard let newline = memchr(base + start, 0x0A, count - start) else { break }
        let end = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - base
        lineNumber += 1
        parseLine(base + start, end - start, source: source, lineNumber: lineNumber)
        start = end + 1
      }
      return start
    }
    return parseLinesWithCarriageReturns(
      base, count, source: source, lineNumber: &lineNumber, atEnd: atEnd)
  }

  /// ``parseLines(_:_:source:lineNumber:atEnd:)`` for buffers holding a
  /// carriage return somewhere.
  private mutating func parseLinesWithCarriageReturns(
    _ base: UnsafePointer<UInt8>, _ count: Int, source: String, lineNumber: inout Int,
    atEnd: Bool
  ) -> Int {
    var start = 0
    // The next newline at or after `start` (`count` when there is none),
    // searched again only once passed, so the scan stays linear.
    var newline = -1
    while start < count {
      if newline < start {
        newline =
          memchr(base + start, 0x0A, count - start).map {
            UnsafePointer<UInt8>($0.assumingMemoryBound(to: UInt8.self)) - base
          } ?? count
      }
      if let found = memchr(base + start, 0x0D, newline - start) {
        let carriageReturn = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
        // A final `\r` may be the first half of a `\r\n` still unread.
        guard carriageReturn + 1 < count || atEnd else { break }
        lineNumber += 1
        parseLine(base + start, carriageReturn - start, source: source, lineNumber: lineNumber)
        start = carriageReturn + 1
        if start < count && base[start] == 0x0A { start += 1 }
      } else if newline < count {
        lineNumber += 1
        parseLine(base + start, newline - start, source: source, lineNumber: lineNumber)
        start = newline + 1
      } else {
        break
      }
    }
    return start
  }
}
