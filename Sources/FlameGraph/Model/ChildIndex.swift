/// The children of each node of a ``CallTree``, in creation order.
///
/// A compressed layout: the children of node `n` are
/// `children[offsets[n]..<offsets[n + 1]]`. Built in two counting passes over
/// the parent column, with no per-node allocation.
public struct ChildIndex: Sendable {
  private let offsets: [Int32]
  private let children: [NodeID]

  init(tree: CallTree, minimumTotal: Double) {
    let nodeCount = tree.nodeCount
    var offsets = [Int32](repeating: 0, count: nodeCount + 1)
    let parents = tree.parents.buffer
    let totals = tree.totals.buffer
    for node in 1..<max(nodeCount, 1) where totals[node] >= minimumTotal {
      offsets[Int(parents[node]) + 1] += 1
    }
    for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
    var next = offsets
    var children = [NodeID](repeating: 0, count: Int(offsets[nodeCount]))
    for node in 1..<max(nodeCount, 1) where totals[node] >= minimumTotal {
      let parent = Int(parents[node])
      children[Int(next[parent])] = NodeID(node)
      next[parent] += 1
    }
    self.offsets = offsets
    self.children = children
  }

  /// The indexed children of a node, in the order they were created.
  public func children(of node: NodeID) -> ArraySlice<NodeID> {
    children[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])]
  }
}
