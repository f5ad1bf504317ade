/// A kind of code a frame belongs to (your code, the standard library,
/// libraries, the kernel...), with the hue it is drawn in.
public struct FrameCategory: Sendable, Equatable {
  /// The name shown in the legend.
  public var name: String
  /// The category's color at full intensity.
  public var color: RGBColor

  /// A category with a name and a color.
  public init(name: String, color: RGBColor) {
    self.name = name
    self.color = color
  }
}

/// The Okabe–Ito palette: eight colors that stay distinct under the common
/// color-vision deficiencies (deuteranopia, protanopia, tritanopia), in the
/// order categories take them when their rules give no color.
public enum CategoryPalette {
  /// Vermillion, blue, bluish green, orange, reddish purple, sky blue,
  /// yellow, grey.
  public static let colors: [RGBColor] = [
    RGBColor(red: 0xd5, green: 0x5e, blue: 0x00),
    RGBColor(red: 0x00, green: 0x72, blue: 0xb2),
    RGBColor(red: 0x00, green: 0x9e, blue: 0x73),
    RGBColor(red: 0xe6, green: 0x9f, blue: 0x00),
    RGBColor(red: 0xcc, green: 0x79, blue: 0xa7),
    RGBColor(red: 0x56, green: 0xb4, blue: 0xe9),
    RGBColor(red: 0xf0, green: 0xe4, blue: 0x42),
    RGBColor(red: 0x99, green: 0x99, blue: 0x99),
  ]
}
