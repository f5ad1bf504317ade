#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
/// Children are found through an open-addressing table keyed by (parent,
/// frame) that stores only node ids: the key is read back from the node
/// columns, so the table costs four bytes a slot.
public final class CallTreeBuilder {
  let names = FrameNameStorage()
  private let parents = RawColumn<NodeID>(capacity: 1 << 16)
  private let frameIDs = RawColumn<FrameID>(capacity: 1 << 16)
  /// Self counts while building; turned into totals by `finish`.
  private let counts = RawColumn<Double>(capacity: 1 << 16)
  private var beforeCounts: RawColumn<Double>?
  /// Last child of each node; only in flame-chart mode.
  private let lastChildren: RawColumn<NodeID>?
  private var slots: UnsafeMutablePointer<NodeID>
  private var slotMask: Int
  private var matcher: StackTransformMatcher
  private let scratch = RawColumn<FrameID>(capacity: 256)

  /// A builder for the given merging mode and per-stack transform.
  public init(merging: StackMerging = .byName, transform: StackTransform = StackTransform()) {
    matcher = StackTransformMatcher(transform)
    lastChildren = merging == .consecutive ? RawColumn<NodeID>(capacity: 1 << 16) : nil
    slotMask = (1 << 16) - 1
    slots = .allocate(capacity: slotMask + 1)
    slots.initialize(repeating: -1, count: slotMask + 1)
    appendNode(parent: -1, frame: -1)
  }

  deinit { slots.deallocate() }

  /// Whether a count pair (differential input) has been added.
  public var isDifferential: Bool { beforeCounts != nil }

  /// Adds one stack, root first, with its count; `before` is the first count
  /// of a differential line. An empty stack adds to the root itself.
  public func addStack(_ frames: [String], count: Double, before: Double? = nil) {
    scratch.removeAll()
    for frame in frames {
      var bytes = Array(frame.utf8) + [0]
      bytes.withUnsafeMutableBytes { scratch.append(intern($0.baseAddress!, $0.count - 1)) }
    }
    addInternedStack(count: count, before: before)
  }

  /// The id of a frame name, interning it if new.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int) -> FrameID {
    var isNew = false
    let id = names.intern(name, length, isNew: &isNew)
    if isNew {
      matcher.register(UnsafeBufferPointer(start: name.assumingMemoryBound(to: UInt8.self), count: length))
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
    if let lastChildren {
      for index in range { node = consecutiveChild(of: node, frame: frames[index], lastChildren) }
    } else {
      for index in range { node = child(of: node, frame: frames[index]) }
    }
    counts[Int(node)] += count
    if let before {
      if beforeCounts == nil { beforeCounts = startBeforeCounts() }
      beforeCounts![Int(node)] += before
    } else if let beforeCounts {
      beforeCounts[Int(node)] += count
    }
  }

  /// Lines read before the first count pair are unchanged ones: their first
  /// count equals their second.
  private func startBeforeCounts() -> RawColumn<Double> {
    let column = RawColumn<Double>(capacity: counts.capacity)
    for node in 0..<counts.count { column.append(counts[node]) }
    return column
  }

  @inline(__always)
  private func child(of parent: NodeID, frame: FrameID) -> NodeID {
    var slot = Int(truncatingIfNeeded: hashPair(parent, frame)) & slotMask
    while true {
      let node = slots[slot]
      if node < 0 { break }
      if parents[Int(node)] == parent && frameIDs[Int(node)] == frame { return node }
      slot = (slot + 1) & slotMask
    }
    let node = appendNode(parent: parent, frame: frame)
    slots[slot] = node
    if parents.count * 2 > slotMask { rehash() }
    return node
  }

  @inline(__always)
  private func consecutiveChild(of parent: NodeID, frame: FrameID, _ lastChildren: RawColumn<NodeID>)
    -> NodeID
  {
    let last = lastChildren[Int(parent)]
    if last >= 0 && frameIDs[Int(last)] == frame { return last }
    let node = appendNode(parent: parent, frame: frame)
    lastChildren[Int(parent)] = node
    return node
  }

  @discardableResult
  private func appendNode(parent: NodeID, frame: FrameID) -> NodeID {
    let node = NodeID(parents.count)
    parents.append(parent)
    frameIDs.append(frame)
    counts.append(0)
    beforeCounts?.append(0)
    lastChildren?.append(-1)
    return node
  }

  private func rehash() {
    let newMask = (slotMask + 1) * 2 - 1
    let fresh = UnsafeMutablePointer<NodeID>.allocate(capacity: newMask + 1)
    fresh.initialize(repeating: -1, count: newMask + 1)
    for node in 1..<parents.count {
      var slot = Int(truncatingIfNeeded: hashPair(parents[node], frameIDs[node])) & newMask
      while fresh[slot] >= 0 { slot = (slot + 1) & newMask }
      fresh[slot] = NodeID(node)
    }
    slots.deallocate()
    slots = fresh
    slotMask = newMask
  }

  /// Ends building: turns self counts into totals, scaled by `factor`.
  ///
  /// The builder must not be used afterwards.
  public func finish(factor: Double = 1, diagnostics: ParseDiagnostics = ParseDiagnostics())
    -> Profile
  {
    // The lookup table is no longer needed; free it before the tree lives on.
    slots.deallocate()
    slots = .allocate(capacity: 1)
    slotMask = 0
    accumulateTotals(counts)
    if let beforeCounts { accumulateTotals(beforeCounts) }
    if factor != 1 {
      for node in 0..<counts.count { counts[node] *= factor }
      if let beforeCounts { for node in 0..<beforeCounts.count { beforeCounts[node] *= factor } }
    }
    let tree = CallTree(
      parents: parents, frameIDs: frameIDs, totals: counts, beforeTotals: beforeCounts)
    return Profile(frames: FrameTable(storage: names), tree: tree, diagnostics: diagnostics)
  }

  /// In place: children have larger ids than parents, so a descending pass
  /// adds each finished subtree to its parent.
  private func accumulateTotals(_ column: RawColumn<Double>) {
    for node in stride(from: column.count - 1, to: 0, by: -1) {
      column[Int(parents[node])] += column[node]
    }
  }
}
