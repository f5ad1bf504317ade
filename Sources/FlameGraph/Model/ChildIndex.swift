/// The children of the nodes of a ``CallTree`` that reach a minimum total,
/// in creation order.
///
/// When few nodes qualify (layout asks only for what it can draw), the
/// index holds (parent, node) pairs sorted by parent, so its size follows
/// what is drawn. When most do (exporting the whole tree), it is a
/// compressed layout built by counting: the children of `n` are
/// `children[offsets[n]..<offsets[n + 1]]`.
public struct ChildIndex: Sendable {
  private enum Storage {
    case pairs([(parent: NodeID, node: NodeID)])
    case compressed(offsets: [Int32], children: [NodeID])
  }

  private let storage: Storage
  /// How many nodes reach the minimum, the root included: the boxes a
  /// layout of the whole tree places.
  let reachingCount: Int

  init(tree: CallTree, minimumTotal: Double) {
    let totals = tree.totals.buffer
    let nodeCount = tree.nodeCount
    var included = 0
    for node in 1..<max(nodeCount, 1) where totals[node] >= minimumTotal { included += 1 }
    reachingCount = included + 1
    if included * 8 < nodeCount {
      var pairs: [(parent: NodeID, node: NodeID)] = []
      pairs.reserveCapacity(included)
      for node in 1..<max(nodeCount, 1) where totals[node] >= minimumTotal {
        pairs.append((tree.parent(of: NodeID(node)), NodeID(node)))
      }
      pairs.sort { $0.parent != $1.parent ? $0.parent < $1.parent : $0.node < $1.node }
      storage = .pairs(pairs)
      return
    }
    var offsets = [Int32](repeating: 0, count: nodeCount + 1)
    for node in 1..<max(nodeCount, 1) where totals[node] >= minimumTotal {
      offsets[Int(tree.parent(of: NodeID(node))) + 1] += 1
    }
    for node in 0..<nodeCount { offsets[node + 1] += offsets[node] }
    var next = offsets
    var children = [NodeID](repeating: 0, count: Int(offsets[nodeCount]))
    // Ascending ids: each parent's children come out in creation order.
    for node in 1..<max(nodeCount, 1) where totals[node] >= minimumTotal {
      let parent = Int(tree.parent(of: NodeID(node)))
      children[Int(next[parent])] = NodeID(node)
      next[parent] += 1
    }
    storage = .compressed(offsets: offsets, children: children)
  }

  /// The indexed children of a node, in the order they were created,
  /// written over `children` (whose storage is reused: a walk over every
  /// node then allocates nothing per node).
  func children(of node: NodeID, into children: inout [NodeID]) {
    children.removeAll(keepingCapacity: true)
    switch storage {
    case .compressed(let offsets, let all):
      children.append(contentsOf: all[Int(offsets[Int(node)])..<Int(offsets[Int(node) + 1])])
    case .pairs(let pairs):
      var low = 0
      var high = pairs.count
      while low < high {
        let middle = (low + high) / 2
        if pairs[middle].parent < node { low = middle + 1 } else { high = middle }
      }
      while low < pairs.count && pairs[low].parent == node {
        children.append(pairs[low].node)
        low += 1
      }
    }
  }

  /// The indexed children of a node, in the order they were created.
  public func children(of node: NodeID) -> [NodeID] {
    var children: [NodeID] = []
    self.children(of: node, into: &children)
    return children
  }
}
