/// The tree half of merging stacks: inserts stacks of frame ids into a
/// growing tree and turns their counts into totals.
///
/// Each node is one 64-bit key, (parent, frame), and links to its newest
/// child and its next older sibling. A child is found by walking its
/// parent's short sibling list; a parent with many children moves them into
/// a ``NodeLookupTable``. Most nodes of a large profile are created below a
/// node that the same stack just created, where nothing needs looking up at
/// all, so building is mostly sequential appends. Counts are kept sparse
/// until ``finishTree(factor:)`` turns them into totals. Nodes are only ever
/// appended, so a parent's id is smaller than its children's.
///
/// Flame charts use it (a chart continues a frame only from the previous
/// stack); stacks merged by name go through ``ChainTreeMerger``, whose
/// tests compare it with this node-by-node merging.
final class TreeMerger: StackSink {
  /// Key and links of every node, side by side so that a walk along a
  /// sibling list costs one cache line per sibling.
  private let nodes = RawColumn<BuilderNode>(capacity: 1 << 16)
  private var counts = SampleCounts()
  private var beforeCounts: SampleCounts?
  private let lookup = NodeLookupTable()
  private let merging: StackMerging
  /// Flame charts: the nodes of the previous stack, root first.
  private var previousPath: [NodeID] = []
  /// Sibling lists longer than this move into the lookup table.
  private static let longestWalk = 12

  init(merging: StackMerging) {
    self.merging = merging
    appendNode(key: CallTree.key(parent: -1, frame: -1), parent: -1)
  }

  /// Inserts one stack, root first, with its counts.
  func accept(_ frames: UnsafeBufferPointer<FrameID>, count: Double, before: Double?) {
    var node: NodeID = 0
    var isNew = false
    let isChart = merging == .consecutive
    for (depth, frame) in frames.enumerated() {
      let key = CallTree.key(parent: node, frame: frame)
      // Below a node created by this very stack nothing exists yet.
      if !isNew {
        let found: NodeID
        if isChart {
          // A flame chart continues a frame only if the previous stack ran
          // it too, at this depth under the same parents: its key says so.
          found =
            depth < previousPath.count && nodes[Int(previousPath[depth])].key == key
            ? previousPath[depth] : -1
        } else {
          found = child(of: node, key: key)
        }
        if found >= 0 {
          node = found
          if isChart { previousPath[depth] = node }
          continue
        }
        isNew = true
        if isChart { previousPath.removeSubrange(depth...) }
      }
      node = appendNode(key: key, parent: node)
      if isChart { previousPath.append(node) }
    }
    // A stack that stops higher than the previous one ends the frames below.
    if isChart && previousPath.count > frames.count {
      previousPath.removeSubrange(frames.count...)
    }
    // Lines read before the first count pair are unchanged ones: their
    // first count equals their second.
    if before != nil && beforeCounts == nil { beforeCounts = counts.copy() }
    counts.add(count, to: node, nodeCount: nodes.count)
    beforeCounts?.add(before ?? count, to: node, nodeCount: nodes.count)
  }

  /// The child of `parent` with this key, or -1.
  @inline(__always)
  private func child(of parent: NodeID, key: UInt64) -> NodeID {
    var child = nodes[Int(parent)].newestChild
    if child == BuilderNode.childrenInLookup { return lookup.find(key: key, nodes: nodes) }
    var walked = 0
    while child >= 0 {
      let candidate = nodes[Int(child)]
      if candidate.key == key { return child }
      child = candidate.olderSibling
      walked += 1
    }
    if walked > Self.longestWalk { lookup.takeChildren(of: parent, nodes: nodes) }
    return -1
  }

  @discardableResult
  @inline(__always)
  private func appendNode(key: UInt64, parent: NodeID) -> NodeID {
    let node = NodeID(nodes.count)
    var record = BuilderNode(key: key, newestChild: -1, olderSibling: -1)
    if parent >= 0 {
      let siblings = nodes[Int(parent)].newestChild
      if siblings == BuilderNode.childrenInLookup {
        nodes.append(record)
        lookup.insert(node: node, nodes: nodes)
        return node
      }
      record.olderSibling = siblings
      nodes[Int(parent)].newestChild = node
    }
    nodes.append(record)
    return node
  }

  /// Ends building: turns counts into totals, scaled by `factor`. The merger
  /// must not be used afterwards.
  func finishTree(factor: Double) -> CallTree {
    // The links and the lookup table are not needed by the tree: free them
    // before the totals column is made.
    lookup.release()
    let keys = BuilderNode.compactKeys(of: nodes)
    let selfCounts = counts.selfCountTable(factor: factor)
    let totals = totals(from: counts, factor: factor, keys: keys)
    let beforeTotals = beforeCounts.map { self.totals(from: $0, factor: factor, keys: keys) }
    return CallTree(
      keys: keys, totals: totals, beforeTotals: beforeTotals, selfCountTable: selfCounts)
  }

  /// In place: children have larger ids than parents, so a descending pass
  /// adds each finished subtree to its parent.
  private func totals(from counts: SampleCounts, factor: Double, keys: RawColumn<UInt64>)
    -> RawColumn<Double>
  {
    let column = counts.column(nodeCount: keys.count)
    for node in stride(from: column.count - 1, to: 0, by: -1) {
      column[Int(CallTree.parent(ofKey: keys[node]))] += column[node]
    }
    if factor != 1 { for node in 0..<column.count { column[node] *= factor } }
    return column
  }
}
