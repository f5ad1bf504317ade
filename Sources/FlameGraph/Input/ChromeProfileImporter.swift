/// Chrome DevTools and Node.js CPU profiles: `.cpuprofile` files
/// (`node --cpu-prof`, DevTools' JavaScript Profiler, `Profiler.stop` of
/// the DevTools protocol) and traces of the Trace Event format holding
/// `ProfileChunk` events (what the Performance panel saves).
///
/// A `.cpuprofile` is `{nodes: [{id, callFrame: {functionName, url,
/// lineNumber, columnNumber}, children}], samples: [node id ...],
/// timeDeltas: [µs ...], startTime, endTime}`: each sample becomes one
/// stack, the path from the root to its node. By default each sample counts
/// 1 (``Weight/samples``, what DevTools calls self samples);
/// ``Weight/time`` weighs it by the microseconds until the next sample.
/// Frames keep their function, file (the URL, a `file://` one as its
/// path), 1-based line and column (`ChromeCallFrame`); the `(root)` node
/// is dropped, `(program)`, `(idle)` and `(garbage collector)` stay frames.
/// A trace's profiles, one per thread, are merged. The unit declared is
/// samples, or microseconds with ``Weight/time``, sampled every
/// (`endTime` - `startTime`) / samples (the mean interval) when the
/// profile has both times.
///
/// The input is read whole, up to ``InputByteStream/wholeInputLimit``.
/// JSON of the wrong shape (no `nodes`, a node cycle, a child naming no
/// node) is an ``InputError/invalidFormat(format:place:reason:)`` with its
/// place (`trace.json: nodes[3].children[0]`); a sample naming no node is
/// skipped and counted in the diagnostics.
///
/// ```swift
/// let profile = try ProfileReader.readProfile(from: [.file("CPU.cpuprofile")], format: .chrome)
/// let timed = CallTreeBuilder()
/// var diagnostics = ParseDiagnostics()
/// let input = try InputByteStream(opening: .file("CPU.cpuprofile"))
/// try ChromeProfileImporter(weight: .time).importStacks(
///   from: input, into: timed, diagnostics: &diagnostics)
/// ```
public struct ChromeProfileImporter: JSONDocumentImporter {
  /// What a sample counts.
  public enum Weight: Sendable, Equatable {
    /// One per sample: a profile of samples, as DevTools counts them.
    case samples
    /// The microseconds from the sample to the next one (the last one:
    /// to the profile's `endTime`), from `timeDeltas`.
    case time
  }

  /// The name messages give the format, before "profile": "not a valid
  /// Chrome CPU profile".
  public static let formatName = "Chrome CPU"

  /// What each sample counts.
  public var weight: Weight

  /// An importer counting samples (``Weight/samples``) or time.
  public init(weight: Weight = .samples) { self.weight = weight }

  /// Adds the stacks of a parsed document.
  func importStacks(
    of document: JSONValue, source: String, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) throws {
    let profiles: [ChromeCPUProfile]
    if let events = document.array {
      profiles = try ChromeTraceEvents.profiles(
        in: events, prefix: "", source: source, diagnostics: &diagnostics)
    } else if let events = document["traceEvents"] {
      guard let list = events.array else {
        throw ChromeCPUProfile.invalid(
          source, "traceEvents", "\(events.kindDescription), not an array")
      }
      profiles = try ChromeTraceEvents.profiles(
        in: list, prefix: "traceEvents", source: source, diagnostics: &diagnostics)
    } else if document.members != nil && document["nodes"] == nil {
      throw ChromeCPUProfile.invalid(
        source, "top level", "no \"nodes\" (a .cpuprofile) or \"traceEvents\" (a trace)")
    } else {
      profiles = [try ChromeCPUProfile(cpuProfile: document, prefix: "", source: source)]
    }
    guard !profiles.isEmpty else {
      throw ChromeCPUProfile.invalid(
        source, document.array == nil ? "traceEvents" : "top level",
        "no CPU profile in the trace (no ProfileChunk event with nodes: record it with the "
          + "JavaScript samples of the Performance panel)")
    }
    var budget = StackFrameBudget()
    let entriesBefore = diagnostics.validLineCount + diagnostics.malformedLineCount
    for profile in profiles {
      try ChromeSamples.add(
        profile, weight: weight, into: builder, diagnostics: &diagnostics, source: source,
        budget: &budget)
      builder.declareUnit(unit(of: profile))
    }
    guard diagnostics.validLineCount + diagnostics.malformedLineCount > entriesBefore else {
      throw ChromeCPUProfile.invalid(
        source, "samples",
        "no samples: record for longer, or sample more often (node --cpu-prof-interval 100)")
    }
  }

  /// The unit of a profile's counts: samples, or microseconds with
  /// ``Weight/time``; sampled every (`endTime` - `startTime`) / samples,
  /// the mean time between samples, when both times are known.
  func unit(of profile: ChromeCPUProfile) -> CountUnit {
    var interval: Double?
    if let start = profile.startTime, let end = profile.endTime, !profile.samples.isEmpty {
      interval = (end - start) / Double(profile.samples.count) * 1e-6
    }
    let kind: CountUnit.Kind = weight == .time ? .time(.microseconds) : .samples
    return CountUnit(kind, samplingInterval: interval)
  }

  /// Whether the first bytes look like a Chrome profile: after a byte
  /// order mark and whitespace, either `{` and a `"nodes"` or
  /// `"traceEvents"` key (and no speedscope `"$schema"`), or `[`, then
  /// `{` and a `"ph"` key (an array of trace events). Folded stacks never
  /// start so.
  ///
  /// ```swift
  /// ChromeProfileImporter.recognizes(ArraySlice(#"{"nodes":[{"id":1"#.utf8))  // true
  /// ChromeProfileImporter.recognizes(ArraySlice("main;work 3\n".utf8))  // false
  /// ```
  public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    guard let first = JSONHead.firstSignificantIndex(head) else { return false }
    switch head[first] {
    case UInt8(ascii: "{"):
      guard !SpeedscopeImporter.recognizes(head) else { return false }
      return JSONHead.containsKey(head, "nodes") || JSONHead.containsKey(head, "traceEvents")
    case UInt8(ascii: "["):
      guard let next = JSONHead.firstSignificantIndex(head, from: first + 1) else { return false }
      return head[next] == UInt8(ascii: "{") && JSONHead.containsKey(head, "ph")
    default:
      return false
    }
  }
}
