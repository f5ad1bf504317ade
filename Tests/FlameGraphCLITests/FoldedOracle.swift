import Foundation

/// The frames a flame graph of folded stacks must draw, computed from the
/// text with each flag's documented meaning and nothing of the renderer:
/// the independent side of the compatibility tests.
struct FoldedOracle {
  /// `--reverse`: each stack reversed, after `--base`.
  var reverse = false
  /// `--base`: stacks re-rooted at their outermost frame of one of these
  /// names (with or without its annotation); stacks without one dropped.
  var base: [String] = []
  /// `--minwidth`, in percent of the total: narrower frames are not drawn.
  var minWidthPercent = 0.01
  /// `--factor`: counts shown multiplied by it.
  var factor = 1.0
  /// Each line's count cut to an integer, as inferno does (a documented
  /// difference: counts are kept here).
  var truncating = false

  /// A node of the merged call tree.
  final class Node {
    var count = 0.0
    /// The change of a differential profile (second count minus first).
    var delta = 0.0
    var children: [String: Node] = [:]
    var order: [String] = []

    func child(_ name: String) -> Node {
      if let node = children[name] { return node }
      let node = Node()
      children[name] = node
      order.append(name)
      return node
    }
  }

  /// One parsed line: its frames, count, and first count when it has two.
  static func parse(line: Substring) -> (stack: [Substring], count: Double, before: Double?)? {
    let text = line.trimmingCharacters(in: .whitespaces)
    guard !text.isEmpty, !text.hasPrefix("#"), let space = text.lastIndex(of: " "),
      let count = Double(text[text.index(after: space)...])
    else { return nil }
    var stack = text[..<space].trimmingCharacters(in: .whitespaces)[...]
    var before: Double?
    if let second = stack.lastIndex(of: " "),
      let first = Double(stack[stack.index(after: second)...])
    {
      before = first
      stack = stack[..<second]
    }
    return (stack.split(separator: ";", omittingEmptySubsequences: false), count, before)
  }

  /// A name without its `_[k]`, `_[j]`, `_[i]` or `_[w]` annotation.
  static func deannotated(_ name: Substring) -> Substring {
    guard name.count > 4, name.hasSuffix("]"), name.dropLast(2).hasSuffix("_["),
      "kwij".contains(name[name.index(name.endIndex, offsetBy: -2)])
    else { return name }
    return name.dropLast(4)
  }

  /// The call tree of the text, with the transforms applied.
  func tree(_ folded: String) -> Node {
    let root = Node()
    for line in folded.split(whereSeparator: \.isNewline) {
      guard var (stack, count, before) = Self.parse(line: line) else { continue }
      if truncating { (count, before) = (count.rounded(.towardZero), before?.rounded(.towardZero)) }
      if !base.isEmpty {
        guard
          let start = stack.firstIndex(where: {
            base.contains(String($0)) || base.contains(String(Self.deannotated($0)))
          })
        else { continue }
        stack = Array(stack[start...])
      }
      if reverse { stack.reverse() }
      let delta = before.map { count - $0 } ?? 0
      var node = root
      node.count += count
      node.delta += delta
      for frame in stack {
        node = node.child(String(frame))
        node.count += count
        node.delta += delta
      }
    }
    return root
  }

  /// The frames drawn, as a user reads them: deannotated name, count
  /// (rounded half away from zero) and depth, the root `all` at 0.
  func frames(_ folded: String) -> [PeerFrame] {
    let root = tree(folded)
    let minimum = root.count * minWidthPercent / 100
    var frames: [PeerFrame] = []
    func visit(_ name: String, _ node: Node, _ depth: Int) {
      guard node.count >= minimum else { return }
      let shown = (node.count * factor).rounded(.toNearestOrAwayFromZero)
      frames.append(PeerFrame(name: name, count: Int(shown), depth: depth))
      for child in node.order {
        visit(String(Self.deannotated(child[...])), node.children[child]!, depth + 1)
      }
    }
    visit("all", root, 0)
    return frames
  }

  /// The frames as a multiset, as ``PeerSVGFrames/counted``.
  func counted(_ folded: String) -> [PeerFrame: Int] {
    frames(folded).reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }
}
