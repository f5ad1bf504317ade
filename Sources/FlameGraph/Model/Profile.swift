/// A parsed profile: its frame names and its merged call tree.
///
/// ```swift
/// let profile = try Profile(folded: "main;parse 3\nmain;render 5\n")
/// profile.totalSamples  // 8
/// ```
public struct Profile: Sendable {
  /// The distinct frame names.
  public let frames: FrameTable
  /// The stacks, merged.
  public let tree: CallTree
  /// What the parser skipped, and why.
  public var diagnostics: ParseDiagnostics
  /// What the counts measure, as the input's format declares it (samples
  /// when it does not say, as folded text).
  public var unit: CountUnit = .samples

  /// The samples of all stacks (the second count of a differential profile).
  public var totalSamples: Double { tree.total(of: tree.root) }

  /// Whether the input had count pairs (before, after).
  public var isDifferential: Bool { tree.isDifferential }

  /// The label of a node: its frame's name without annotation, or "all" for
  /// the root.
  public func name(of node: NodeID) -> String {
    let frame = tree.frame(of: node)
    return frame < 0 ? "all" : frames.name(of: frame)
  }
}
