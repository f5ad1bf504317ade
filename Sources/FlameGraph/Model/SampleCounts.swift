/// The counts added to nodes while stacks are merged, before totals exist.
///
/// Only the last node of each stack gets a count, and a profile has far
/// fewer lines than nodes (200,000 lines make about 4 million nodes), so
/// counts start as a short list of (node, count) records instead of a column
/// as long as the tree. When records outnumber half the nodes (inputs of many
/// short lines), they fold into a dense column, so memory stays bounded by
/// whichever is smaller.
struct SampleCounts {
  private var nodes = RawColumn<NodeID>(capacity: 1 << 12)
  private var counts = RawColumn<Double>(capacity: 1 << 12)
  private var dense: RawColumn<Double>?

  /// Adds `count` to `node`.
  @inline(__always)
  mutating func add(_ count: Double, to node: NodeID, nodeCount: Int) {
    if let dense {
      while dense.count < nodeCount { dense.append(0) }
      dense[Int(node)] += count
      return
    }
    // Consecutive lines often end at the same node: one record for them.
    if nodes.count > 0 && nodes[nodes.count - 1] == node {
      counts[counts.count - 1] += count
      return
    }
    nodes.append(node)
    counts.append(count)
    if nodes.count > 4096 && nodes.count * 2 > nodeCount { makeDense(nodeCount: nodeCount) }
  }

  private mutating func makeDense(nodeCount: Int) {
    let column = RawColumn<Double>(repeating: 0, count: nodeCount)
    for record in 0..<nodes.count { column[Int(nodes[record])] += counts[record] }
    dense = column
    nodes = RawColumn<NodeID>(capacity: 16)
    counts = RawColumn<Double>(capacity: 16)
  }

  /// The counts as a table of self counts, scaled by `factor`.
  func selfCountTable(factor: Double) -> SelfCountTable {
    if let dense { return SelfCountTable(column: dense, factor: factor) }
    var records: [(node: NodeID, count: Double)] = []
    records.reserveCapacity(nodes.count)
    for record in 0..<nodes.count { records.append((nodes[record], counts[record])) }
    return SelfCountTable(records: records, factor: factor)
  }

  /// A column of per-node counts for `nodeCount` nodes.
  func column(nodeCount: Int) -> RawColumn<Double> {
    if let dense {
      while dense.count < nodeCount { dense.append(0) }
      return dense
    }
    let column = RawColumn<Double>(repeating: 0, count: nodeCount)
    for record in 0..<nodes.count { column[Int(nodes[record])] += counts[record] }
    return column
  }
}

extension SampleCounts {
  /// An independent copy (the columns are references).
  func copy() -> SampleCounts {
    var copy = SampleCounts()
    for record in 0..<nodes.count {
      copy.nodes.append(nodes[record])
      copy.counts.append(counts[record])
    }
    if let dense { copy.dense = RawColumn(copying: dense) }
    return copy
  }
}
