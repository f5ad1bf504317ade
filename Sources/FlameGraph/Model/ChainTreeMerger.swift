/// Merges stacks by name into a tree of ``FrameChain``s, then expands the
/// chains into the ``CallTree`` of one node per distinct path.
///
/// A node that no stack ends at and that has a single child has the total
/// of that child, so runs of such nodes are stored as one chain: a
/// (parent, first frame) key, a slice of a frame column, and the id its first
/// node would have among all nodes. Inserting a stack walks chain by chain,
/// comparing frame ids along each chain; where a stack leaves a chain or
/// ends inside it, the chain splits in two, and the rest of the stack
/// becomes one new chain. So building costs a few records per stack, not
/// one per frame, and a profile of 200,000 deep stacks holds about half a
/// million chains instead of four million nodes.
///
/// Finishing numbers nodes as ``TreeMerger`` does (in the order stacks first
/// reach them), so both give identical trees; with a ``TreeRetention`` that
/// leaves thin nodes out, the kept ones keep that order.
///
/// Exact sums: each chain's total is summed as stacks walk through it, on
/// the records the walk reads anyway, so finishing needs neither a pass
/// over every chain in node order nor a sort of all of them, only of the
/// kept ones. Sums in arrival order equal the bottom-up sums of the simple
/// merger only when no rounding happens: while every count is a
/// non-negative integer and the grand total stays within 2^53. Otherwise
/// (fractional counts, count pairs) finishing sums bottom-up as before.
final class ChainTreeMerger: StackSink {
  private let chains = RawColumn<FrameChain>(capacity: 1 << 14)
  /// The frames of every chain, each chain's contiguous.
  private let chainFrames = RawColumn<FrameID>(capacity: 1 << 16)
  /// Samples of the stacks that end at each chain's last frame.
  private let counts = RawColumn<Double>(capacity: 1 << 14)
  /// First counts of a differential profile, from its first count pair on.
  private var beforeCounts: RawColumn<Double>?
  /// Children of chains with many children, by (parent chain, first frame).
  private let lookup = NodeLookupTable()
  /// Nodes of the tree of every node, the root included.
  private var nodeCount = 1
  private let retention: TreeRetention
  /// Sibling lists longer than this move into the lookup table. Each step
  /// of a walk is a dependent read of a chain anywhere in memory, where a
  /// lookup costs two: short lists keep the walks cheap (the 2,000,000-stack
  /// benchmark profile reads in 3.3 s with 2, 5.3 s with 12).
  private static let longestWalk = 2
  /// Whether every count so far is a non-negative integer, so that the
  /// totals summed on arrival are exact (see the type's exact-sums rule).
  private var countsAreWhole = true
  /// Totals up to this are exact sums of whole counts: 2^53.
  private static let largestExactTotal = Double(1 << 53)

  init(retention: TreeRetention) {
    self.retention = retention
    chains.append(
      FrameChain(
        key: CallTree.key(parent: -1, frame: -1), length: 0, firstNode: 0,
        newestChild: -1, olderSibling: -1))
    counts.append(0)
  }

  /// Inserts one stack, root first, with its counts.
  func accept(_ frames: UnsafeBufferPointer<FrameID>, count: Double, before: Double?) {
    var chain: Int32 = 0
    var depth = 0
    let depthCount = frames.count
    // Written so that NaN counts as fractional.
    if !(count >= 0 && count.rounded(.towardZero) == count) { countsAreWhole = false }
    chains[0].total += count
    while depth < depthCount {
      var previous: Int32 = -1
      let child = child(
        of: chain, key: CallTree.key(parent: chain, frame: frames[depth]), previous: &previous)
      if child < 0 {
        chain = appendChain(parent: chain, frames: frames, from: depth)
        chains[Int(chain)].total = count
        break
      }
      // The first frames match by key; compare the rest along the chain.
      let found = chains[Int(child)]
      let length = Int(found.length)
      let limit = min(length, depthCount - depth)
      let chainStart = chainFrames.base + found.start
      var matched = 1
      while matched < limit && chainStart[matched] == frames[depth + matched] { matched += 1 }
      depth += matched
      chain =
        matched == length
        ? child : split(child, at: matched, parent: chain, previous: previous)
      chains[Int(chain)].total += count
    }
    // Lines read before the first count pair are unchanged ones: their
    // first count equals their second.
    if before != nil && beforeCounts == nil { beforeCounts = RawColumn(copying: counts) }
    counts[Int(chain)] += count
    if let beforeCounts { beforeCounts[Int(chain)] += before ?? count }
  }

  /// The child chain of `parent` whose key is `key`, or -1; `previous` is
  /// set to the sibling listed before it (-1 when it is the newest, or when
  /// the children are in the lookup table).
  @inline(__always)
  private func child(of parent: Int32, key: UInt64, previous: inout Int32) -> Int32 {
    var child = chains[Int(parent)].newestChild
    if child == BuilderNode.childrenInLookup { return lookup.find(key: key, nodes: chains) }
    var walked = 0
    while child >= 0 {
      let candidate = chains[Int(child)]
      if candidate.key == key {
        if walked > Self.longestWalk {
          lookup.takeChildren(of: parent, nodes: chains)
          previous = -1
        }
        return child
      }
      previous = child
      child = candidate.olderSibling
      walked += 1
    }
    if walked > Self.longestWalk { lookup.takeChildren(of: parent, nodes: chains) }
    return -1
  }

  /// A new chain of the stack's frames from `depth` on, below `parent`.
  private func appendChain(
    parent: Int32, frames: UnsafeBufferPointer<FrameID>, from depth: Int
  ) -> Int32 {
    let chain = Int32(chains.count)
    let length = frames.count - depth
    var record = FrameChain(
      key: CallTree.key(parent: parent, frame: frames[depth]),
      length: Int32(length), firstNode: NodeID(nodeCount), newestChild: -1, olderSibling: -1)
    // The invariant behind ``FrameChain/start``.
    assert(chainFrames.count == nodeCount - 1, "chain frames are one behind the node ids")
    chainFrames.append(contentsOf: frames.baseAddress! + depth, count: length)
    nodeCount += length
    precondition(nodeCount < Int(Int32.max), "a call tree holds at most 2^31 nodes")
    appendCounts()
    let siblings = chains[Int(parent)].newestChild
    if siblings == BuilderNode.childrenInLookup {
      chains.append(record)
      lookup.insert(node: chain, nodes: chains)
      return chain
    }
    record.olderSibling = siblings
    chains[Int(parent)].newestChild = chain
    chains.append(record)
    return chain
  }

  /// Splits `chain` after its first `offset` frames (0 < offset < length):
  /// a new chain takes the upper part and the chain's place among its
  /// parent's children; the chain keeps the rest, its children and its
  /// counts, as the new chain's only child. Returns the new chain.
  private func split(_ chain: Int32, at offset: Int, parent: Int32, previous: Int32) -> Int32 {
    var lower = chains[Int(chain)]
    let upper = Int32(chains.count)
    if chains[Int(parent)].newestChild == BuilderNode.childrenInLookup {
      lookup.replace(key: lower.key, of: chain, with: upper)
    } else if previous < 0 {
      chains[Int(parent)].newestChild = upper
    } else {
      chains[Int(previous)].olderSibling = upper
    }
    chains.append(
      FrameChain(
        key: lower.key, length: Int32(offset), firstNode: lower.firstNode,
        newestChild: chain, olderSibling: lower.olderSibling, total: lower.total))
    appendCounts()
    lower.key = CallTree.key(parent: upper, frame: chainFrames[lower.start + offset])
    lower.length -= Int32(offset)
    lower.firstNode += NodeID(offset)
    lower.olderSibling = -1
    chains[Int(chain)] = lower
    return upper
  }

  @inline(__always)
  private func appendCounts() {
    counts.append(0)
    beforeCounts?.append(0)
  }

  /// Ends building: expands the kept chains into a tree whose counts are
  /// scaled by `factor`. The merger must not be used afterwards.
  func finishTree(factor: Double) -> CallTree {
    lookup.release()
    let sumsAreExact =
      countsAreWhole && beforeCounts == nil && chains[0].total <= Self.largestExactTotal
    // Every chain in node order, when the totals must be summed bottom-up.
    let order = sumsAreExact ? nil : chainsInNodeOrder(Array(0..<Int32(chains.count)))
    if let order { sumTotalsBottomUp(order: order) }
    let beforeTotals = beforeCounts.map { chainTotals(of: $0, order: order!) }
    let floor = keptFloor()
    // Kept chains are closed under parents: a parent's total is at least
    // its child's. Their first nodes, renumbered in node order.
    let keptChains =
      order?.filter { isKept(Int($0), floor) }
      ?? chainsInNodeOrder((0..<Int32(chains.count)).filter { isKept(Int($0), floor) })
    let newFirst = RawColumn<NodeID>(repeating: -1, count: chains.count)
    var keptNodes = 0
    for chain in keptChains {
      newFirst[Int(chain)] = NodeID(keptNodes)
      keptNodes += max(Int(chains[Int(chain)].length), 1)
    }
    let keys = RawColumn<UInt64>(repeating: 0, count: keptNodes)
    let nodeTotals = RawColumn<Double>(repeating: 0, count: keptNodes)
    let nodeBefores = beforeTotals.map { _ in RawColumn<Double>(repeating: 0, count: keptNodes) }
    var selfNodes: [NodeID] = []
    var selfCounts: [Double] = []
    for chain in keptChains {
      let record = chains[Int(chain)]
      let first = Int(newFirst[Int(chain)])
      let parent = record.parent
      let total = record.total * factor
      let before = beforeTotals.map { $0[Int(chain)] * factor }
      if parent < 0 {
        keys[0] = CallTree.key(parent: -1, frame: -1)
        nodeTotals[0] = total
        if let before { nodeBefores?[0] = before }
      } else {
        let parentRecord = chains[Int(parent)]
        var above = newFirst[Int(parent)] + max(parentRecord.length, 1) - 1
        for offset in 0..<Int(record.length) {
          let node = first + offset
          keys[node] = CallTree.key(parent: above, frame: chainFrames[record.start + offset])
          nodeTotals[node] = total
          if let before { nodeBefores?[node] = before }
          above = NodeID(node)
        }
      }
      if counts[Int(chain)] != 0 {
        selfNodes.append(newFirst[Int(chain)] + max(record.length, 1) - 1)
        selfCounts.append(counts[Int(chain)] * factor)
      }
    }
    let tree = CallTree(
      keys: keys, totals: nodeTotals, beforeTotals: nodeBefores,
      selfCountTable: SelfCountTable(sortedNodes: selfNodes, counts: selfCounts),
      omittedNodeCount: nodeCount - keptNodes)
    // The chains are spent: the tree holds what it needs.
    chainFrames.releaseInBackground()
    chains.releaseInBackground()
    counts.releaseInBackground()
    beforeCounts?.releaseInBackground()
    return tree
  }

  /// Chain ids ordered by their first node: parents before children, the
  /// order of the tree's node ids. Two 16-bit counting passes, or a
  /// comparison sort for a few chains (first nodes are distinct).
  private func chainsInNodeOrder(_ ids: [Int32]) -> [Int32] {
    let count = ids.count
    var order = ids
    if count < 1 << 14 {
      order.sort { chains[Int($0)].firstNode < chains[Int($1)].firstNode }
      return order
    }
    var sorted = order
    for shift in [0, 16] {
      var starts = [Int](repeating: 0, count: 1 << 16 + 1)
      for chain in ids {
        starts[Int(UInt32(chains[Int(chain)].firstNode) >> UInt32(shift) & 0xffff) + 1] += 1
      }
      for digit in 0..<(1 << 16) { starts[digit + 1] += starts[digit] }
      for index in 0..<count {
        let chain = order[index]
        let digit = Int(UInt32(chains[Int(chain)].firstNode) >> UInt32(shift) & 0xffff)
        sorted[starts[digit]] = chain
        starts[digit] += 1
      }
      swap(&order, &sorted)
    }
    return order
  }

  /// Sets each chain's total to its counts and those of every chain below
  /// it, summed from the leaves up in reverse node order.
  private func sumTotalsBottomUp(order: [Int32]) {
    let totals = chainTotals(of: counts, order: order)
    for chain in 0..<chains.count { chains[chain].total = totals[chain] }
  }

  /// Each chain's total: its counts and those of every chain below it.
  private func chainTotals(of counts: RawColumn<Double>, order: [Int32]) -> RawColumn<Double> {
    let totals = RawColumn(copying: counts)
    for index in stride(from: order.count - 1, to: 0, by: -1) {
      let chain = Int(order[index])
      totals[Int(chains[chain].parent)] += totals[chain]
    }
    return totals
  }

  @inline(__always)
  private func isKept(_ chain: Int, _ floor: Double) -> Bool {
    chain == 0 || chains[chain].total >= floor
  }

  /// The smallest total a chain needs to be kept, in unscaled counts: the
  /// lower of the share's floor and the edge of the histogram bucket that
  /// holds the `widestBelow`-th widest node under it. Buckets are the top
  /// bits of a positive double, eight per octave. Shares are of the second
  /// count of a differential profile, which sets the widths (the first
  /// only colors the frames that are drawn).
  private func keptFloor() -> Double {
    guard case .wideNodes(let share, let widestBelow) = retention else { return -.infinity }
    let shareFloor = chains[0].total * share
    guard shareFloor > 0, widestBelow > 0 else { return max(shareFloor, 0) }
    let shift: UInt64 = 49
    var buckets = [Int](repeating: 0, count: 1 << (63 - Int(shift)))
    for chain in 1..<chains.count {
      let total = chains[chain].total
      if total < shareFloor && total > 0 {
        buckets[Int(total.bitPattern >> shift)] += Int(chains[chain].length)
      }
    }
    var bucket = buckets.count
    var kept = 0
    while bucket > 0 && kept < widestBelow {
      bucket -= 1
      kept += buckets[bucket]
    }
    // Every thin node fits: keep them all, down to the smallest positive.
    if kept < widestBelow { return .leastNonzeroMagnitude }
    return min(shareFloor, Double(bitPattern: UInt64(bucket) << shift))
  }
}
