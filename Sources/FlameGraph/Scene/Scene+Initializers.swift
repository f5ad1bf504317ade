// Public initializers of the scene's values, so that a custom backend can
// build the scenes its tests draw without running layout. Layout itself
// uses the memberwise initializers, which these extensions leave in place.

extension Scene {
  /// A scene from its frames; the rest has the defaults layout would give
  /// a plain flame graph (white background, the default font, the title
  /// "Flame Graph", no legend).
  ///
  /// ```swift
  /// let root = FrameBox(name: "all", depth: 0, x: 10, y: 30, width: 200, height: 15, total: 10)
  /// let scene = Scene(width: 220, height: 60, frames: [root], totalSamples: 10)
  /// let bytes = try MyRenderer().render(scene)
  /// ```
  public init(
    width: Double, height: Double, frames: [FrameBox], totalSamples: Double,
    background: Background = .solid(RGBColor(red: 255, green: 255, blue: 255)),
    font: SceneFont = SceneFont(family: Options.defaultFontFamily, size: 12, characterWidth: 0.6),
    title: String = "Flame Graph", legend: [LegendEntry] = [], direction: Direction = .flame,
    countName: String = "samples"
  ) {
    self.init(
      width: width, height: height, background: background, font: font,
      title: TextItem(
        text: title, x: width / 2, y: font.size * 2, anchor: .middle, fontSize: font.size + 5),
      subtitle: nil, notes: "", frames: frames,
      details: DetailsLine(
        position: TextItem(
          text: "", x: 10, y: height - font.size, anchor: .start, fontSize: font.size),
        nameType: "Function:"),
      legend: legend, direction: direction, paletteMap: nil, frameStroke: nil,
      totalSamples: totalSamples, countName: countName, isInteractive: false)
  }
}

extension FrameBox {
  /// A frame box; the tooltip defaults to the name, the fill to a mid red.
  public init(
    name: String, depth: Int, x: Double, y: Double, width: Double, height: Double,
    total: Double, selfCount: Double = 0, parent: Int = -1, node: NodeID = 0,
    fill: RGBColor = RGBColor(red: 230, green: 100, blue: 50), label: FittedLabel? = nil,
    tooltip: String? = nil, sourceLine: String? = nil, code: FittedLabel? = nil,
    category: Int? = nil, beforeTotal: Double? = nil
  ) {
    self.init(
      node: node, parent: parent, depth: depth, x: x, y: y, width: width, height: height,
      fill: fill, name: name, label: label, tooltip: tooltip ?? name, sourceLine: sourceLine,
      code: code, category: category, total: total, selfCount: selfCount,
      beforeTotal: beforeTotal)
  }
}
