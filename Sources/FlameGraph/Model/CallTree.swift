/// Identifies one node of a ``CallTree``: a frame reached by one call path.
public typealias NodeID = Int32

/// Stacks merged into a tree: one node per distinct call path.
///
/// Stored as columns (a (parent, frame) key and a total per node), not as
/// objects, so a profile of millions of nodes stays compact. Node 0 is the
/// root, the "all" frame, with no frame name. A node's parent always has a
/// smaller id, so one pass in descending id order visits children before
/// parents.
///
/// ```swift
/// let tree = try Profile(folded: "main;a 2\nmain;b 1\n").tree
/// tree.total(of: tree.root)  // 3
/// ```
///
/// Sendable because its storage is never written once it exists: the
/// ``CallTreeBuilder`` that filled it is spent (``CallTreeBuilder/finish(factor:diagnostics:)``
/// runs once and the builder refuses any use after it).
public struct CallTree: @unchecked Sendable {
  let keys: RawColumn<UInt64>
  let totals: RawColumn<Double>
  /// First-profile totals of a differential profile; nil otherwise.
  let beforeTotals: RawColumn<Double>?
  /// The samples of each node itself.
  let selfCountTable: SelfCountTable
  /// Nodes of the merged stacks that a ``TreeRetention`` left out as too
  /// thin to draw; 0 when the tree has every node.
  public internal(set) var omittedNodeCount = 0

  /// The root node ("all").
  public var root: NodeID { 0 }

  /// The number of nodes, the root included.
  public var nodeCount: Int { keys.count }

  /// Whether counts come in pairs (before, after).
  public var isDifferential: Bool { beforeTotals != nil }

  /// The parent of a node; -1 for the root.
  public func parent(of node: NodeID) -> NodeID { Self.parent(ofKey: keys[Int(node)]) }

  /// The frame of a node; -1 for the root.
  public func frame(of node: NodeID) -> FrameID { Self.frame(ofKey: keys[Int(node)]) }

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
    var current = parent(of: node)
    while current >= 0 {
      depth += 1
      current = parent(of: current)
    }
    return depth
  }

  /// Samples spent in the node itself, not in its children (the second
  /// count of a differential profile).
  public func selfCount(of node: NodeID) -> Double { selfCountTable.count(of: node) }

  /// The nodes that end at least one stack (whose own count is positive),
  /// in ascending order: the distinct stacks of the profile.
  public func nodesWithSelfSamples() -> [NodeID] { selfCountTable.nodesWithSamples }

  /// Samples spent in each node itself, not in its children, indexed by node.
  public func selfCounts() -> [Double] {
    (0..<nodeCount).map { selfCount(of: NodeID($0)) }
  }

  /// The children of every node whose total reaches `minimumTotal`.
  ///
  /// Layout asks only for the nodes it can draw, which keeps the index small
  /// on profiles with millions of thin nodes.
  public func childIndex(minimumTotal: Double = 0) -> ChildIndex {
    ChildIndex(tree: self, minimumTotal: minimumTotal)
  }

  /// A node's key: parent in the high half, frame in the low half.
  @inline(__always)
  static func key(parent: NodeID, frame: FrameID) -> UInt64 {
    UInt64(UInt32(bitPattern: parent)) << 32 | UInt64(UInt32(bitPattern: frame))
  }

  @inline(__always)
  static func parent(ofKey key: UInt64) -> NodeID { NodeID(truncatingIfNeeded: key >> 32) }

  @inline(__always)
  static func frame(ofKey key: UInt64) -> FrameID { FrameID(truncatingIfNeeded: key) }
}
