import ArgumentParser
import FlameGraph
import FlameGraphSVG

/// The formats the tool writes.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// Scalable vector graphics.
  case svg

  /// The format named by a file's extension, if it is one the tool writes.
  public init?(pathExtensionOf path: String) {
    guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
    self.init(rawValue: path[path.index(after: dot)...].lowercased())
  }

  /// The backend that writes this format.
  public var renderer: any SceneRenderer {
    switch self {
    case .svg: return SVGRenderer()
    }
  }

  /// The text measurer layout should fit labels with for this format.
  public func measurer(for options: Options) -> any TextMeasurer {
    switch self {
    case .svg: return MonospaceTextMeasurer(characterWidth: options.fontWidth)
    }
  }
}
