import FlameGraph

/// What the Cairo formats share: labels measured with the font Cairo draws,
/// and a warning when none of the requested fonts is installed.
enum CairoBackend {
  static func measurer(_ options: Options) -> any TextMeasurer {
    CairoTextMeasurer(font: CairoFont(familyList: options.fontFamily))
  }

  static func warnings(_ options: Options) -> [String] {
    let font = CairoFont(familyList: options.fontFamily)
    guard font.isFallback else { return [] }
    return [
      "none of the fonts \(font.requested) is installed; drawing with \(font.family) "
        + "(on Debian: apt-get install fonts-dejavu-core)"
    ]
  }
}

extension PNGRenderer {
  /// The `png` format, at the settings' scale.
  public static let backend = OutputBackend(
    name: "png", summary: "a PNG image drawn by Cairo", fileExtensions: ["png"], isBinary: true,
    tooltipMinimumWidth: { _ in .infinity }, measurer: CairoBackend.measurer,
    warnings: CairoBackend.warnings,
    writer: .scene { settings in PNGRenderer(scale: settings.scale) })
}

extension PDFRenderer {
  /// The `pdf` format: one page, vector frames and real text.
  public static let backend = OutputBackend(
    name: "pdf", summary: "a one-page PDF drawn by Cairo", fileExtensions: ["pdf"],
    isBinary: true, tooltipMinimumWidth: { _ in .infinity }, measurer: CairoBackend.measurer,
    warnings: CairoBackend.warnings, writer: .scene { _ in PDFRenderer() })
}
