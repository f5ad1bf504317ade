/// One thing drawn on a ``Page``, in page coordinates (points, origin at
/// the top left). Items are drawn in order, later ones on top.
public enum PageItem: Sendable {
  /// Styled text.
  case text(TextRun)
  /// A filled rectangle.
  case rectangle(Rect, fill: RGBColor)
  /// A straight line.
  case line(from: Point, to: Point, color: RGBColor, width: Double)
  /// A clickable area that goes to the page whose ``Page/anchor`` is
  /// `destination`.
  case link(Rect, destination: String)
  /// A whole flame graph scene, its top left corner at `origin`, scaled by
  /// `scale` (1 draws it at its own size).
  case scene(Scene, origin: Point, scale: Double)
}

/// A point in page coordinates.
public struct Point: Sendable, Equatable {
  /// From the left edge.
  public var x: Double
  /// From the top edge.
  public var y: Double

  /// A point.
  public init(x: Double, y: Double) {
    self.x = x
    self.y = y
  }
}
