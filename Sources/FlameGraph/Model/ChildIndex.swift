/// The children of the nodes of a ``CallTree`` that reach a minimum total,
/// in creation order.
///
/// Holds only those nodes, as (parent, node) pairs sorted by parent, so its
/// size follows what is drawn, not the size of the tree.
public struct ChildIndex: Sendable {
  /// Visible non-root nodes sorted by parent, then by id (creation order).
  private let pairs: [(parent: NodeID, node: NodeID)]

  init(tree: CallTree, minimumTotal: Double) {
    var pairs: [(parent: NodeID, node: NodeID)] = []
    let totals = tree.totals.buffer
    for node in 1..<max(tree.nodeCount, 1) where totals[node] >= minimumTotal {
      pairs.append((tree.parent(of: NodeID(node)), NodeID(node)))
    }
    // Nodes are visited in id order, so sorting by parent alone with a
    // stable sort would do; sorting the pair keeps it explicit.
    pairs.sort { $0.parent != $1.parent ? $0.parent < $1.parent : $0.node < $1.node }
    self.pairs = pairs
  }

  /// The indexed children of a node, in the order they were created.
  public func children(of node: NodeID) -> [NodeID] {
    var low = 0
    var high = pairs.count
    while low < high {
      let middle = (low + high) / 2
      if pairs[middle].parent < node { low = middle + 1 } else { high = middle }
    }
    var children: [NodeID] = []
    while low < pairs.count && pairs[low].parent == node {
      children.append(pairs[low].node)
      low += 1
    }
    return children
  }
}
