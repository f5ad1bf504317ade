#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads folded stacks, the format of flamegraph.pl and inferno: one stack a
/// line, frames joined by `;`, whitespace, then a count.
///
/// ```
/// main;parse;read 120
/// main;render 80.5
/// main;render 70 95        (two counts: a differential line, before and after)
///  12                      (no frames: idle samples, counted at the root)
/// # mode: wall             (a comment: lines starting with `#` are skipped;
///                           austin's headers give the unit, ``FoldedHeaders``)
/// ```
///
/// The count is the last whitespace-separated field, so frames may contain
/// spaces. Bytes are scanned directly: no `String` per line, no `split`.
///
/// ```swift
/// var parser = FoldedStackParser(builder: CallTreeBuilder())
/// parser.parse(contentsOf: Array("main;work 3\n".utf8), source: "inline")
/// let profile = parser.finish()
/// ```
public struct FoldedStackParser: LineParsing {
  /// The tree being built.
  public let builder: CallTreeBuilder
  /// What has been skipped so far.
  public private(set) var diagnostics = ParseDiagnostics()
  /// The headers read from comment lines so far (austin's `# mode: wall`):
  /// what they say the counts measure.
  public private(set) var headers = FoldedHeaders()
  private let frames: RawColumn<FrameID>

  /// A parser feeding `builder`.
  public init(builder: CallTreeBuilder) {
    self.builder = builder
    frames = builder.pendingFrames
  }

  /// Parses a whole buffer holding complete lines (the last one may lack its
  /// newline). A UTF-8 byte order mark at its start is skipped.
  public mutating func parse(contentsOf bytes: [UInt8], source: String) {
    var lineNumber = 0
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      let start = Self.byteOrderMarkLength(base, buffer.count)
      let count = buffer.count - start
      let consumed = parseLines(
        base + start, count, source: source, lineNumber: &lineNumber, atEnd: true)
      if consumed < count {
        lineNumber += 1
        parseLine(base + start + consumed, count - consumed, source: source, lineNumber: lineNumber)
      }
    }
  }

  /// The length of the UTF-8 byte order mark (EF BB BF) at the start of a
  /// buffer: 3, or 0 when there is none. Editors on Windows write one; it
  /// must not become part of the first frame's name.
  static func byteOrderMarkLength(_ base: UnsafePointer<UInt8>, _ count: Int) -> Int {
    count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF ? 3 : 0
  }

  /// Parses one line, without its newline.
  mutating func parseLine(
    _ line: UnsafePointer<UInt8>, _ rawLength: Int, source: String, lineNumber: Int
  ) {
    var length = trimmedEnd(line, rawLength)
    guard length > 0 else { return }  // blank lines are not malformed
    // `#` starts a comment line: austin's `# interval: 100` headers (whose
    // last field is a number) must not become frames.
    if line[0] == UInt8(ascii: "#") {
      diagnostics.commentLineCount += 1
      headers.read(line, length)
      return
    }
    guard let countStart = lastFieldStart(line, length) else {
      diagnostics.recordMalformed(source: source, line: lineNumber, problem: .missingCount)
      return
    }
    var count = 0.0
    switch CountParser.parse(line + countStart, length - countStart) {
    case .value(let value): count = value
    case .negative:
      diagnostics.recordMalformed(source: source, line: lineNumber, problem: .negativeCount)
      return
    case .tooLarge:
      diagnostics.recordMalformed(source: source, line: lineNumber, problem: .countTooLarge)
      return
    case .invalid:
      let numeric = CountParser.looksNumeric(line + countStart, length - countStart)
      diagnostics.recordMalformed(
        source: source, line: lineNumber, problem: numeric ? .invalidCount : .missingCount)
      return
    }
    length = trimmedEnd(line, countStart)
    var before: Double?
    // A second numeric field before the count makes a differential line.
    if let beforeStart = countFieldStart(line, length) {
      switch CountParser.parse(line + beforeStart, length - beforeStart) {
      case .value(let value):
        before = value
        length = trimmedEnd(line, beforeStart)
      case .negative:
        diagnostics.recordMalformed(source: source, line: lineNumber, problem: .negativeCount)
        return
      case .tooLarge:
        diagnostics.recordMalformed(source: source, line: lineNumber, problem: .countTooLarge)
        return
      case .invalid: break
      }
    }
    diagnostics.validLineCount += 1
    if !isBlank(line, length) { internFrames(line, length) }
    builder.addInternedStack(count: count, before: before)
  }

  /// Splits on `;` and interns each frame into the pending stack.
  @inline(__always)
  private func internFrames(_ line: UnsafePointer<UInt8>, _ length: Int) {
    var start = 0
    while true {
      let rest = length - start
      if let separator = memchr(line + start, 0x3B, rest) {
        let end = UnsafePointer<UInt8>(separator.assumingMemoryBound(to: UInt8.self)) - line
        frames.append(builder.intern(line + start, end - start))
        start = end + 1
      } else {
        frames.append(builder.intern(line + start, rest))
        return
      }
    }
  }

  /// Counts a line skipped before it reached the parser (one too long).
  mutating func recordMalformed(
    source: String, line: Int, problem: ParseDiagnostics.Problem
  ) {
    diagnostics.recordMalformed(source: source, line: line, problem: problem)
  }

  /// Takes the diagnostics and headers of the parser of a later part of
  /// the same source, whose lines follow this one's first `lineOffset`.
  mutating func absorb(laterPart: FoldedStackParser, lineOffset: Int) {
    diagnostics.merge(laterPart.diagnostics, lineOffset: lineOffset)
    headers.merge(later: laterPart.headers)
  }

  /// Declares the unit the headers give (``FoldedHeaders/unit``) to the
  /// builder, when they give one.
  public func declareUnit() {
    if let unit = headers.unit { builder.declareUnit(unit) }
  }

  /// Ends parsing and returns the profile, in the unit its headers declare.
  public func finish(factor: Double = 1) -> Profile {
    declareUnit()
    return builder.finish(factor: factor, diagnostics: diagnostics)
  }

  @inline(__always)
  private func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0D
  }

  /// The length without trailing spaces, tabs and carriage returns.
  @inline(__always)
  private func trimmedEnd(_ line: UnsafePointer<UInt8>, _ length: Int) -> Int {
    var end = length
    while end > 0 && isWhitespace(line[end - 1]) { end -= 1 }
    return end
  }

  /// Where the last whitespace-separated field starts, or nil when the line
  /// has a single field. Expects no trailing whitespace.
  @inline(__always)
  private func lastFieldStart(_ line: UnsafePointer<UInt8>, _ length: Int) -> Int? {
    var index = length - 1
    while index >= 0 {
      if isWhitespace(line[index]) { return index + 1 }
      index -= 1
    }
    return nil
  }

  /// Where the last whitespace-separated field starts when it is made of
  /// count characters only (digits, `.` and `-`, all that
  /// ``CountParser`` reads); nil otherwise, or when the line has a single
  /// field. A field with any other byte never parses as a count, so the
  /// scan stops there instead of running back over the frames (a line's
  /// last frame rarely holds a space). Expects no trailing whitespace.
  @inline(__always)
  func countFieldStart(_ line: UnsafePointer<UInt8>, _ length: Int) -> Int? {
    var index = length - 1
    while index >= 0 {
      let byte = line[index]
      if isWhitespace(byte) { return index + 1 }
      let isCountByte =
        (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
      if !isCountByte { return nil }
      index -= 1
    }
    return nil
  }

  @inline(__always)
  private func isBlank(_ line: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    for index in 0..<length where !isWhitespace(line[index]) { return false }
    return true
  }
}
