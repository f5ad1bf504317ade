/// The order in which a node's children are drawn and exported: by name
/// (or widest first with ``ChildSorting/size``) in a flame graph, by
/// creation (input order) in a flame chart.
///
/// ```swift
/// let profile = try Profile(folded: "main;a 1\nmain;b 3\n")
/// let order = ChildOrder(profile: profile, merging: .byName, sorting: .size)
/// var children = profile.tree.childIndex().children(of: 1)
/// order.sort(&children)  // b, then a
/// ```
public struct ChildOrder: Sendable {
  private let ranks: [Int32]?
  private let tree: CallTree
  private let sorting: ChildSorting

  /// The order for a profile merged as `merging` says; `sorting` applies
  /// to flame graphs only.
  public init(profile: Profile, merging: StackMerging, sorting: ChildSorting = .name) {
    tree = profile.tree
    ranks = merging == .byName ? profile.frames.alphabeticalRanks() : nil
    self.sorting = sorting
  }

  /// The order that `options` ask for (``Options/merging`` and
  /// ``Options/childSorting``).
  public init(profile: Profile, options: Options) {
    self.init(profile: profile, merging: options.merging, sorting: options.childSorting)
  }

  /// The children, sorted in place.
  ///
  /// Both orders are total (a node's children have distinct names, so
  /// distinct ranks), so every sorting algorithm gives the same order:
  /// the few children most nodes have are sorted by insertion, inline.
  public func sort(_ children: inout [NodeID]) {
    guard let ranks, children.count > 1 else { return }
    let tree = self.tree
    switch sorting {
    case .name:
      Self.sort(&children) { ranks[Int(tree.frame(of: $0))] < ranks[Int(tree.frame(of: $1))] }
    case .size:
      Self.sort(&children) {
        let left = tree.total(of: $0)
        let right = tree.total(of: $1)
        if left != right { return left > right }
        return ranks[Int(tree.frame(of: $0))] < ranks[Int(tree.frame(of: $1))]
      }
    }
  }

  /// Sorts by `precedes`, a strict total order: by insertion up to
  /// `insertionLimit` elements, by the standard library's sort beyond.
  @inline(__always)
  private static func sort(_ children: inout [NodeID], by precedes: (NodeID, NodeID) -> Bool) {
    guard children.count <= insertionLimit else {
      children.sort(by: precedes)
      return
    }
    children.withUnsafeMutableBufferPointer { children in
      for index in 1..<children.count {
        let moving = children[index]
        var place = index
        while place > 0 && precedes(moving, children[place - 1]) {
          children[place] = children[place - 1]
          place -= 1
        }
        children[place] = moving
      }
    }
  }

  /// Lists longer than this are sorted by the standard library.
  private static let insertionLimit = 16
}
