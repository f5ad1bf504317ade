/// Samples spent in each node itself, kept as compactly as the parser had
/// them: a sorted list of the nodes that end a stack, or a column when most
/// nodes do.
struct SelfCountTable: @unchecked Sendable {
  private let nodes: [NodeID]
  private let counts: [Double]
  private let dense: RawColumn<Double>?

  /// A sparse table from (node, count) records in any order, with repeats.
  init(records: [(node: NodeID, count: Double)], factor: Double) {
    var nodes: [NodeID] = []
    var counts: [Double] = []
    for record in records.sorted(by: { $0.node < $1.node }) {
      if nodes.last == record.node {
        counts[counts.count - 1] += record.count * factor
      } else {
        nodes.append(record.node)
        counts.append(record.count * factor)
      }
    }
    self.nodes = nodes
    self.counts = counts
    dense = nil
  }

  /// A sparse table from distinct nodes in ascending order and their
  /// counts, already scaled.
  init(sortedNodes: [NodeID], counts: [Double]) {
    nodes = sortedNodes
    self.counts = counts
    dense = nil
  }

  /// A dense table: one count per node.
  init(column: RawColumn<Double>, factor: Double) {
    let copy = RawColumn(copying: column)
    if factor != 1 { for node in 0..<copy.count { copy[node] *= factor } }
    nodes = []
    counts = []
    dense = copy
  }

  /// The nodes with samples of their own, in ascending order.
  var nodesWithSamples: [NodeID] {
    if let dense { return (0..<dense.count).filter { dense[$0] > 0 }.map { NodeID($0) } }
    return zip(nodes, counts).filter { $0.1 > 0 }.map(\.0)
  }

  /// The node's own count.
  func count(of node: NodeID) -> Double {
    if let dense { return Int(node) < dense.count ? dense[Int(node)] : 0 }
    var low = 0
    var high = nodes.count
    while low < high {
      let middle = (low + high) / 2
      if nodes[middle] < node { low = middle + 1 } else { high = middle }
    }
    return low < nodes.count && nodes[low] == node ? counts[low] : 0
  }
}
