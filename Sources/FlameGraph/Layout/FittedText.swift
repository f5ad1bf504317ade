/// A label as fitted: its text, whether it is less than the whole name, and
/// whether it was cut with an ellipsis (a cut label keeping the name's end
/// is attached to the box's right edge).
public struct FittedText: Sendable, Equatable {
  /// The text drawn.
  public var text: String
  /// Whether it is not the whole name (a rung or a cut).
  public var isTruncated: Bool
  /// Whether it was cut with an ellipsis.
  public var isCut: Bool
}
