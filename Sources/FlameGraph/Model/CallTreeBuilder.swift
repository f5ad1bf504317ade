/// Merges stacks into a ``CallTree`` as they arrive, one at a time.
///
/// The parsers feed it; a library user can too:
///
/// ```swift
/// let builder = CallTreeBuilder()
/// builder.addStack(["main", "parse"], count: 3)
/// builder.addStack(["main"], count: 1)
/// let profile = builder.finish()
/// ```
///
/// Each node is one 64-bit key, (parent, frame), and links to its newest
/// child and its next older sibling. A child is found by walking its
/// parent's short sibling list; a parent with many children moves them into
/// a ``NodeLookupTable``. Most nodes of a large profile are created below a
/// node that the same stack just created, where nothing needs looking up at
/// all, so building is mostly sequential appends. Counts are kept sparse
/// until ``finish(factor:diagnostics:)`` turns them into totals. Nodes are
/// only ever appended, so a parent's id is smaller than its children's.
public final class CallTreeBuilder {
  let names = FrameNameStorage()
  /// Key and links of every node, side by side so that a walk along a
  /// sibling list costs one cache line per sibling.
  private let nodes = RawColumn<BuilderNode>(capacity: 1 << 16)
  private var counts = SampleCounts()
  private var beforeCounts: SampleCounts?
  private let lookup = NodeLookupTable()
  private let merging: StackMerging
  /// Sibling lists longer than this move into the lookup table.
  private static let longestWalk = 12
  private var matcher: StackTransformMatcher
  private let scratch = RawColumn<FrameID>(capacity: 256)

  /// A builder for the given merging mode and per-stack transform.
  public init(merging: StackMerging = .byName, transform: StackTransform = StackTransform()) {
    matcher = StackTransformMatcher(transform)
    self.merging = merging
    appendNode(key: CallTree.key(parent: -1, frame: -1), parent: -1)
  }

  /// Whether a count pair (differential input) has been added.
  public var isDifferential: Bool { beforeCounts != nil }

  /// Adds one stack, root first, with its count; `before` is the first count
  /// of a differential line. An empty stack adds to the root itself.
  public func addStack(_ frames: [String], count: Double, before: Double? = nil) {
    scratch.removeAll()
    for frame in frames {
      let bytes = Array(frame.utf8) + [0]
      bytes.withUnsafeBytes { scratch.append(intern($0.baseAddress!, $0.count - 1)) }
    }
    addInternedStack(count: count, before: before)
  }

  /// The id of a frame name, interning it if new.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int) -> FrameID {
    var isNew = false
    let id = names.intern(name, length, isNew: &isNew)
    if isNew {
      matcher.register(
        UnsafeBufferPointer(start: name.assumingMemoryBound(to: UInt8.self), count: length))
    }
    return id
  }

  /// The frame ids of the stack being parsed: the parser appends to it, then
  /// calls ``addInternedStack(count:before:)``.
  var pendingFrames: RawColumn<FrameID> { scratch }

  /// Inserts the pending frames with their counts and clears them.
  func addInternedStack(count: Double, before: Double?) {
    defer { scratch.removeAll() }
    let frames = UnsafeMutableBufferPointer(start: scratch.base, count: scratch.count)
    var range = 0..<frames.count
    if !matcher.transform.isIdentity {
      guard let kept = matcher.apply(to: frames) else { return }
      range = kept
    }
    var node: NodeID = 0
    var isNew = false
    for index in range {
      let key = CallTree.key(parent: node, frame: frames[index])
      // Below a node created by this very stack nothing exists yet.
      if !isNew {
        let found = merging == .byName ? child(of: node, key: key) : newestChild(of: node, key: key)
        if found >= 0 {
          node = found
          continue
        }
        isNew = true
      }
      node = appendNode(key: key, parent: node)
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
    if walked > Self.longestWalk { moveChildrenToLookup(of: parent) }
    return -1
  }

  /// Flame-chart merging: only the newest child can continue a stack.
  @inline(__always)
  private func newestChild(of parent: NodeID, key: UInt64) -> NodeID {
    let newest = nodes[Int(parent)].newestChild
    return newest >= 0 && nodes[Int(newest)].key == key ? newest : -1
  }

  private func moveChildrenToLookup(of parent: NodeID) {
    var child = nodes[Int(parent)].newestChild
    nodes[Int(parent)].newestChild = BuilderNode.childrenInLookup
    while child >= 0 {
      lookup.insert(node: child, nodes: nodes)
      child = nodes[Int(child)].olderSibling
    }
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

  /// Ends building: turns counts into totals, scaled by `factor`.
  ///
  /// The builder must not be used afterwards.
  public func finish(factor: Double = 1, diagnostics: ParseDiagnostics = ParseDiagnostics())
    -> Profile
  {
    // The links and the lookup table are not needed by the tree: free them
    // before the totals column is made.
    lookup.release()
    let keys = BuilderNode.compactKeys(of: nodes)
    let totals = totals(from: counts, factor: factor, keys: keys)
    let beforeTotals = beforeCounts.map { self.totals(from: $0, factor: factor, keys: keys) }
    let tree = CallTree(keys: keys, totals: totals, beforeTotals: beforeTotals)
    return Profile(frames: FrameTable(storage: names), tree: tree, diagnostics: diagnostics)
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
