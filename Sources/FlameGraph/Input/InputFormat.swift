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
/// InputFormat.detect(ArraySlice(#"{"nodes":[{"id":1,"#.utf8))  // .chrome
/// ```
public enum InputFormat: String, CaseIterable, Sendable {
  /// Chrome DevTools and Node.js CPU profiles (`.cpuprofile`) and Chrome
  /// traces with `ProfileChunk` events: ``ChromeProfileImporter``.
  case chrome
  /// speedscope's file format: ``SpeedscopeImporter``.
  case speedscope
  /// Folded stacks: `main;parse;read 120`.
  case folded

  /// How many first bytes detection looks at.
  public static let detectionLength = 64 << 10

  /// The formats in the order detection tries them.
  public static let detectionOrder: [InputFormat] = [.speedscope, .chrome, .folded]

  /// The importer that reads this format.
  public var importer: any ProfileImporter {
    switch self {
    case .chrome: return ChromeProfileImporter()
    case .speedscope: return SpeedscopeImporter()
    case .folded: return FoldedImporter()
    }
  }

  /// The name used in messages: "folded stacks", "perf script", ...
  public var displayName: String {
    switch self {
    case .chrome: return "Chrome CPU profile"
    case .speedscope: return "speedscope"
    case .folded: return "folded stacks"
    }
  }

  /// Whether the first bytes of an input look like this format.
  public func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    switch self {
    case .chrome: return ChromeProfileImporter.recognizes(head)
    case .speedscope: return SpeedscopeImporter.recognizes(head)
    case .folded: return true
    }
  }

  /// The format of an input from its first bytes.
  public static func detect(_ head: ArraySlice<UInt8>) -> InputFormat {
    detectionOrder.first { $0.recognizes(head) } ?? .folded
  }
}
