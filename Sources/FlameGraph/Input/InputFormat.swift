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
/// ```
public enum InputFormat: String, CaseIterable, Sendable {
  /// Folded stacks: `main;parse;read 120`.
  case folded
  /// pprof's `profile.proto` protobuf (``PprofImporter``), decompressed.
  case pprof

  /// How many first bytes detection looks at.
  public static let detectionLength = 64 << 10

  /// The formats in the order detection tries them.
  public static let detectionOrder: [InputFormat] = [.pprof, .folded]

  /// The importer that reads this format.
  public var importer: any ProfileImporter {
    switch self {
    case .folded: return FoldedImporter()
    case .pprof: return PprofImporter()
    }
  }

  /// The name used in messages: "folded stacks", "perf script", ...
  public var displayName: String {
    switch self {
    case .folded: return "folded stacks"
    case .pprof: return "pprof"
    }
  }

  /// Whether the first bytes of an input look like this format.
  public func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    switch self {
    case .folded: return true
    case .pprof: return PprofImporter.recognizes(head)
    }
  }

  /// The format of an input from its first bytes.
  public static func detect(_ head: ArraySlice<UInt8>) -> InputFormat {
    detectionOrder.first { $0.recognizes(head) } ?? .folded
  }
}
