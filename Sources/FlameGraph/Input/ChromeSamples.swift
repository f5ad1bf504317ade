/// Adds the samples of one ``ChromeCPUProfile`` to a builder, weighted as
/// ``ChromeProfileImporter/Weight`` says.
///
/// A sample naming no node, or one that is not an integer, is counted in
/// the diagnostics with its place and skipped. With a builder that merges
/// by name, samples are summed per node first and each sampled node's
/// stack is added once (in node order); a flame chart gets the samples in
/// time order, consecutive samples of one node as one stack.
enum ChromeSamples {
  static func add(
    _ profile: ChromeCPUProfile, weight: ChromeProfileImporter.Weight,
    into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics, source: String, budget: inout StackFrameBudget
  ) throws {
    var tree = try ChromeNodeTree(profile, source: source, diagnostics: &diagnostics)
    guard profile.hasSamples else {
      guard weight == .samples else {
        throw ChromeCPUProfile.invalid(
          source, profile.nodePlaces.place(of: 0).replacingFirstIndex(),
          "no \"samples\" and \"timeDeltas\" to weigh by time (the nodes' hit counts are "
            + "samples)")
      }
      try addHitCounts(
        profile, tree: &tree, into: builder, diagnostics: &diagnostics,
        source: source, budget: &budget)
      return
    }
    let weights = try sampleWeights(profile, weight: weight, source: source)
    let byNode = builder.merging == .byName
    var totals = byNode ? [Double](repeating: 0, count: profile.nodes.count) : []
    var stack: [FrameID] = []
    var runNode = -1
    var runWeight = 0.0
    var runStart = 0
    for (position, id) in profile.samples.enumerated() {
      guard let node = id == ChromeCPUProfile.invalidSample ? nil : tree.index(ofID: id) else {
        let problem =
          id == ChromeCPUProfile.invalidSample
          ? "not an integer node id" : "no node has the id \(id)"
        diagnostics.recordMalformed(
          source: source, element: profile.samplePlaces.place(of: position),
          problem: .init(problem))
        continue
      }
      diagnostics.recordValid()
      let sampleWeight = weights.map { $0[position] } ?? 1
      if byNode {
        totals[node] += sampleWeight
        continue
      }
      if node != runNode {
        if runNode >= 0 {
          try tree.stack(
            of: runNode, into: &stack, builder: builder, budget: &budget,
            place: "\(source): \(profile.samplePlaces.place(of: runStart))")
          builder.addStack(frameIDs: stack, count: runWeight)
        }
        runNode = node
        runWeight = 0
        runStart = position
      }
      runWeight += sampleWeight
    }
    if runNode >= 0 {
      try tree.stack(
        of: runNode, into: &stack, builder: builder, budget: &budget,
        place: "\(source): \(profile.samplePlaces.place(of: runStart))")
      builder.addStack(frameIDs: stack, count: runWeight)
    }
    for (node, total) in totals.enumerated() where total > 0 {
      try tree.stack(
        of: node, into: &stack, builder: builder, budget: &budget,
        place: "\(source): \(profile.nodePlaces.place(of: node))")
      builder.addStack(frameIDs: stack, count: total)
    }
  }

  /// Profiles without `samples` (older DevTools exports) count each node's
  /// `hitCount`.
  private static func addHitCounts(
    _ profile: ChromeCPUProfile, tree: inout ChromeNodeTree, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics, source: String, budget: inout StackFrameBudget
  ) throws {
    var stack: [FrameID] = []
    for (index, node) in profile.nodes.enumerated() where node.hitCount > 0 {
      guard tree.index(ofID: node.id) == index else { continue }
      try tree.stack(
        of: index, into: &stack, builder: builder, budget: &budget,
        place: "\(source): \(profile.nodePlaces.place(of: index))")
      builder.addStack(frameIDs: stack, count: Double(node.hitCount))
      diagnostics.recordValid(node.hitCount)
    }
  }

  /// Each sample's weight in microseconds with ``ChromeProfileImporter/Weight/time``
  /// (nil with `.samples`): the time to the next sample, and for the last
  /// one the time to `endTime` (0 when it is unknown). Negative or
  /// non-finite intervals (samples out of order) count 0.
  private static func sampleWeights(
    _ profile: ChromeCPUProfile, weight: ChromeProfileImporter.Weight, source: String
  ) throws -> [Double]? {
    guard weight == .time else { return nil }
    let count = profile.samples.count
    guard profile.timeDeltas.count == count else {
      throw ChromeCPUProfile.invalid(
        source, profile.samplePlaces.place(of: 0).replacingFirstIndex(),
        "\(profile.timeDeltas.count) time deltas for \(count) samples")
    }
    var weights = [Double](repeating: 0, count: count)
    for index in 0..<count where index + 1 < count {
      let delta = profile.timeDeltas[index + 1]
      weights[index] = delta.isFinite && delta > 0 ? delta : 0
    }
    if count > 0, let start = profile.startTime, let end = profile.endTime {
      let last = start + profile.timeDeltas.reduce(0, +)
      let rest = end - last
      weights[count - 1] = rest.isFinite && rest > 0 ? rest : 0
    }
    return weights
  }
}

extension String {
  /// `samples[0]` → `samples`: the array an element place is in.
  fileprivate func replacingFirstIndex() -> String {
    guard hasSuffix("]"), let bracket = lastIndex(of: "[") else { return self }
    return String(self[..<bracket])
  }
}
