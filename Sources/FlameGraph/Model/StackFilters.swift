/// Filters that take the noise out of a graph, applied to each stack as it
/// is read, before layout: every output (SVG, PNG, PDF, the JSON exports
/// and folded text) shows the filtered profile.
///
/// Patterns are ``LinearRegex``es matched anywhere in a frame's name
/// (without its `_[k]`-style annotation). Several patterns of one filter
/// combine by "any match": a frame matches the filter if one of them
/// matches it.
///
/// Per stack, in this order: `ignore`, `focus`, `focusRoot`, then
/// ``StackTransform``'s base and skip-after, then `hide`, recursion,
/// reverse and finally `maximumDepth`.
///
/// ```swift
/// var filters = StackFilters()
/// filters.hide = [try LinearRegex("^<frozen importlib")]
/// filters.ignore = [try LinearRegex("^idle$")]
/// filters.maximumDepth = 20
/// var options = Options()
/// options.transform.filters = filters
/// ```
public struct StackFilters: Sendable {
  /// Remove frames matching any of these from stacks; their children move
  /// up to the nearest kept ancestor. Counts are unchanged.
  public var hide: [LinearRegex] = []
  /// Keep only stacks that have a frame matching any of these.
  public var focus: [LinearRegex] = []
  /// Keep only stacks that have a frame matching any of these, and start
  /// them at the first (outermost) such frame: `--base` by pattern.
  public var focusRoot: [LinearRegex] = []
  /// Drop stacks that have a frame matching any of these.
  public var ignore: [LinearRegex] = []
  /// Merge recursive calls (default ``RecursionCollapse/none``).
  public var collapseRecursion: RecursionCollapse = .none
  /// Frames deeper than this (the root's children are at depth 1) are
  /// folded into their ancestor at this depth, whose own count grows by
  /// theirs; that frame is renamed with ``depthLimitMarker`` appended
  /// (before any annotation suffix), so a cut is visible. Nil (default) for
  /// no limit; at least 1.
  public var maximumDepth: Int?

  /// What ``maximumDepth`` appends to the name of a frame whose callees
  /// were folded into it: a space and an ellipsis, `main …`.
  public static let depthLimitMarker = " …"

  /// No filtering.
  public init() {}

  /// Whether the filters change nothing.
  public var isIdentity: Bool {
    !hasPatterns && collapseRecursion == .none && maximumDepth == nil
  }

  /// Whether any pattern is set, so frame names need matching.
  var hasPatterns: Bool {
    !hide.isEmpty || !focus.isEmpty || !focusRoot.isEmpty || !ignore.isEmpty
  }

  /// The patterns of the `python` preset's ``hide``, unanchored so they
  /// match py-spy's `func (file:line)` names as well as Fil's and austin's:
  /// - `<frozen importlib\._bootstrap>` and
  ///   `<frozen importlib\._bootstrap_external>`: the import machinery;
  /// - `\b_call_with_frames_removed\b`: importlib's trampoline;
  /// - `<frozen runpy>` and `(^|[/\\ (])runpy\.py\b`: `python -m`'s runner.
  public static let pythonHidePatterns = [
    #"<frozen importlib\._bootstrap>"#,
    #"<frozen importlib\._bootstrap_external>"#,
    #"\b_call_with_frames_removed\b"#,
    #"<frozen runpy>"#,
    #"(^|[/\\ (])runpy\.py\b"#,
  ]

  /// The `python` preset: hides the import machinery and runpy
  /// (``pythonHidePatterns``).
  public static var python: StackFilters {
    var filters = StackFilters()
    // The patterns are constants that compile.
    filters.hide = pythonHidePatterns.map { try! LinearRegex($0) }
    return filters
  }
}

extension StackFilters: Equatable {
  /// Equal when every pattern is the same, in the same order, and the other
  /// settings are equal.
  public static func == (left: StackFilters, right: StackFilters) -> Bool {
    left.hide.map(\.pattern) == right.hide.map(\.pattern)
      && left.focus.map(\.pattern) == right.focus.map(\.pattern)
      && left.focusRoot.map(\.pattern) == right.focusRoot.map(\.pattern)
      && left.ignore.map(\.pattern) == right.ignore.map(\.pattern)
      && left.collapseRecursion == right.collapseRecursion
      && left.maximumDepth == right.maximumDepth
  }
}
