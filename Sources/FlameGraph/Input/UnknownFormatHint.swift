/// What to tell someone whose input no importer recognized and that is no
/// folded stacks either: JSON of another shape, or binary data, named as
/// such instead of as folded stacks without counts.
///
/// ```swift
/// UnknownFormatHint(head: ArraySlice("{}".utf8))?.kind  // "JSON"
/// ```
struct UnknownFormatHint {
  /// What the input looks like: "JSON" or "binary".
  let kind: String
  /// Why it is not read, and what is.
  let reason: String

  /// A hint for the first bytes of an input, or nil when they look like
  /// text that could have been folded stacks.
  init?(head: ArraySlice<UInt8>) {
    guard let start = JSONHead.firstSignificantIndex(head) else { return nil }
    if head[start] == UInt8(ascii: "{") || head[start] == UInt8(ascii: "[") {
      kind = "JSON"
      reason =
        "it is neither a Chrome or Node CPU profile (\"nodes\" or \"traceEvents\") nor a "
        + "speedscope file (a speedscope \"$schema\"); those are the JSON formats read"
      return
    }
    if head[start...].contains(0) {
      kind = "binary"
      reason =
        "it is binary data but not a pprof profile (nor gzip); the formats read are folded "
        + "stacks, pprof, perf script, Chrome and Node CPU profiles and speedscope files"
      return
    }
    return nil
  }
}
