/// What the parser skipped, and why: counted, with the first few places.
public struct ParseDiagnostics: Sendable, Equatable {
  /// Why a line was skipped.
  public enum Problem: String, Sendable, Equatable {
    /// No whitespace-separated count at the end of the line.
    case missingCount = "no count at the end of the line"
    /// The last field looks like a number but is not one (`12x`, `1.2.3`).
    case invalidCount = "the count is not a number"
    /// A count below zero.
    case negativeCount = "the count is negative"
    /// A line longer than ``FoldedStackReader/maximumLineLength``.
    case lineTooLong = "the line is longer than 16 MiB"
    /// A count beyond the largest finite number (over 308 digits).
    case countTooLarge = "the count is too large"
  }

  /// One skipped line.
  public struct MalformedLine: Sendable, Equatable, CustomStringConvertible {
    /// The file it came from (`-` for standard input).
    public var source: String
    /// Its 1-based line number in that file.
    public var line: Int
    /// Why it was skipped.
    public var problem: Problem

    /// `file:12: the count is negative`
    public var description: String { "\(source):\(line): \(problem.rawValue)" }
  }

  /// How many of the skipped lines are remembered with their place.
  public static let rememberedLineLimit = 5

  /// Lines that became samples.
  public internal(set) var validLineCount = 0
  /// Lines skipped as malformed (blank lines are not counted).
  public internal(set) var malformedLineCount = 0
  /// The first ``rememberedLineLimit`` malformed lines.
  public internal(set) var firstMalformedLines: [MalformedLine] = []

  /// No problems yet.
  public init() {}

  /// Adds another source's counts and places to these.
  public mutating func merge(_ other: ParseDiagnostics) {
    validLineCount += other.validLineCount
    malformedLineCount += other.malformedLineCount
    let room = Self.rememberedLineLimit - firstMalformedLines.count
    firstMalformedLines += other.firstMalformedLines.prefix(max(0, room))
  }

  mutating func recordMalformed(source: String, line: Int, problem: Problem) {
    malformedLineCount += 1
    if firstMalformedLines.count < Self.rememberedLineLimit {
      firstMalformedLines.append(MalformedLine(source: source, line: line, problem: problem))
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
