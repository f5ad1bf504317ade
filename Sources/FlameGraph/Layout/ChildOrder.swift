/// The order in which a node's children are drawn and exported: by name in
/// a flame graph (as flamegraph.pl's sorted input gives), by creation (input
/// order) in a flame chart.
public struct ChildOrder: Sendable {
  private let ranks: [Int32]?
  private let tree: CallTree

  /// The order for a profile merged as `merging` says.
  public init(profile: Profile, merging: StackMerging) {
    tree = profile.tree
    ranks = merging == .byName ? profile.frames.alphabeticalRanks() : nil
  }

  /// The children, sorted in place.
  public func sort(_ children: inout [NodeID]) {
    guard let ranks, children.count > 1 else { return }
    let tree = self.tree
    children.sort { ranks[Int(tree.frame(of: $0))] < ranks[Int(tree.frame(of: $1))] }
  }
}
