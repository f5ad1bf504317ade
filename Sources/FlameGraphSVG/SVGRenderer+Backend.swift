import FlameGraph

extension SVGRenderer {
  /// The `svg` format: standalone, interactive unless asked otherwise,
  /// labels fitted with the monospace model the viewer also uses. An
  /// interactive document's thin frames get no tooltip (``bareFrameWidth``);
  /// a static one's all do.
  public static let backend = OutputBackend(
    name: "svg", summary: "a standalone, interactive SVG", fileExtensions: ["svg"],
    isInteractive: true, tooltipMinimumWidth: { $0.interactive ? bareFrameWidth : 0 },
    writer: .scene { SVGRenderer(viewer: $0.viewer) })
}
