/// Builds the ``FrameCatalog`` of a scene once its boxes are placed.
///
/// Thin frames (below the minimum width) are listed in node order, which
/// puts parents before children because a parent's id is always smaller.
/// When a profile has more thin frames than `thinFrameLimit`, only the
/// widest are listed: a threshold on totals is chosen from a histogram, and
/// since a child's total never exceeds its parent's, the listed frames stay
/// connected to the drawn ones. What is left out is summed per listed parent
/// in ``FrameCatalog/unlistedSamples``, so a viewer knows the bounds of its
/// search totals.
///
/// Cost: two passes over the tree's columns (one when everything is listed),
/// and dictionary lookups only for listed frames and their direct children.
struct FrameCatalogBuilder {
  let profile: Profile
  let minimumTotal: Double
  let thinFrameLimit: Int

  func catalog(for boxes: [FrameBox]) -> FrameCatalog {
    var names = NameTable(profile: profile)
    let frameNames = boxes.map { names.index(ofNode: $0.node, drawnName: $0.name) }
    var lightLabelFrames: [Int32] = []
    for (index, box) in boxes.enumerated() where box.fill.labelColor == .white {
      lightLabelFrames.append(Int32(index))
    }
    let (thinFrames, unlisted) = thinFrames(below: boxes, names: &names)
    return FrameCatalog(
      names: names.names, frameNames: frameNames,
      lightLabelFrames: lightLabelFrames, thinFrames: thinFrames, unlistedSamples: unlisted)
  }

  /// The listed thin frames, and the unlisted samples per catalog index
  /// (empty when nothing is left out).
  private func thinFrames(below boxes: [FrameBox], names: inout NameTable) -> (
    [ThinFrame], [Double]
  ) {
    let tree = profile.tree
    // Invariant: both columns hold `nodeCount` initialized elements.
    let totals = tree.totals.buffer
    let keys = tree.keys.buffer
    let threshold = listingThreshold(totals)
    var catalogIndex: [NodeID: Int32] = [:]
    catalogIndex.reserveCapacity(boxes.count)
    for (index, box) in boxes.enumerated() { catalogIndex[box.node] = Int32(index) }
    var thin: [ThinFrame] = []
    // Only a threshold above zero leaves frames out; `unlisted` then grows
    // with the catalog, one entry per box and per listed thin frame.
    let leavesOut = threshold > 0
    var unlisted = [Double](repeating: 0, count: leavesOut ? boxes.count : 0)
    for node in 1..<max(totals.count, 1) {
      let total = totals[node]
      // Drawn frames are boxes already; empty frames change no total.
      guard total < minimumTotal, total > 0 else { continue }
      let parent = CallTree.parent(ofKey: keys[node])
      if total >= threshold {
        guard let parentIndex = catalogIndex[parent] else { continue }
        catalogIndex[NodeID(node)] = Int32(boxes.count + thin.count)
        let frame = tree.frame(of: NodeID(node))
        thin.append(ThinFrame(parent: parentIndex, name: names.index(ofFrame: frame), total: total))
        if leavesOut { unlisted.append(0) }
      } else if totals[Int(parent)] >= threshold, let parentIndex = catalogIndex[parent] {
        // Left out, but its parent is listed: the viewer must know how
        // many samples under that parent it cannot search.
        unlisted[Int(parentIndex)] += total
      }
    }
    if !unlisted.contains(where: { $0 > 0 }) { unlisted = [] }
    return (thin, unlisted)
  }

  /// The smallest total a thin frame needs to be listed: 0 when all fit in
  /// the limit; otherwise the lower edge of the histogram bucket where the
  /// count of wider thin frames would exceed the limit.
  private func listingThreshold(_ totals: UnsafeBufferPointer<Double>) -> Double {
    // Buckets are the top bits of a positive double (exponent and three
    // bits of mantissa): ordered like the values, eight per octave.
    let shift: UInt64 = 49
    var buckets = [Int](repeating: 0, count: 1 << (63 - Int(shift)))
    var count = 0
    for node in 1..<max(totals.count, 1) {
      let total = totals[node]
      if total < minimumTotal && total > 0 {
        buckets[Int(total.bitPattern >> shift)] += 1
        count += 1
      }
    }
    guard count > thinFrameLimit else { return 0 }
    var bucket = buckets.count
    var kept = 0
    while bucket > 0 && kept + buckets[bucket - 1] <= thinFrameLimit {
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
