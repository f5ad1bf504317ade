@_exported import FlameGraph
import FlameGraphCairo
import FlameGraphJSON
import FlameGraphSVG

extension OutputFormatRegistry {
  /// Every built-in format: SVG, PNG, PDF, scene JSON, tree JSON,
  /// speedscope and folded stacks.
  ///
  /// ```swift
  /// try OutputFormatRegistry.standard.write(profile, options: options, toFile: "graph.png")
  /// ```
  public static let standard = OutputFormatRegistry([
    SVGRenderer.backend, PNGRenderer.backend, PDFRenderer.backend, SceneJSONRenderer.backend,
    TreeJSONRenderer.backend, SpeedscopeRenderer.backend, FoldedRenderer.backend,
  ])
}
