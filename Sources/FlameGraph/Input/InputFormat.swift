/// The profile formats the reader understands, and how each is told from
/// its first bytes when no format is given.
///
/// Detection looks at the first ``detectionLength`` bytes and tries the
/// formats in ``detectionOrder``; the first that recognizes them wins.
/// Folded stacks come last and take anything, so a plain text profile
/// never needs a flag.
///
/// ```swift
/// InputFormat.detect(ArraySlice("main;work 3\n".utf8))  // .folded
/// InputFormat.detect(ArraySlice("app 42 1.5: cycles:\n\tf00 main (/bin/app)\n".utf8))
/// // .perfScript
/// ```
public enum InputFormat: String, CaseIterable, Sendable {
  /// Folded stacks: `main;parse;read 120`.
  case folded
  /// Linux `perf script` output: event headers, each followed by its
  /// stack, one frame a line (``PerfScriptImporter``).
  case perfScript

  /// How many first bytes detection looks at.
  public static let detectionLength = 64 << 10

  /// The formats in the order detection tries them.
  public static let detectionOrder: [InputFormat] = [.perfScript, .folded]

  /// The importer that reads this format, with default options.
  public var importer: any ProfileImporter { importer(options: Options()) }

  /// The importer that reads this format with the input options of
  /// `options` (``Options/perfScript`` for perf script).
  public func importer(options: Options) -> any ProfileImporter {
    switch self {
    case .folded: return FoldedImporter()
    case .perfScript: return PerfScriptImporter(options: options.perfScript)
    }
  }

  /// The name used in messages: "folded stacks", "perf script", ...
  public var displayName: String {
    switch self {
    case .folded: return "folded stacks"
    case .perfScript: return PerfScriptImporter.formatName
    }
  }

  /// Whether the first bytes of an input look like this format.
  public func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    switch self {
    case .folded: return true
    case .perfScript: return PerfScriptImporter.recognizes(head)
    }
  }

  /// The format of an input from its first bytes.
  public static func detect(_ head: ArraySlice<UInt8>) -> InputFormat {
    detectionOrder.first { $0.recognizes(head) } ?? .folded
  }
}
