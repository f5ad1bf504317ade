/// Rewrites applied to each stack as it enters the call tree.
///
/// Applying them per stack, while merging, costs no second tree and works in
/// flame-chart mode too, where the order of stacks matters.
///
/// ```swift
/// var transform = StackTransform()
/// transform.baseFunctions = ["handle_request"]  // re-root there
/// transform.reverse = true                      // then put leaves at the base
/// ```
public struct StackTransform: Sendable, Equatable {
  /// Keep only stacks containing one of these frames, re-rooted at the first
  /// (outermost) one. Names match with or without their annotation suffix.
  public var baseFunctions: [String] = []
  /// Cut stacks after the first (outermost) frame with one of these names.
  public var skipAfterFunctions: [String] = []
  /// Reverse each stack so that leaf functions are at the base.
  public var reverse = false
  /// Hide, focus, ignore, recursion and depth filters (default: none).
  public var filters = StackFilters()

  /// No rewriting.
  public init() {}

  /// Whether the transform changes nothing.
  public var isIdentity: Bool {
    baseFunctions.isEmpty && skipAfterFunctions.isEmpty && !reverse && filters.isIdentity
  }
}
