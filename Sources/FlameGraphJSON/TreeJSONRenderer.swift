import FlameGraph

/// Writes the merged call tree as nested `{name, value, children}` objects,
/// the shape d3-flame-graph and many viewers load.
///
/// Every node carries `value` (its total), `self` (its own samples) and, for
/// differential profiles, `delta` (second count less first). The root, named
/// "all", also carries the `schema` (``schema``) and the `countName`.
/// Children are ordered as in the flame graph (`ChildOrder`): by name or
/// widest first (`Options.childSorting`), or by input order in
/// a flame chart. Nodes narrower than the graph's minimum width
/// (`Options.minimumWidth`, `Options.minimumFrameTotal(profileTotal:)`)
/// are left out, as the graph leaves them out: a parent's `value` still
/// counts them, so its children may add up to less than its `value` less
/// its `self`. A minimum width of 0 writes the whole tree. The tree is
/// walked with an explicit stack, so deep stacks cannot overflow the
/// program's.
public struct TreeJSONRenderer: ProfileRenderer {
  /// The value of the root's `schema` field.
  public static let schema = "swift-flamegraph/tree/1"

  /// A renderer.
  public init() {}

  /// Writes the tree.
  public func write(_ profile: Profile, options: Options, to writer: ByteWriter) throws {
    let tree = profile.tree
    let index = tree.childIndex(
      minimumTotal: options.minimumFrameTotal(profileTotal: profile.totalSamples))
    let order = ChildOrder(profile: profile, options: options)
    var names = [String?](repeating: nil, count: profile.frames.count)
    /// A node whose children are being written.
    struct OpenNode {
      /// Children still to write, last one first.
      var remaining: [NodeID]
      var wroteChild = false
    }
    var stack: [OpenNode] = []
    func open(_ node: NodeID, isRoot: Bool) {
      openNode(
        node, profile: profile, countName: isRoot ? options.countName(for: profile) : nil,
        names: &names,
        writer: writer)
      var children = index.children(of: node)
      order.sort(&children)
      stack.append(OpenNode(remaining: children.reversed()))
    }
    open(tree.root, isRoot: true)
    while !stack.isEmpty {
      guard let child = stack[stack.count - 1].remaining.popLast() else {
        stack.removeLast()
        writer.write("]}")
        continue
      }
      if stack[stack.count - 1].wroteChild { writer.write(byte: UInt8(ascii: ",")) }
      stack[stack.count - 1].wroteChild = true
      open(child, isRoot: false)
    }
    writer.write("\n")
  }

  /// Writes `{"name":...,"value":...,"self":...,"children":[` for a node.
  private func openNode(
    _ node: NodeID, profile: Profile, countName: String?, names: inout [String?],
    writer: ByteWriter
  ) {
    let tree = profile.tree
    var object = JSONObjectWriter(writer)
    if let countName {
      object.string("schema", Self.schema)
      object.string("countName", countName)
    }
    let frame = tree.frame(of: node)
    let name: String
    if frame < 0 {
      name = "all"
    } else if let cached = names[Int(frame)] {
      name = cached
    } else {
      name = profile.frames.name(of: frame)
      names[Int(frame)] = name
    }
    object.string("name", name)
    object.count("value", tree.total(of: node))
    object.count("self", tree.selfCount(of: node))
    if tree.isDifferential {
      object.count("delta", tree.total(of: node) - tree.beforeTotal(of: node))
    }
    object.raw("children") { writer.write(byte: UInt8(ascii: "[")) }
  }
}
