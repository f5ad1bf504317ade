/// The paper a report is laid out on.
public enum Paper: String, Sendable, CaseIterable {
  /// ISO A4, 210 x 297 mm (the default).
  case a4
  /// US Letter, 8.5 x 11 inches.
  case letter

  /// The width and height of a portrait page, in points.
  public var portraitSize: (width: Double, height: Double) {
    switch self {
    case .a4: return (595.28, 841.89)
    case .letter: return (612, 792)
    }
  }

  /// The width and height of a page, portrait or landscape.
  public func size(landscape: Bool) -> (width: Double, height: Double) {
    let portrait = portraitSize
    return landscape ? (portrait.height, portrait.width) : portrait
  }
}
