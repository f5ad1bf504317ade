/// Identifies one node of a ``CallTree``: a frame reached by one call path.
public typealias NodeID = Int32

/// Stacks merged into a tree: one node per distinct call path.
///
/// Stored as columns of integers and counts (parent, frame, total), not as
/// objects, so a profile of millions of nodes stays compact. Node 0 is the
/// root, the "all" frame, with no frame name. A node's parent always has a
/// smaller id, so one pass in descending id order visits children before
/// parents.
///
/// ```swift
/// let tree = try Profile(folded: "main;a 2\nmain;b 1\n").tree
/// tree.total(of: tree.root)  // 3
/// ```
public struct CallTree: @unchecked Sendable {
  let parents: RawColumn<NodeID>
  let frameIDs: RawColumn<FrameID>
  let totals: RawColumn<Double>
  /// First-profile totals of a differential profile; nil otherwise.
  let beforeTotals: RawColumn<Double>?

  /// The root node ("all").
  public var root: NodeID { 0 }

  /// The number of nodes, the root included.
  public var nodeCount: Int { parents.count }

  /// Whether counts come in pairs (before, after).
  public var isDifferential: Bool { beforeTotals != nil }

  /// The parent of a node; -1 for the root.
  public func parent(of node: NodeID) -> NodeID { parents[Int(node)] }

  /// The frame of a node; -1 for the root.
  public func frame(of node: NodeID) -> FrameID { frameIDs[Int(node)] }

  /// The samples in a node and all its descendants (the second count of a
  /// differential profile).
  public func total(of node: NodeID) -> Double { totals[Int(node)] }

  /// The first count of a differential profile (the "before"); equal to
  /// ``total(of:)`` otherwise.
  public func beforeTotal(of node: NodeID) -> Double {
    (beforeTotals ?? totals)[Int(node)]
  }

  /// The node's depth: 0 for the root.
  public func depth(of node: NodeID) -> Int {
    var depth = 0
    var current = parents[Int(node)]
    while current >= 0 {
      depth += 1
      current = parents[Int(current)]
    }
    return depth
  }

  /// Samples spent in the node itself, not in its children.
  ///
  /// Computed from the totals of all nodes in one pass.
  public func selfCounts() -> [Double] {
    var counts = totals.array
    for node in stride(from: nodeCount - 1, to: 0, by: -1) {
      counts[Int(parents[node])] -= totals[node]
    }
    return counts
  }

  /// The children of every node whose total reaches `minimumTotal`.
  ///
  /// Layout asks only for the nodes it can draw, which keeps the index small
  /// on profiles with millions of thin nodes.
  public func childIndex(minimumTotal: Double = 0) -> ChildIndex {
    ChildIndex(tree: self, minimumTotal: minimumTotal)
  }
}
