extension FoldedRenderer {
  /// The `folded` format: the profile as merged, transformed folded stacks.
  public static let backend = OutputBackend(
    name: "folded", summary: "folded stacks, merged and transformed: one line per call path",
    fileExtensions: ["folded"], writer: .profile { FoldedRenderer() })
}
