/// The nodes of a ``ChromeCPUProfile`` as a checked tree of parent indices,
/// and its samples added to a builder as stacks.
///
/// Parents come from `parent` ids (traces, older Node versions) and
/// `children` lists (`.cpuprofile`), which must agree. A parentless
/// `(root)` node is no frame; `(program)`, `(idle)` and `(garbage
/// collector)` are. Every walk is a loop over parent indices, so a chain of
/// a million nodes is as safe as a flat profile.
struct ChromeNodeTree {
  /// Each node's parent index, -1 for a root; -2 for a node skipped as a
  /// repeated id.
  private var parent: [Int]
  /// Each node's frame id once interned; -1 for none (the `(root)` node), -2
  /// not yet interned (only sampled nodes' frames are).
  private var frameIDs: [FrameID]
  private let frames: [ImportedFrame]
  /// Node index by id: a table when ids are small (they count from 1), a
  /// dictionary otherwise.
  private let denseIndex: [Int32]
  private let sparseIndex: [Int: Int]

  private static let skipped = -2

  /// Checks the nodes of `profile`: unique ids (a repeated one is counted in
  /// `diagnostics` and skipped), known parents and children, one parent
  /// each, no cycle.
  ///
  /// - Throws: ``InputError/invalidFormat(format:place:reason:)`` naming the
  ///   node at fault.
  init(_ profile: ChromeCPUProfile, source: String, diagnostics: inout ParseDiagnostics) throws {
    let nodes = profile.nodes
    func invalid(_ index: Int, _ suffix: String, _ reason: String) -> InputError {
      ChromeCPUProfile.invalid(source, profile.nodePlaces.place(of: index) + suffix, reason)
    }
    var parent = [Int](repeating: -1, count: nodes.count)
    var byID: [Int: Int] = [:]
    byID.reserveCapacity(nodes.count)
    var largestID = 0
    for (index, node) in nodes.enumerated() {
      if byID[node.id] != nil {
        diagnostics.recordMalformed(
          source: source, element: profile.nodePlaces.place(of: index),
          problem: .init("node id \(node.id) is repeated (the first is kept)"))
        parent[index] = Self.skipped
        continue
      }
      byID[node.id] = index
      largestID = max(largestID, node.id)
    }
    for (index, node) in nodes.enumerated() where parent[index] != Self.skipped {
      if let parentID = node.parentID {
        guard let parentIndex = byID[parentID] else {
          throw invalid(index, ".parent", "no node has the id \(parentID)")
        }
        try Self.link(index, to: parentIndex, in: &parent, nodes: nodes) {
          invalid(index, ".parent", $0)
        }
      }
      for (position, childID) in node.childIDs.enumerated() {
        guard let childIndex = byID[childID] else {
          throw invalid(index, ".children[\(position)]", "no node has the id \(childID)")
        }
        try Self.link(childIndex, to: index, in: &parent, nodes: nodes) {
          invalid(index, ".children[\(position)]", $0)
        }
      }
    }
    // Cycles: walk up from each node, marking the path; meeting the path
    // again is a cycle. Each node is walked once (state 2 stops a walk).
    var state = [UInt8](repeating: 0, count: nodes.count)
    var path: [Int] = []
    for start in nodes.indices where state[start] == 0 && parent[start] != Self.skipped {
      path.removeAll(keepingCapacity: true)
      var current = start
      while current >= 0 && state[current] == 0 {
        state[current] = 1
        path.append(current)
        current = parent[current]
      }
      if current >= 0 && state[current] == 1 {
        throw invalid(
          current, "", "node id \(nodes[current].id) is its own ancestor (a cycle of parents)")
      }
      for index in path { state[index] = 2 }
    }
    self.parent = parent
    frames = nodes.map(\.frame)
    frameIDs = nodes.indices.map { index in
      parent[index] == -1 && nodes[index].frame.name == "(root)"
        && nodes[index].frame.file == nil ? -1 : -2
    }
    if largestID <= 4 * nodes.count + 1024, byID.keys.allSatisfy({ $0 >= 0 }) {
      var table = [Int32](repeating: -1, count: largestID + 1)
      for (id, index) in byID { table[id] = Int32(index) }
      denseIndex = table
      sparseIndex = [:]
    } else {
      denseIndex = []
      sparseIndex = byID
    }
  }

  /// Makes `parentIndex` the parent of `child`, unless it has another.
  private static func link(
    _ child: Int, to parentIndex: Int, in parent: inout [Int], nodes: [ChromeCPUProfile.Node],
    invalid: (String) -> InputError
  ) throws {
    guard parent[parentIndex] != skipped, parent[child] != skipped else {
      throw invalid("it names a repeated node id")
    }
    if parent[child] == -1 || parent[child] == parentIndex {
      parent[child] = parentIndex
      return
    }
    throw invalid(
      "node id \(nodes[child].id) has two parents, ids \(nodes[parent[child]].id) and "
        + "\(nodes[parentIndex].id)")
  }

  /// The index of the node with an id, or nil.
  func index(ofID id: Int) -> Int? {
    if !denseIndex.isEmpty {
      guard id >= 0, id < denseIndex.count, denseIndex[id] >= 0 else { return nil }
      return Int(denseIndex[id])
    }
    return sparseIndex[id]
  }

  /// The frame ids of a node's stack, root first, into `stack`.
  mutating func stack(
    of node: Int, into stack: inout [FrameID], builder: CallTreeBuilder,
    budget: inout StackFrameBudget, place: @autoclosure () -> String
  ) throws {
    stack.removeAll(keepingCapacity: true)
    var current = node
    while current >= 0 {
      var id = frameIDs[current]
      if id == -2 {
        id = builder.frameID(for: frames[current])
        frameIDs[current] = id
      }
      if id >= 0 { stack.append(id) }
      current = parent[current]
    }
    try budget.spend(
      stack.count, format: ChromeProfileImporter.formatName, place: place())
    stack.reverse()
  }
}
