/// What the parser skipped, and why: counted, with the first few places.
public struct ParseDiagnostics: Sendable, Equatable {
  /// Why a line (or record) was skipped, in words for the user.
  ///
  /// Importers name their own problems: `Problem("the sample has no location")`.
  public struct Problem: Sendable, Hashable, CustomStringConvertible {
    /// The explanation: "the count is negative".
    public let message: String

    /// A problem described by `message`.
    public init(_ message: String) { self.message = message }

    /// The explanation.
    public var description: String { message }

    /// No whitespace-separated count at the end of the line.
    public static let missingCount = Problem("no count at the end of the line")
    /// The last field looks like a number but is not one (`12x`, `1.2.3`).
    public static let invalidCount = Problem("the count is not a number")
    /// A count below zero.
    public static let negativeCount = Problem("the count is negative")
    /// A line longer than ``FoldedStackReader/maximumLineLength``.
    public static let lineTooLong = Problem("the line is longer than 16 MiB")
    /// A count beyond the largest finite number (over 308 digits).
    public static let countTooLarge = Problem("the count is too large")
  }

  /// One skipped line or record, with its place.
  public struct MalformedLine: Sendable, Equatable, CustomStringConvertible {
    /// The file it came from (`-` for standard input).
    public var source: String
    /// Its 1-based line number in that file; 0 for binary formats.
    public var line: Int
    /// Its byte offset, for binary formats, which have no lines.
    public var byteOffset: Int?
    /// Its place in a structured document (JSON), which has no useful
    /// lines: `samples[12]`, `profiles[0].events[7]`.
    public var element: String?
    /// Why it was skipped.
    public var problem: Problem

    /// A skipped line.
    public init(source: String, line: Int, problem: Problem) {
      self.source = source
      self.line = line
      self.problem = problem
    }

    /// A skipped record of a binary format.
    public init(source: String, byteOffset: Int, problem: Problem) {
      self.source = source
      self.line = 0
      self.byteOffset = byteOffset
      self.problem = problem
    }

    /// A skipped entry of a structured document, at `element`.
    public init(source: String, element: String, problem: Problem) {
      self.source = source
      self.line = 0
      self.element = element
      self.problem = problem
    }

    /// `file:12: the count is negative`, `file: byte 4096: ...`, or
    /// `file: samples[12]: ...`.
    public var description: String {
      if let element { return "\(source): \(element): \(problem.message)" }
      if let byteOffset { return "\(source): byte \(byteOffset): \(problem.message)" }
      return "\(source):\(line): \(problem.message)"
    }
  }

  /// How many of the skipped lines are remembered with their place.
  public static let rememberedLineLimit = 5

  /// Lines that became samples.
  public internal(set) var validLineCount = 0
  /// Lines skipped as malformed (blank lines are not counted).
  public internal(set) var malformedLineCount = 0
  /// Comment lines skipped (`#` at the start of a folded line).
  public internal(set) var commentLineCount = 0
  /// The first ``rememberedLineLimit`` malformed lines.
  public internal(set) var firstMalformedLines: [MalformedLine] = []

  /// No problems yet.
  public init() {}

  /// Adds another source's counts and places to these.
  public mutating func merge(_ other: ParseDiagnostics) {
    merge(other, lineOffset: 0)
  }

  /// Adds what a later part of the same source skipped, whose lines were
  /// numbered from 1: they follow the `lineOffset` lines before the part.
  mutating func merge(_ other: ParseDiagnostics, lineOffset: Int) {
    validLineCount += other.validLineCount
    malformedLineCount += other.malformedLineCount
    commentLineCount += other.commentLineCount
    let room = Self.rememberedLineLimit - firstMalformedLines.count
    for var malformed in other.firstMalformedLines.prefix(max(0, room)) {
      if malformed.byteOffset == nil && malformed.element == nil { malformed.line += lineOffset }
      firstMalformedLines.append(malformed)
    }
  }

  /// Counts a skipped line and remembers its place if it is among the first.
  public mutating func recordMalformed(source: String, line: Int, problem: Problem) {
    record(MalformedLine(source: source, line: line, problem: problem))
  }

  /// Counts a skipped record of a binary format at a byte offset.
  public mutating func recordMalformed(source: String, byteOffset: Int, problem: Problem) {
    record(MalformedLine(source: source, byteOffset: byteOffset, problem: problem))
  }

  /// Counts a skipped entry of a structured document at `element`
  /// (`samples[12]`).
  public mutating func recordMalformed(source: String, element: String, problem: Problem) {
    record(MalformedLine(source: source, element: element, problem: problem))
  }

  /// Counts a record that became samples (a line, a sample, a stack).
  public mutating func recordValid(_ count: Int = 1) { validLineCount += count }

  private mutating func record(_ malformed: MalformedLine) {
    malformedLineCount += 1
    if firstMalformedLines.count < Self.rememberedLineLimit {
      firstMalformedLines.append(malformed)
    }
  }

  /// A one-paragraph summary for stderr, or nil when nothing was skipped.
  ///
  /// `skipped 3 malformed lines (a.folded:2: no count at the end of the line; ...)`
  public var summary: String? {
    guard malformedLineCount > 0 else { return nil }
    let noun = malformedLineCount == 1 ? "line" : "lines"
    let places = firstMalformedLines.map(\.description).joined(separator: "; ")
    let more = malformedLineCount > firstMalformedLines.count ? "; ..." : ""
    return "skipped \(malformedLineCount) malformed \(noun) (\(places)\(more))"
  }
}
