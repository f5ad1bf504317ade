/// How ``StackFilters`` merges recursive calls.
///
/// ```swift
/// var filters = StackFilters()
/// filters.collapseRecursion = .direct  // f;f;f;g → f;g
/// filters.collapseRecursion = .all     // f;g;f;h → f;g;h
/// ```
public enum RecursionCollapse: Sendable, Equatable {
  /// Keep every frame (default).
  case none
  /// Merge direct recursion: a frame right below a frame of the same name
  /// is dropped, so `f;f;f` becomes `f` and its children move up to it.
  case direct
  /// Merge all recursion, direct and indirect: a frame whose name already
  /// appears nearer the root of the same stack is dropped, and its children
  /// move up to its parent (`f;g;f;h` → `f;g;h`). Each function then
  /// appears at most once per stack, at its outermost call.
  case all
}
