/// Builds the ``FrameCatalog`` of a scene once its boxes are placed (or
/// planned: ``CatalogEntry``).
///
/// Thin frames (below the minimum width) are listed in node order, which
/// puts parents before children because a parent's id is always smaller.
/// When a profile has more thin frames than `thinFrameLimit`, only the
/// widest (about that many) are listed: a threshold on totals is chosen from
/// a histogram, and since a child's total never exceeds its parent's, the
/// listed frames stay connected to the drawn ones. What is left out is
/// summed per listed parent in ``FrameCatalog/unlistedSamples`` (its total,
/// less its own samples and its listed children's), so a viewer knows the
/// bounds of its search totals.
///
/// Cost: one sequential scan of the totals, a sampled one when the limit is
/// reached, and a look-up in a table by node for the parent of each listed
/// frame.
struct FrameCatalogBuilder {
  let profile: Profile
  let minimumTotal: Double
  let thinFrameLimit: Int
  /// Nodes wide enough to draw that were cut with the canvas's last rows
  /// (``CanvasFit/auto``), ascending: listed as thin frames, so search
  /// totals still count them.
  var cutNodes: [NodeID] = []

  func catalog<Entry: CatalogEntry>(for boxes: [Entry]) -> FrameCatalog {
    var names = NameTable(profile: profile)
    // Indices, not `for box in boxes`: copying a box copies its strings.
    var frameNames: [Int32] = []
    frameNames.reserveCapacity(boxes.count)
    var lightLabelFrames: [Int32] = []
    for index in boxes.indices {
      frameNames.append(names.index(ofNode: boxes[index].node, drawnName: boxes[index].name))
      if boxes[index].fill.labelColor == .white { lightLabelFrames.append(Int32(index)) }
    }
    let (thinFrames, unlisted) = thinFrames(below: boxes, names: &names)
    return FrameCatalog(
      names: names.names, frameNames: frameNames,
      lightLabelFrames: lightLabelFrames, thinFrames: thinFrames, unlistedSamples: unlisted)
  }

  /// The listed thin frames, and the unlisted samples per catalog index
  /// (empty when nothing is left out).
  private func thinFrames<Entry: CatalogEntry>(below boxes: [Entry], names: inout NameTable) -> (
    [ThinFrame], [Double]
  ) {
    let tree = profile.tree
    // Invariant: both columns hold `nodeCount` initialized elements.
    let totals = tree.totals.buffer
    let keys = tree.keys.buffer
    let threshold = listingThreshold(totals)
    // The catalog index of each node drawn or listed so far, -1 for the
    // others: a thin frame's parent is listed before it (a parent's id is
    // smaller), so one look-up finds it.
    var catalogIndex = [Int32](repeating: -1, count: totals.count)
    for index in boxes.indices { catalogIndex[Int(boxes[index].node)] = Int32(index) }
    // A tight scan first, then the work on the few frames it finds. Drawn
    // frames are boxes already; empty frames change no total.
    var thinNodes: [NodeID] = []
    thinNodes.reserveCapacity(min(thinFrameLimit + thinFrameLimit / 2, totals.count))
    let lowest = max(threshold, .leastNonzeroMagnitude)
    for node in 1..<max(totals.count, 1) {
      let total = totals[node]
      if total < minimumTotal && total >= lowest { thinNodes.append(NodeID(node)) }
    }
    if !cutNodes.isEmpty { thinNodes = merged(thinNodes, cutNodes) }
    var thin: [ThinFrame] = []
    thin.reserveCapacity(thinNodes.count)
    var listedNodes: [NodeID] = []
    listedNodes.reserveCapacity(thinNodes.count)
    for node in thinNodes {
      let parent = Int(CallTree.parent(ofKey: keys[Int(node)]))
      guard parent >= 0, parent < catalogIndex.count, catalogIndex[parent] >= 0 else { continue }
      let parentIndex = catalogIndex[parent]
      catalogIndex[Int(node)] = Int32(boxes.count + thin.count)
      thin.append(
        ThinFrame(
          parent: parentIndex, name: names.index(ofFrame: tree.frame(of: node)),
          total: totals[Int(node)]))
      listedNodes.append(node)
    }
    guard threshold > 0 else { return (thin, []) }
    // What a listed frame holds beyond itself and its listed children was
    // left out.
    var unlisted = boxes.indices.map { boxes[$0].total - boxes[$0].selfCount }
    unlisted += listedNodes.map { tree.total(of: $0) - tree.selfCount(of: $0) }
    for index in boxes.indices where boxes[index].parent >= 0 {
      unlisted[boxes[index].parent] -= boxes[index].total
    }
    for frame in thin { unlisted[Int(frame.parent)] -= frame.total }
    // Rounding leftovers of fractional counts are not samples.
    let tolerance = (boxes.first?.total ?? 0) * 1e-12
    for index in unlisted.indices where unlisted[index] <= tolerance { unlisted[index] = 0 }
    if !unlisted.contains(where: { $0 > 0 }) { unlisted = [] }
    return (thin, unlisted)
  }

  /// Two ascending lists of distinct nodes as one ascending list.
  private func merged(_ first: [NodeID], _ second: [NodeID]) -> [NodeID] {
    var result: [NodeID] = []
    result.reserveCapacity(first.count + second.count)
    var (i, j) = (0, 0)
    while i < first.count || j < second.count {
      if j == second.count || (i < first.count && first[i] < second[j]) {
        result.append(first[i])
        i += 1
      } else {
        result.append(second[j])
        j += 1
      }
    }
    return result
  }

  /// The smallest total a thin frame needs to be listed: 0 when all fit in
  /// the limit. Otherwise a histogram of a sample of the totals (every
  /// `stride`-th node) estimates how many thin frames each threshold keeps,
  /// and the lowest bucket edge that keeps at most the limit wins: a
  /// scan of every node would cost as much as the rest of the catalog.
  private func listingThreshold(_ totals: UnsafeBufferPointer<Double>) -> Double {
    guard totals.count - 1 > thinFrameLimit else { return 0 }
    // Buckets are the top bits of a positive double (exponent and three
    // bits of mantissa): ordered like the values, eight per octave.
    let shift: UInt64 = 49
    var buckets = [Int](repeating: 0, count: 1 << (63 - Int(shift)))
    let stride = max(1, totals.count / 65_536)
    var sampled = 0
    buckets.withUnsafeMutableBufferPointer { buckets in
      for node in Swift.stride(from: 1, to: totals.count, by: stride) {
        let total = totals[node]
        if total < minimumTotal && total > 0 {
          buckets[Int(total.bitPattern >> shift)] += 1
          sampled += 1
        }
      }
    }
    guard sampled * stride > thinFrameLimit else { return 0 }
    var bucket = buckets.count
    var kept = 0
    while bucket > 0 && (kept + buckets[bucket - 1]) * stride <= thinFrameLimit {
      bucket -= 1
      kept += buckets[bucket]
    }
    guard bucket < buckets.count else { return minimumTotal }
    return Double(bitPattern: UInt64(bucket) << shift)
  }
}

/// Frame names by frame id, each added once.
private struct NameTable {
  let profile: Profile
  var names: [String] = []
  private var indexOfFrame: [Int32]
  private var rootIndex: Int32 = -1

  init(profile: Profile) {
    self.profile = profile
    indexOfFrame = [Int32](repeating: -1, count: profile.frames.count)
  }

  /// The index of a drawn box's name.
  mutating func index(ofNode node: NodeID, drawnName: String) -> Int32 {
    let frame = profile.tree.frame(of: node)
    if frame < 0 {
      if rootIndex < 0 { rootIndex = append(drawnName) }
      return rootIndex
    }
    if indexOfFrame[Int(frame)] < 0 {
      indexOfFrame[Int(frame)] = append(drawnName)
    }
    return indexOfFrame[Int(frame)]
  }

  /// The index of a thin frame's name.
  mutating func index(ofFrame frame: FrameID) -> Int32 {
    if indexOfFrame[Int(frame)] < 0 {
      indexOfFrame[Int(frame)] = append(profile.frames.name(of: frame))
    }
    return indexOfFrame[Int(frame)]
  }

  private mutating func append(_ name: String) -> Int32 {
    names.append(name)
    return Int32(names.count - 1)
  }
}
