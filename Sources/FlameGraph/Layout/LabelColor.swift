extension RGBColor {
  /// The color of a label drawn on this fill: white on very dark fills,
  /// black otherwise.
  ///
  /// One rule for the labels layout fits and for those an interactive viewer
  /// adds after a zoom.
  ///
  /// ```swift
  /// RGBColor(red: 0, green: 0, blue: 80).labelColor  // .white
  /// ```
  public var labelColor: RGBColor { luminance < 0.1 ? .white : .black }
}
