/// A line of styled text on a page, already fitted to its room by layout.
///
/// ```swift
/// TextRun(text: "Summary", x: 40, y: 60, fontSize: 18, weight: .bold)
/// ```
public struct TextRun: Sendable, Equatable {
  /// The text.
  public var text: String
  /// The anchor's x.
  public var x: Double
  /// The baseline's y.
  public var y: Double
  /// Which end or middle of the text sits at `x`.
  public var anchor: TextAnchor
  /// The size in points.
  public var fontSize: Double
  /// Regular or bold.
  public var weight: FontWeight
  /// Upright or oblique.
  public var slant: FontSlant
  /// The text color.
  public var color: RGBColor

  /// A run; black, upright, regular and starting at `x` unless told.
  public init(
    text: String, x: Double, y: Double, fontSize: Double, anchor: TextAnchor = .start,
    weight: FontWeight = .normal, slant: FontSlant = .normal, color: RGBColor = .black
  ) {
    self.text = text
    self.x = x
    self.y = y
    self.anchor = anchor
    self.fontSize = fontSize
    self.weight = weight
    self.slant = slant
    self.color = color
  }
}
