/// How the children of a frame are ordered in a flame graph (a flame chart
/// always keeps time order).
///
/// ```swift
/// var options = Options()
/// options.childSorting = .size  // widest child first: "left heavy"
/// ```
public enum ChildSorting: String, Sendable, Equatable, CaseIterable {
  /// By frame name (default), as flamegraph.pl's sorted input gives.
  case name
  /// Widest first, ties by name: the heaviest paths line up on the left.
  case size
}
