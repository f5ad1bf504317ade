import FlameGraph

extension SVGRenderer {
  /// The `svg` format: standalone, interactive unless asked otherwise,
  /// labels fitted with the monospace model the viewer also uses.
  public static let backend = OutputBackend(
    name: "svg", summary: "a standalone, interactive SVG", fileExtensions: ["svg"],
    isInteractive: true, writer: .scene { SVGRenderer(viewer: $0.viewer) })
}
