import FlameGraph

/// The parts of the SVG that only some scenes have: a frame's line of source
/// code, and the legend of categories.
enum SVGDecorations {
  /// A frame's code under its label: oblique, in the color layout chose.
  static func writeCode(_ code: FittedLabel, to writer: ByteWriter) {
    writer.write("<text class=\"code\" x=\"")
    writer.write(number: code.x)
    writer.write("\" y=\"")
    writer.write(number: code.y)
    writer.write("\" font-style=\"oblique\" fill=\"")
    writer.write(hexColor: code.color)
    writer.write("\">")
    writer.writeEscaped(code.text)
    writer.write("</text>")
  }

  /// The legend: a swatch and a text per category.
  static func writeLegend(_ legend: [LegendEntry], to writer: ByteWriter) {
    guard !legend.isEmpty else { return }
    writer.write("<g id=\"legend\">\n")
    for entry in legend {
      writer.write("<rect x=\"")
      writer.write(number: entry.swatch.x)
      writer.write("\" y=\"")
      writer.write(number: entry.swatch.y)
      writer.write("\" width=\"")
      writer.write(number: entry.swatch.width)
      writer.write("\" height=\"")
      writer.write(number: entry.swatch.height)
      writer.write("\" fill=\"")
      writer.write(hexColor: entry.color)
      writer.write("\"/><text x=\"")
      writer.write(number: entry.textX)
      writer.write("\" y=\"")
      writer.write(number: entry.textY)
      writer.write("\">")
      writer.writeEscaped(entry.text)
      writer.write("</text>\n")
    }
    writer.write("</g>\n")
  }
}
