/// One page of a ``Document``: its size and what is drawn on it.
public struct Page: Sendable {
  /// Width in points (595.28 for A4 portrait).
  public var width: Double
  /// Height in points.
  public var height: Double
  /// The name links and outline entries use to reach the page.
  public var anchor: String
  /// What is drawn, in order.
  public var items: [PageItem]

  /// An empty page.
  public init(width: Double, height: Double, anchor: String, items: [PageItem] = []) {
    self.width = width
    self.height = height
    self.anchor = anchor
    self.items = items
  }
}
