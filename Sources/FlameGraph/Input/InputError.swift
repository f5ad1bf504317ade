/// Why input could not become a profile.
public enum InputError: Error, Equatable, CustomStringConvertible {
  /// A file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// Nothing in the input was a valid stack line.
  case noValidLines(ParseDiagnostics)
  /// Valid lines, but their counts add up to zero.
  case zeroTotal
  /// `strict` parsing met malformed lines.
  case malformedLines(ParseDiagnostics)

  /// A message that says what went wrong and what to do.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .noValidLines(let diagnostics):
      let skipped = diagnostics.summary.map { "; \($0)" } ?? ""
      return
        "no stack lines in the input (expected folded stacks such as `main;work 42`)\(skipped)"
    case .zeroTotal:
      return "the input's counts add up to zero: there is nothing to draw"
    case .malformedLines(let diagnostics):
      return "\(diagnostics.summary ?? "malformed input"); drop --strict to skip such lines"
    }
  }
}
