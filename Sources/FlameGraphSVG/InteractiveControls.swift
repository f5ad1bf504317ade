import FlameGraph

extension SVGRenderer {
  /// Writes the style sheet and the controls of an interactive SVG, placed
  /// from the scene: Reset Zoom at the left of the title line, Search at its
  /// right with the search field beside it, and the matched share at the
  /// right of the details line.
  ///
  /// The controls are hidden by the style sheet until the script shows
  /// them, so a viewer without scripts (an `<img>`, rsvg) draws none.
  func writeControls(_ scene: Scene, viewer: ViewerData, to writer: ByteWriter) {
    writer.write("<style type=\"text/css\"><![CDATA[\n")
    writer.write(bytes: ViewerResources.style)
    writer.write("]]></style>\n")
    let left = viewer.geometry.sidePadding
    let right = scene.width - viewer.geometry.sidePadding
    let top = scene.title.y
    writeControl(
      id: "unzoom", "Reset Zoom", x: left, y: top, anchorEnd: false, off: true, to: writer)
    writeControl(id: "search", "Search", x: right, y: top, anchorEnd: true, off: false, to: writer)
    writeControl(
      id: "matched", " ", x: right, y: scene.details.position.y, anchorEnd: true, off: true,
      to: writer)
    // The field sits left of the widest text of the Search control
    // ("Reset Search"), in the monospace model labels are fitted with.
    let controlWidth = 12 * scene.font.characterWidth * scene.font.size
    let fieldWidth = min(360, max(160, (right - left) / 3))
    let fieldHeight = scene.font.size + 10
    writer.write("<foreignObject id=\"fg-search-box\" x=\"")
    writer.write(number: right - controlWidth - 8 - fieldWidth)
    writer.write("\" y=\"")
    writer.write(number: top - scene.font.size - 4)
    writer.write("\" width=\"")
    writer.write(number: fieldWidth)
    writer.write("\" height=\"")
    writer.write(number: fieldHeight)
    writer.write(
      "\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
        + "<input id=\"fg-search-input\" type=\"text\" spellcheck=\"false\" autocomplete=\"off\""
        + " placeholder=\"regular expression\" aria-label=\"Search frames\"/>"
        + "<label><input id=\"fg-search-plain\" type=\"checkbox\"/>text</label>"
        + "</div></foreignObject>\n")
  }

  private func writeControl(
    id: String, _ text: String, x: Double, y: Double, anchorEnd: Bool, off: Bool,
    to writer: ByteWriter
  ) {
    writer.write("<text id=\"\(id)\" class=\"fg-control\(off ? " fg-off" : "")\" x=\"")
    writer.write(number: x)
    writer.write("\" y=\"")
    writer.write(number: y)
    if anchorEnd { writer.write("\" text-anchor=\"end") }
    writer.write("\">\(text)</text>\n")
  }
}
