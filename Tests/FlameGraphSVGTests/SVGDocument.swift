import FlameGraph
import FlameGraphSVG
import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Renders folded text to SVG and reads the document back with an XML
/// parser, as a browser would.
struct SVGDocument {
  struct Element {
    var name: String
    var attributes: [String: String]
    var text: String
    /// Whether it is inside `<g id="frames">`.
    var isInFrames = false
  }

  let bytes: [UInt8]
  let elements: [Element]

  init(
    folded: String, options: Options = Options(), sourceLines: (any SourceLineProvider)? = nil
  ) throws {
    let profile = try Profile(folded: folded, options: options)
    let (scene, viewer) = FlameGraphLayout(options: options, sourceLines: sourceLines)
      .sceneWithViewer(for: profile)
    try self.init(bytes: SVGRenderer(viewer: viewer).render(scene))
  }

  init(bytes: [UInt8]) throws {
    self.bytes = bytes
    let collector = ElementCollector()
    let parser = XMLParser(data: Data(bytes))
    parser.delegate = collector
    guard parser.parse() else {
      throw SVGParseError(
        message:
          "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "unknown") at line \(parser.lineNumber)"
      )
    }
    elements = collector.elements
  }

  var text: String { String(decoding: bytes, as: UTF8.self) }

  /// The tooltips of the frames, in document order.
  var titles: [String] { elements.filter { $0.name == "title" }.map(\.text) }

  /// The labels of the frames (text elements without an id).
  var labels: [Element] { elements.filter { $0.name == "text" && $0.attributes["id"] == nil } }

  /// The frame rectangles (the rects inside `<g id="frames">`).
  var frameRects: [Element] { elements.filter { $0.name == "rect" && $0.isInFrames } }
}

struct SVGParseError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
  var elements: [SVGDocument.Element] = []
  private var open: [Int] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    let isInFrames = open.contains { elements[$0].attributes["id"] == "frames" }
    elements.append(
      SVGDocument.Element(
        name: elementName, attributes: attributes, text: "", isInFrames: isInFrames))
    open.append(elements.count - 1)
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let current = open.last { elements[current].text += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    open.removeLast()
  }
}
