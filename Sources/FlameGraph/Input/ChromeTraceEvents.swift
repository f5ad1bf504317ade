/// The CPU profiles in a trace of Chrome's Trace Event format, what the
/// Performance panel saves: a JSON array of events, or `{"traceEvents": [...]}`.
///
/// A profile is the `Profile` event (its `args.data.startTime`) and the
/// `ProfileChunk` events with the same `pid` and `id`, each adding
/// `args.data.cpuProfile.nodes`, `.samples` and `args.data.timeDeltas`, in
/// event order; older traces hold a whole `.cpuprofile` in a `CpuProfile`
/// event's `args.data.cpuProfile`. Every other event is ignored.
enum ChromeTraceEvents {
  /// The profiles, in the order their first event appears; profiles
  /// without nodes left out.
  static func profiles(
    in events: [JSONValue], prefix: String, source: String, diagnostics: inout ParseDiagnostics
  ) throws -> [ChromeCPUProfile] {
    var profiles: [ChromeCPUProfile] = []
    var indexByKey: [String: Int] = [:]
    func profileIndex(_ event: JSONValue) -> Int {
      let key = "\(scalarText(event["pid"]))/\(scalarText(event["id"]))"
      if let index = indexByKey[key] { return index }
      indexByKey[key] = profiles.count
      profiles.append(ChromeCPUProfile())
      return profiles.count - 1
    }
    for (position, event) in events.enumerated() {
      let place = "\(prefix)[\(position)]"
      guard event.members != nil else {
        diagnostics.recordMalformed(
          source: source, element: place, problem: .init("the event is not an object"))
        continue
      }
      guard let name = event["name"]?.string else { continue }
      let data = event["args"]?["data"]
      switch name {
      case "Profile":
        let index = profileIndex(event)
        if let start = data?["startTime"]?.number { profiles[index].startTime = start }
      case "ProfileChunk":
        let index = profileIndex(event)
        let dataPlace = place + ".args.data"
        if let cpuProfile = data?["cpuProfile"] {
          let profilePlace = dataPlace + ".cpuProfile"
          if let nodes = cpuProfile["nodes"] {
            try profiles[index].appendNodes(nodes, prefix: profilePlace + ".nodes", source: source)
          }
          if let samples = cpuProfile["samples"] {
            try profiles[index].appendSamples(
              samples, prefix: profilePlace + ".samples", source: source)
          }
          if let end = cpuProfile["endTime"]?.number { profiles[index].endTime = end }
        }
        if let deltas = data?["timeDeltas"] {
          try profiles[index].appendTimeDeltas(
            deltas, prefix: dataPlace + ".timeDeltas", source: source)
        }
      case "CpuProfile":
        guard let cpuProfile = data?["cpuProfile"] else { continue }
        let index = profileIndex(event)
        profiles[index] = try ChromeCPUProfile(
          cpuProfile: cpuProfile, prefix: place + ".args.data.cpuProfile", source: source)
        if let deltas = data?["timeDeltas"], profiles[index].timeDeltas.isEmpty {
          try profiles[index].appendTimeDeltas(
            deltas, prefix: place + ".args.data.timeDeltas", source: source)
        }
      default:
        continue
      }
    }
    return profiles.filter { !$0.nodes.isEmpty }
  }

  /// A `pid` or `id` as text: `"0x1"`, `42`; empty when missing.
  private static func scalarText(_ value: JSONValue?) -> String {
    switch value {
    case .string(let text): return text
    case .number(let number): return "\(number)"
    default: return ""
    }
  }
}
