/// Samples per function: its own (self), and those of the stacks that
/// contain it, each stack counted once however often the function recurs
/// in it, which is what "time in this function" means to a reader.
///
/// Worked out from the distinct stacks (the nodes with samples of their
/// own), walking each up to the root once: stacks times depth, with no
/// index of children.
struct FunctionTotals {
  /// Per function, in order of first appearance among the profile's frames.
  private(set) var functions: [FunctionShare] = []

  /// The totals of every function of the profile, or with `under` of the
  /// functions called beneath that node only (the node's own function is
  /// left out, though deeper recursions of it are counted in the others'
  /// stacks as usual).
  init(profile: Profile, under ancestor: NodeID? = nil) {
    let tree = profile.tree
    var indexOfName: [String: Int] = [:]
    var functionOfFrame = [Int](repeating: -1, count: profile.frames.count)
    for frame in 0..<profile.frames.count {
      let name = profile.frames.name(of: FrameID(frame))
      if let known = indexOfName[name] {
        functionOfFrame[frame] = known
      } else {
        indexOfName[name] = functions.count
        functionOfFrame[frame] = functions.count
        functions.append(
          FunctionShare(name: name, selfCount: 0, total: 0, beforeSelfCount: 0, beforeTotal: 0))
      }
    }
    let excluded = ancestor.map { tree.frame(of: $0) }.flatMap {
      $0 >= 0 ? functionOfFrame[Int($0)] : nil
    }
    let stacks = Self.stacks(of: tree)
    // The stack that last counted each function, so a recursion counts once.
    var countedIn = [Int](repeating: -1, count: functions.count)
    var path: [Int] = []
    for (stackIndex, stack) in stacks.enumerated() {
      let after = stack.after
      let before = stack.before
      path.removeAll(keepingCapacity: true)
      var node = stack.node
      var inside = ancestor == nil
      while node > 0 {
        if node == ancestor {
          inside = true
          break
        }
        path.append(functionOfFrame[Int(tree.frame(of: node))])
        node = tree.parent(of: node)
      }
      guard inside, let leaf = path.first else { continue }
      if leaf != excluded {
        functions[leaf].selfCount += after
        functions[leaf].beforeSelfCount += before
      }
      for function in path where countedIn[function] != stackIndex && function != excluded {
        countedIn[function] = stackIndex
        functions[function].total += after
        functions[function].beforeTotal += before
      }
    }
  }

  /// The distinct stacks: each node with samples of its own, with its own
  /// counts (after, and before in a differential profile).
  private static func stacks(of tree: CallTree) -> [(node: NodeID, after: Double, before: Double)] {
    guard tree.isDifferential else {
      return tree.nodesWithSelfSamples().map { ($0, tree.selfCount(of: $0), 0) }
    }
    // Before-only stacks have no self samples after: every node is looked at.
    var beforeSelf = (0..<tree.nodeCount).map { tree.beforeTotal(of: NodeID($0)) }
    for node in 1..<max(1, tree.nodeCount) {
      beforeSelf[Int(tree.parent(of: NodeID(node)))] -= tree.beforeTotal(of: NodeID(node))
    }
    return (0..<tree.nodeCount).compactMap { index in
      let node = NodeID(index)
      let after = tree.selfCount(of: node)
      // Rounding leftovers of subtracted totals are not samples.
      let before =
        abs(beforeSelf[index]) > tree.beforeTotal(of: node) * 1e-9 ? beforeSelf[index] : 0
      return after != 0 || before != 0 ? (node, after, before) : nil
    }
  }

  /// The `count` functions ranked highest by `key`, ties by name; only
  /// those with a positive key.
  func top(_ count: Int, by key: (FunctionShare) -> Double) -> [FunctionShare] {
    let ranked = functions.filter { key($0) > 0 }.sorted {
      key($0) != key($1) ? key($0) > key($1) : $0.name < $1.name
    }
    return Array(ranked.prefix(max(0, count)))
  }
}
