/// Why input could not become a profile.
public enum InputError: Error, Equatable, CustomStringConvertible {
  /// A file could not be opened or read.
  case unreadable(path: String, reason: String)
  /// Nothing in the input was a valid stack line.
  case noValidLines(ParseDiagnostics)
  /// Valid lines, but their counts add up to zero.
  case zeroTotal
  /// Valid lines, but no stack contains any of these base functions
  /// (``StackTransform/baseFunctions``), so every stack was dropped.
  case noStackWithBase([String])
  /// Valid lines, but the filters (``StackFilters``: focus, focus-root,
  /// ignore) dropped every stack.
  case noStackAfterFilters
  /// The counts (times the factor) add up to more than the largest finite
  /// number, which would leave every frame but the widest zero wide.
  case totalTooLarge(factor: Double)
  /// `strict` parsing met malformed lines.
  case malformedLines(ParseDiagnostics)
  /// A format read whole is larger than its limit.
  case tooLarge(path: String, limit: Int)
  /// The input is not valid in its format: `place` is `file:line` or
  /// `file: byte N`.
  case invalidFormat(format: String, place: String, reason: String)
  /// Compressed input (`format` is `gzip`, `zlib` or `deflate`) is corrupt
  /// or truncated: `offset` is the byte of the compressed input, from 0,
  /// where decompression found it out.
  case corruptCompressedInput(path: String, format: String, offset: Int, reason: String)
  /// A profile with several sample types (pprof) has none of the requested
  /// name; `available` lists the ones it has.
  case unknownSampleType(path: String, requested: String, available: [String])

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
    case .tooLarge(let path, let limit):
      return "\(path) is larger than \(limit >> 20) MiB, the most this format is read up to"
    case .invalidFormat(let format, let place, let reason):
      return "\(place): not a valid \(format) profile: \(reason)"
    case .corruptCompressedInput(let path, let format, let offset, let reason):
      return "\(path): \(format): the data is corrupt at byte \(offset) (\(reason)); "
        + "check that the file was copied whole (`gzip -t` tests it)"
    case .unknownSampleType(let path, let requested, let available):
      return "\(path) has no sample type \"\(requested)\"; its sample types are "
        + available.joined(separator: ", ")
    case .noStackWithBase(let names):
      let quoted = names.map { "\"\($0)\"" }.joined(separator: " or ")
      let noun = names.count == 1 ? "function" : "functions"
      return "no stack contains the --base \(noun) \(quoted): there is nothing to draw"
    case .noStackAfterFilters:
      return "the filters (--focus, --focus-root, --ignore) dropped every stack: there is nothing "
        + "to draw; check their patterns"
    case .totalTooLarge(let factor):
      let scaled = factor == 1 ? "" : " times the factor \(factor)"
      return "the input's counts\(scaled) add up to more than 1.8e308, the largest number "
        + "there is: lower the counts or the factor"
    case .malformedLines(let diagnostics):
      return "\(diagnostics.summary ?? "malformed input"); drop --strict to skip such lines"
    }
  }
}
