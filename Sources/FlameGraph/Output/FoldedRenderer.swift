/// Writes the merged profile back as folded stacks, one line per call path
/// that has samples of its own: `main;parse;read 120`, or
/// `main;parse;read 100 120` (before, after) for a differential profile.
///
/// What is written is the profile after merging and transforms (reverse,
/// base, skip-after, factor, and the ``StackFilters``), so the tool
/// composes in pipelines, and reading the output back gives the same tree.
/// Lines come in the graph's order (``ChildOrder``): by frame name at every
/// level (depth first), widest first with ``ChildSorting/size``, or in time
/// order for a flame chart. Counts are written exactly, in plain decimals.
///
/// ```swift
/// let profile = try Profile(folded: "main;b 1\nmain;a 2\nmain;b 3\n")
/// FoldedRenderer().render(profile, options: Options())  // "main;a 2\nmain;b 4\n"
/// ```
public struct FoldedRenderer: ProfileRenderer {
  /// A renderer.
  public init() {}

  /// Writes every call path with samples of its own.
  public func write(_ profile: Profile, options: Options, to writer: ByteWriter) throws {
    let tree = profile.tree
    let index = tree.childIndex()
    let order = ChildOrder(profile: profile, options: options)
    var names = [[UInt8]?](repeating: nil, count: profile.frames.count)
    // The path of the node being visited, as bytes, and where each level
    // starts in it; walked with an explicit stack so deep stacks are fine.
    var path: [UInt8] = []
    var levelStarts: [Int] = []
    var pending: [(node: NodeID, depth: Int)] = []
    var rootChildren = index.children(of: tree.root)
    order.sort(&rootChildren)
    for child in rootChildren.reversed() { pending.append((child, 0)) }
    // Idle samples of the root: a line with a count and no frames.
    writeLine(
      path: [], node: tree.root, tree: tree, index: index, writer: writer)
    while let (node, depth) = pending.popLast() {
      if levelStarts.count > depth {
        path.removeSubrange(levelStarts[depth]...)
        levelStarts.removeSubrange(depth...)
      }
      levelStarts.append(path.count)
      if depth > 0 { path.append(UInt8(ascii: ";")) }
      let frame = Int(tree.frame(of: node))
      if names[frame] == nil {
        names[frame] = Array(profile.frames.rawName(of: FrameID(frame)).utf8)
      }
      path += names[frame]!
      writeLine(path: path, node: node, tree: tree, index: index, writer: writer)
      var children = index.children(of: node)
      order.sort(&children)
      for child in children.reversed() { pending.append((child, depth + 1)) }
    }
  }

  /// Writes `path counts` when the node has samples of its own.
  private func writeLine(
    path: [UInt8], node: NodeID, tree: CallTree, index: ChildIndex, writer: ByteWriter
  ) {
    let count = tree.selfCount(of: node)
    var before = 0.0
    if tree.isDifferential {
      before = tree.beforeTotal(of: node)
      for child in index.children(of: node) { before -= tree.beforeTotal(of: child) }
      // The tree keeps totals, not first self counts: what is left of a
      // total after its children may be rounding (a scaled `--normalize`
      // profile leaves 3.6e-15 on a node with no samples of its own).
      if before <= tree.beforeTotal(of: node) * 1e-12 { before = 0 }
    }
    guard count > 0 || before > 0 else { return }
    path.withUnsafeBufferPointer { writer.write(bytes: $0) }
    writer.write(byte: UInt8(ascii: " "))
    if tree.isDifferential {
      writer.write(Self.plainDecimal(before))
      writer.write(byte: UInt8(ascii: " "))
    }
    writer.write(Self.plainDecimal(count))
    writer.write(byte: UInt8(ascii: "\n"))
  }

  /// A count as the folded parser reads it: the shortest decimal that
  /// reads back exactly, without an exponent (`0.0000001`, not `1e-07`).
  static func plainDecimal(_ value: Double) -> String {
    if value == value.rounded(.towardZero) && abs(value) < 9_007_199_254_740_992 {
      return String(Int64(value))
    }
    let text = value.description
    guard let exponentMark = text.firstIndex(where: { $0 == "e" || $0 == "E" }),
      let exponent = Int(text[text.index(after: exponentMark)...])
    else { return text }
    let mantissa = text[..<exponentMark]
    let digits = mantissa.filter(\.isNumber)
    let pointPosition =
      (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) }
        ?? mantissa.count) + exponent
    if pointPosition <= 0 {
      return "0." + String(repeating: "0", count: -pointPosition) + digits
    }
    if pointPosition >= digits.count {
      return digits + String(repeating: "0", count: pointPosition - digits.count)
    }
    let split = digits.index(digits.startIndex, offsetBy: pointPosition)
    return String(digits[..<split]) + "." + String(digits[split...])
  }
}
