/// The profile formats the reader understands, and how each is told from
/// its first bytes when no format is given.
///
/// Detection looks at the first ``detectionLength`` bytes (after gzip
/// decompression) and tries the formats in ``detectionOrder``; the first
/// that recognizes them wins. Folded stacks come last and take anything,
/// so a plain text profile never needs a flag. Each format's test is
/// documented on its importer's `recognizes(_:)`.
///
/// ```swift
/// InputFormat.detect(ArraySlice("main;work 3\n".utf8))  // .folded
/// InputFormat.detect(ArraySlice("app 42 1.5: cycles:\n\tf00 main (/bin/app)\n".utf8))
/// // .perfScript
/// ```
public enum InputFormat: String, CaseIterable, Sendable {
  /// Folded stacks: `main;parse;read 120`.
  case folded
  /// pprof's `profile.proto` protobuf (``PprofImporter``).
  case pprof
  /// Linux `perf script` output: event headers, each followed by its
  /// stack, one frame a line (``PerfScriptImporter``).
  case perfScript = "perf"
  /// Chrome DevTools and Node `.cpuprofile` files and Performance-panel
  /// traces (``ChromeProfileImporter``).
  case chrome
  /// speedscope's JSON file format (``SpeedscopeImporter``).
  case speedscope

  /// How many first bytes detection looks at.
  public static let detectionLength = 64 << 10

  /// The formats in the order detection tries them.
  public static let detectionOrder: [InputFormat] = [
    .pprof, .speedscope, .chrome, .perfScript, .folded,
  ]

  /// The importer that reads this format, with default choices.
  public var importer: any ProfileImporter { importer(with: ImportOptions()) }

  /// The importer that reads this format with these choices.
  public func importer(with options: ImportOptions) -> any ProfileImporter {
    switch self {
    case .folded: return FoldedImporter()
    case .pprof: return PprofImporter(sampleType: options.sampleType)
    case .perfScript: return PerfScriptImporter(options: options.perfScript)
    case .chrome: return ChromeProfileImporter(weight: options.chromeWeight)
    case .speedscope: return SpeedscopeImporter(profile: options.speedscopeProfile)
    }
  }

  /// The name used in messages: "folded stacks", "perf script", ...
  public var displayName: String {
    switch self {
    case .folded: return "folded stacks"
    case .pprof: return "pprof"
    case .perfScript: return PerfScriptImporter.formatName
    case .chrome: return ChromeProfileImporter.formatName + " profile"
    case .speedscope: return SpeedscopeImporter.formatName
    }
  }

  /// Whether the first bytes of an input look like this format.
  public func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    switch self {
    case .folded: return true
    case .pprof: return PprofImporter.recognizes(head)
    case .perfScript: return PerfScriptImporter.recognizes(head)
    case .chrome: return ChromeProfileImporter.recognizes(head)
    case .speedscope: return SpeedscopeImporter.recognizes(head)
    }
  }

  /// The format of an input from its first bytes.
  public static func detect(_ head: ArraySlice<UInt8>) -> InputFormat {
    detectionOrder.first { $0.recognizes(head) } ?? .folded
  }

  /// The format of an opened input, and the first ``detectionLength``
  /// bytes it was told by (left unread in `input`).
  ///
  /// A JSON object whose telling key comes late (a `.cpuprofile` whose
  /// `"nodes"` follows megabytes of samples, a speedscope file with its
  /// `"$schema"` last) is looked at further, four times more each time, up
  /// to ``InputByteStream/wholeInputLimit``: JSON formats are read whole
  /// anyway. Only an input that opens as a JSON object with a key (`{`,
  /// then `"`) is looked at further: a folded line may start with `{`
  /// (`{closure};main 3`), hardly ever with `{"`.
  public static func detect(in input: InputByteStream) throws -> (InputFormat, ArraySlice<UInt8>) {
    var length = detectionLength
    var head = try input.peek(length)
    var format = detect(head)
    guard format == .folded, let open = JSONHead.firstSignificantIndex(head),
      head[open] == UInt8(ascii: "{"),
      let key = JSONHead.firstSignificantIndex(head, from: open + 1),
      head[key] == UInt8(ascii: "\"")
    else { return (format, head) }
    while format == .folded, head.count == length, length < InputByteStream.wholeInputLimit {
      length = min(length * 4, InputByteStream.wholeInputLimit)
      head = try input.peek(length)
      format = detect(head)
    }
    // A copy, so that the longer look does not stay in memory.
    return (format, ArraySlice(Array(head.prefix(detectionLength))))
  }
}
