import FlameGraph

/// The parts of the SVG that only some scenes have: a frame's line of source
/// code, and the legend of categories.
enum SVGDecorations {
  /// A frame's code under its label, in the slant and color layout chose.
  static func writeCode(_ code: FittedLabel, slant: FontSlant, to writer: ByteWriter) {
    writer.write("<text class=\"code\"")
    writer.writeAttribute("x", code.x)
    writer.writeAttribute("y", code.y)
    if slant == .oblique { writer.write(" font-style=\"oblique\"") }
    writer.writeAttribute("fill", code.color)
    writer.write(">")
    writer.writeEscaped(code.text)
    writer.write("</text>")
  }

  /// The legend: a swatch and a text per category.
  static func writeLegend(_ legend: [LegendEntry], to writer: ByteWriter) {
    guard !legend.isEmpty else { return }
    writer.write("<g id=\"legend\">\n")
    for entry in legend {
      writer.write("<rect")
      writer.writeAttribute("x", entry.swatch.x)
      writer.writeAttribute("y", entry.swatch.y)
      writer.writeAttribute("width", entry.swatch.width)
      writer.writeAttribute("height", entry.swatch.height)
      writer.writeAttribute("fill", entry.color)
      writer.write("/><text")
      writer.writeAttribute("x", entry.textX)
      writer.writeAttribute("y", entry.textY)
      writer.write(">")
      writer.writeEscaped(entry.text)
      writer.write("</text>\n")
    }
    writer.write("</g>\n")
  }
}
