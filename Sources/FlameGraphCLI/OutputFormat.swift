import ArgumentParser
import FlameGraph
import FlameGraphCairo
import FlameGraphSVG

/// The formats the tool writes.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// Scalable vector graphics, standalone.
  case svg
  /// A PNG image, drawn by Cairo.
  case png
  /// A one-page PDF with vector frames and real text, drawn by Cairo.
  case pdf

  /// The format named by a file's extension, if it is one the tool writes.
  public init?(pathExtensionOf path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  /// The backend that writes this format; `scale` is the PNG's pixels per point.
  public func renderer(scale: Double = 1) -> any SceneRenderer {
    switch self {
    case .svg: return SVGRenderer()
    case .png: return PNGRenderer(scale: scale)
    case .pdf: return PDFRenderer()
    }
  }

  /// The text measurer layout should fit labels with for this format: the
  /// SVG's monospace model, or the real font for what Cairo draws.
  public func measurer(for options: Options) -> any TextMeasurer {
    switch self {
    case .svg: return MonospaceTextMeasurer(characterWidth: options.fontWidth)
    case .png, .pdf: return CairoTextMeasurer(font: CairoFont(familyList: options.fontFamily))
    }
  }
}
