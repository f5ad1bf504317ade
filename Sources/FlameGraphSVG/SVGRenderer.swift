import FlameGraph

/// Writes a `Scene` as a standalone SVG 1.1 document.
///
/// Frames are `<rect>`s with their fitted labels and a `<title>` tooltip, in
/// one `<g>` each. The document references nothing outside itself, so it
/// shows the same in a browser, in `rsvg-convert`, and as an `<img>`.
///
/// With `ViewerData` (from `FlameGraphLayout.sceneWithViewer(for:)`)
/// the document is interactive: a script draws the graph, zooms, searches,
/// and shows the function views; without it, it is static.
///
/// ```swift
/// let profile = try Profile(folded: "main;work 3\n")
/// let (scene, viewer) = FlameGraphLayout(options: Options()).sceneWithViewer(for: profile)
/// let svg = try SVGRenderer(viewer: viewer).render(scene)  // UTF-8 bytes
/// ```
public struct SVGRenderer: SceneRenderer, Sendable {
  /// What the interactive viewer needs; nil for a static document.
  public var viewer: ViewerData?

  /// A renderer: interactive with `viewer` (when the scene is interactive),
  /// static without.
  public init(viewer: ViewerData? = nil) { self.viewer = viewer }

  /// Writes the document.
  public func write(_ scene: Scene, to writer: ByteWriter) throws {
    let viewer = scene.isInteractive ? viewer : nil
    // The viewer's part (data block and script) depends on nothing written
    // before it: it is written on another core meanwhile, into memory.
    let viewerPart = viewer.map { viewer in
      ConcurrentPart { part in self.writeViewer(scene, viewer: viewer, to: part) }
    }
    writeHeader(scene, to: writer)
    if let viewer { writeControls(scene, viewer: viewer, to: writer) }
    SVGDecorations.writeLegend(scene.legend, to: writer)
    writer.write("<g id=\"frames\"")
    if let stroke = scene.frameStroke {
      writer.write(" stroke=\"")
      writer.write(hexColor: stroke)
      writer.write("\"")
      writer.writeAttribute("stroke-width", scene.frameStrokeWidth)
    }
    writer.write(">\n")
    for frame in scene.frames {
      if Self.isBare(frame) {
        writeRect(of: frame, to: writer)
        writer.write("\n")
      } else {
        writeFrame(frame, codeSlant: scene.codeSlant, to: writer)
      }
    }
    writer.write("</g>\n</g>\n")
    if let viewerPart { viewerPart.append(to: writer) }
    writer.write("</svg>\n")
  }

  private func writeHeader(_ scene: Scene, to writer: ByteWriter) {
    writer.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
    writer.write("<svg version=\"1.1\" width=\"")
    writer.write(number: scene.width)
    writer.write("\" height=\"")
    writer.write(number: scene.height)
    writer.write("\" viewBox=\"0 0 ")
    writer.write(number: scene.width)
    writer.write(" ")
    writer.write(number: scene.height)
    writer.write("\" xmlns=\"http://www.w3.org/2000/svg\"")
    // Links of `--nameattr` are `xlink:href`, as inferno and flamegraph.pl write them.
    if scene.frames.contains(where: { $0.attributes != nil }) {
      writer.write(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
    }
    writer.write(">\n")
    if !scene.notes.isEmpty {
      writer.write("<desc>")
      writer.writeEscaped(scene.notes)
      writer.write("</desc>\n")
    }
    writeBackground(scene, to: writer)
    writer.write("<g font-family=\"")
    writer.writeEscaped(scene.font.family)
    writer.write("\" font-size=\"")
    writer.write(number: scene.font.size)
    writer.write("\">\n")
    writeText(scene.title, id: "title", to: writer)
    if let subtitle = scene.subtitle { writeText(subtitle, id: "subtitle", to: writer) }
    writer.write("<text id=\"details\"")
    writer.writeAttribute("x", scene.details.position.x)
    writer.writeAttribute("y", scene.details.position.y)
    writer.write(" data-nametype=\"")
    writer.writeEscaped(scene.details.nameType)
    writer.write("\"> </text>\n")
  }

  private func writeBackground(_ scene: Scene, to writer: ByteWriter) {
    let fill: String
    switch scene.background {
    case .gradient(let top, let bottom):
      writer.write(
        "<defs><linearGradient id=\"background\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">")
      writeStop(scene.gradientStops.top, top, to: writer)
      writeStop(scene.gradientStops.bottom, bottom, to: writer)
      writer.write("</linearGradient></defs>\n")
      fill = "url(#background)"
    case .solid(let color):
      fill = color.hex
    }
    writer.write("<rect x=\"0\" y=\"0\"")
    writer.writeAttribute("width", scene.width)
    writer.writeAttribute("height", scene.height)
    writer.write(" fill=\"\(fill)\"/>\n")
  }

  private func writeStop(_ offset: Double, _ color: RGBColor, to writer: ByteWriter) {
    writer.write("<stop offset=\"")
    writer.write(number: offset * 100)
    writer.write("%\" stop-color=\"\(color.hex)\"/>")
  }

  private func writeText(_ item: TextItem, id: String, to writer: ByteWriter) {
    writer.write("<text id=\"\(id)\"")
    writer.writeAttribute("x", item.x)
    writer.writeAttribute("y", item.y)
    writer.write(" text-anchor=\"\(item.anchor.rawValue)\"")
    writer.writeAttribute("font-size", item.fontSize)
    writer.write(">")
    writer.writeEscaped(item.text)
    writer.write("</text>\n")
  }

  /// Frames of an interactive document narrower than this, in pixels, get
  /// no tooltip, and are a bare `<rect>` in the static layer, without
  /// `<g>` or `<title>` (the format's `OutputBackend.tooltipMinimumWidth`).
  ///
  /// Once the script runs, the static layer is hidden and the canvas draws
  /// and names every frame from the data block; without the script (an
  /// `<img>`, rsvg) no tooltip shows, and in a browser with scripts off a
  /// pointer can hardly rest on a frame thinner than a pixel. The picture
  /// is the same, while on large profiles, where most frames are that thin,
  /// the document has a third fewer bytes and the browser three elements
  /// fewer a frame to build before its first paint. A static document
  /// (`--no-javascript`) keeps a tooltip for every frame.
  public static let bareFrameWidth = 1.0

  /// Whether a frame is written as a bare `<rect>`: it has no tooltip (its
  /// layout made none, `Options.tooltipMinimumWidth`), label, source line
  /// or attributes, so a `<g>` around it would hold nothing else.
  static func isBare(_ frame: FrameBox) -> Bool {
    frame.tooltip.isEmpty && frame.label == nil && frame.code == nil && frame.attributes == nil
  }

  @inline(__always)
  private func writeRect(of frame: FrameBox, to writer: ByteWriter) {
    writer.write("<rect")
    writer.writeAttribute("x", frame.x)
    writer.writeAttribute("y", frame.y)
    writer.writeAttribute("width", frame.width)
    writer.writeAttribute("height", frame.height)
    writer.writeAttribute("fill", frame.fill)
    writer.write("/>")
  }

  @inline(__always)
  private func writeFrame(_ frame: FrameBox, codeSlant: FontSlant, to writer: ByteWriter) {
    let element = frame.attributes.map { writeStart(of: $0, to: writer) }
    if element == nil { writer.write("<g>") }
    writer.write("<title>")
    writer.writeEscaped(frame.tooltip)
    writer.write("</title>")
    writeRect(of: frame, to: writer)
    if let label = frame.label {
      writer.write("<text")
      writer.writeAttribute("x", label.x)
      writer.writeAttribute("y", label.y)
      if label.alignment == .trailing { writer.write(" text-anchor=\"end\"") }
      if label.color != .black { writer.writeAttribute("fill", label.color) }
      writer.write(">")
      writer.writeEscaped(label.text)
      writer.write("</text>")
    }
    if let code = frame.code {
      SVGDecorations.writeCode(code, slant: codeSlant, to: writer)
    }
    writer.write(element == "a" ? "</a>\n" : "</g>\n")
  }

  /// Writes the start tag of a frame with user attributes: `<a ...>` when
  /// it links somewhere, `<g ...>` otherwise; returns the element's name.
  private func writeStart(of attributes: FrameAttributes, to writer: ByteWriter) -> String {
    let element = attributes.link == nil ? "g" : "a"
    writer.write("<" + element)
    for attribute in attributes.attributes {
      // Names were checked to be XML names when the map was read.
      writer.write(" " + attribute.name + "=\"")
      writer.writeEscaped(attribute.value)
      writer.write("\"")
    }
    writer.write(">")
    return element
  }
}
