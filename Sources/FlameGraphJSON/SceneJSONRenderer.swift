import FlameGraph

/// Writes a `Scene` as JSON, exactly as layout made it, for custom viewers.
///
/// The document is described by `Schemas/scene.schema.json`; its `schema`
/// field names the version (``schema``), which changes only when a field
/// changes meaning or disappears. Frames come parents first, each with the
/// index of its parent's frame. Tooltips are left out: they repeat the name
/// and counts (`name (total countName, share%)`), and the file stays smaller
/// than the SVG. Writing streams: no document tree is built.
///
/// ```swift
/// let json = try SceneJSONRenderer().render(scene)
/// ```
public struct SceneJSONRenderer: SceneRenderer {
  /// The value of the document's `schema` field.
  public static let schema = "swift-flamegraph/scene/1"

  /// A renderer.
  public init() {}

  /// Writes the document.
  public func write(_ scene: Scene, to writer: ByteWriter) throws {
    var document = JSONObjectWriter(writer)
    document.string("schema", Self.schema)
    document.raw("canvas") {
      var canvas = JSONObjectWriter(writer)
      canvas.number("width", scene.width)
      canvas.number("height", scene.height)
      canvas.raw("background") { writeBackground(scene.background, writer) }
      canvas.close()
    }
    document.raw("font") {
      var font = JSONObjectWriter(writer)
      font.string("family", scene.font.family)
      font.number("size", scene.font.size)
      font.number("characterWidth", scene.font.characterWidth, decimals: 4)
      font.close()
    }
    document.string("direction", scene.direction.rawValue)
    document.raw("title") { writeText(scene.title, writer) }
    document.raw("subtitle") {
      if let subtitle = scene.subtitle { writeText(subtitle, writer) } else { writer.write("null") }
    }
    document.string("notes", scene.notes)
    document.string("countName", scene.countName)
    document.string("nameType", scene.details.nameType)
    document.count("total", scene.totalSamples)
    document.bool("differential", scene.frames.first?.beforeTotal != nil)
    document.raw("details") { writeText(scene.details.position, writer) }
    document.raw("legend") {
      writer.write(byte: UInt8(ascii: "["))
      for (index, entry) in scene.legend.enumerated() {
        if index > 0 { writer.write(byte: UInt8(ascii: ",")) }
        var item = JSONObjectWriter(writer)
        item.string("name", entry.name)
        item.color("color", entry.color)
        item.number("share", entry.share, decimals: 6)
        item.string("text", entry.text)
        item.raw("swatch") {
          var swatch = JSONObjectWriter(writer)
          swatch.number("x", entry.swatch.x)
          swatch.number("y", entry.swatch.y)
          swatch.number("width", entry.swatch.width)
          swatch.number("height", entry.swatch.height)
          swatch.close()
        }
        item.number("textX", entry.textX)
        item.number("textY", entry.textY)
        item.close()
      }
      writer.write(byte: UInt8(ascii: "]"))
    }
    document.raw("frames") {
      writer.write("[\n")
      for (index, frame) in scene.frames.enumerated() {
        if index > 0 { writer.write(",\n") }
        writeFrame(frame, total: scene.totalSamples, writer)
      }
      writer.write("\n]")
    }
    document.close()
    writer.write("\n")
  }

  private func writeFrame(_ frame: FrameBox, total: Double, _ writer: ByteWriter) {
    var object = JSONObjectWriter(writer)
    object.string("name", frame.name)
    object.integer("depth", frame.depth)
    object.integer("parent", frame.parent)
    object.number("x", frame.x)
    object.number("y", frame.y)
    object.number("width", frame.width)
    object.number("height", frame.height)
    object.color("fill", frame.fill)
    object.raw("label") { writeLabel(frame.label, writer) }
    if let sourceLine = frame.sourceLine {
      object.string("sourceLine", sourceLine)
      object.raw("code") { writeLabel(frame.code, writer) }
    }
    if let category = frame.category { object.integer("category", category) }
    object.count("total", frame.total)
    object.count("self", frame.selfCount)
    object.number("share", total > 0 ? frame.total / total : 0, decimals: 6)
    if let before = frame.beforeTotal { object.count("before", before) }
    object.close()
  }

  private func writeLabel(_ label: FittedLabel?, _ writer: ByteWriter) {
    guard let label else {
      writer.write("null")
      return
    }
    var item = JSONObjectWriter(writer)
    item.string("text", label.text)
    item.number("x", label.x)
    item.number("y", label.y)
    item.string("alignment", label.alignment.rawValue)
    item.bool("truncated", label.isTruncated)
    item.color("color", label.color)
    item.close()
  }

  private func writeText(_ item: TextItem, _ writer: ByteWriter) {
    var object = JSONObjectWriter(writer)
    object.string("text", item.text)
    object.number("x", item.x)
    object.number("y", item.y)
    object.string("anchor", item.anchor.rawValue)
    object.number("fontSize", item.fontSize)
    object.close()
  }

  private func writeBackground(_ background: Background, _ writer: ByteWriter) {
    var object = JSONObjectWriter(writer)
    switch background {
    case .gradient(let top, let bottom):
      object.string("type", "gradient")
      object.color("top", top)
      object.color("bottom", bottom)
    case .solid(let color):
      object.string("type", "solid")
      object.color("color", color)
    }
    object.close()
  }
}
