import ArgumentParser
import FlameGraph
import FlameGraphCairo
import FlameGraphJSON
import FlameGraphSVG

/// The formats the tool writes.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// Scalable vector graphics, standalone and interactive.
  case svg
  /// A PNG image, drawn by Cairo.
  case png
  /// A one-page PDF with vector frames and real text, drawn by Cairo.
  case pdf
  /// The scene as JSON: every frame box as layout made it.
  case json
  /// The merged call tree as nested `{name, value, children}` JSON.
  case tree
  /// speedscope's file format.
  case speedscope
  /// Folded stacks, merged and transformed: one line per call path.
  case folded

  /// The format a file name asks for: `.svg`, `.png`, `.pdf`, `.json`,
  /// `.tree.json`, `.speedscope.json` or `.folded`; nil for anything else.
  public init?(pathExtensionOf path: String) {
    let name = path.split(separator: "/").last.map(String.init)?.lowercased() ?? ""
    if name.hasSuffix(".tree.json") {
      self = .tree
    } else if name.hasSuffix(".speedscope.json") {
      self = .speedscope
    } else if let dot = name.lastIndex(of: ".") {
      guard let format = OutputFormat(rawValue: String(name[name.index(after: dot)...])),
        format != .tree, format != .speedscope
      else { return nil }
      self = format
    } else {
      return nil
    }
  }

  /// The file name ending that asks for this format.
  public var fileExtension: String {
    switch self {
    case .tree: return "tree.json"
    case .speedscope: return "speedscope.json"
    default: return rawValue
    }
  }

  /// Whether the format draws a scene (the others export the profile).
  public var drawsScene: Bool {
    switch self {
    case .svg, .png, .pdf, .json: return true
    case .tree, .speedscope, .folded: return false
    }
  }

  /// The backend that writes a scene in this format, for formats that draw
  /// one; `scale` is the PNG's pixels per point, `viewer` what an
  /// interactive SVG needs.
  public func renderer(scale: Double = 1, viewer: ViewerData? = nil) -> (any SceneRenderer)? {
    switch self {
    case .svg: return SVGRenderer(viewer: viewer)
    case .png: return PNGRenderer(scale: scale)
    case .pdf: return PDFRenderer()
    case .json: return SceneJSONRenderer()
    case .tree, .speedscope, .folded: return nil
    }
  }

  /// The backend that exports the profile, for data formats.
  public var profileRenderer: (any ProfileRenderer)? {
    switch self {
    case .tree: return TreeJSONRenderer()
    case .speedscope: return SpeedscopeRenderer()
    case .folded: return FoldedRenderer()
    default: return nil
    }
  }

  /// The text measurer layout should fit labels with for this format: the
  /// SVG's monospace model (JSON viewers get the same labels as the SVG),
  /// or the real font for what Cairo draws.
  public func measurer(for options: Options) -> any TextMeasurer {
    switch self {
    case .png, .pdf: return CairoTextMeasurer(font: CairoFont(familyList: options.fontFamily))
    default: return MonospaceTextMeasurer(characterWidth: options.fontWidth)
    }
  }
}
