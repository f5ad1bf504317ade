/// Which nodes a finished ``CallTree`` keeps.
///
/// A graph draws only frames wider than its minimum width, and its viewer
/// lists only the widest of the thinner ones, so a tree for a picture needs
/// only those: on a profile of millions of one-sample paths that is a few
/// tens of thousands of nodes. A left-out node's samples still count in its
/// ancestors' totals (never in their self counts), so every kept total is
/// exact.
///
/// ```swift
/// var options = Options()
/// options.treeRetention = .wideNodes(minimumShare: 0.01, widestBelow: 0)
/// let profile = try Profile(folded: "a;b 99\na;c 1\n", options: options)
/// profile.tree.nodeCount  // 3: the root, a and b
/// ```
public enum TreeRetention: Sendable, Equatable {
  /// Every node (the default): exports, reports and differences need them.
  case all
  /// The nodes whose total reaches `minimumShare` of the root's (0 to 1),
  /// and at least the `widestBelow` widest of the others; more are kept
  /// where totals tie or are close (within an eighth of an octave). Totals
  /// are a differential profile's second counts, which set the widths.
  /// Flame charts (``StackMerging/consecutive``) keep every node.
  case wideNodes(minimumShare: Double, widestBelow: Int)
}
