/// Places the legend of categories in rows under the title: a color swatch,
/// then the category's name and share, wrapping to a new row when the
/// canvas is full.
struct LegendLayout {
  /// The entries, placed.
  let entries: [LegendEntry]
  /// The room the legend takes, 0 when there is none.
  let height: Double

  init(
    entries categories: [(category: FrameCategory, share: Double)], options: Options, top: Double,
    measurer: any TextMeasurer
  ) {
    guard !categories.isEmpty else {
      entries = []
      height = 0
      return
    }
    let size = options.fontSize
    let rowHeight = size * 1.6
    var entries: [LegendEntry] = []
    var x = FlameGraphLayout.sidePadding
    var row = 0
    for (category, share) in categories {
      let text = "\(category.name) \(CountFormatter.percent(share))%"
      let width = size * 1.4 + measurer.width(of: text[...], fontSize: size) + size * 1.5
      if x + width > options.imageWidth - FlameGraphLayout.sidePadding
        && x > FlameGraphLayout.sidePadding
      {
        row += 1
        x = FlameGraphLayout.sidePadding
      }
      let rowTop = top + Double(row) * rowHeight
      entries.append(
        LegendEntry(
          name: category.name, color: category.color, share: share, text: text,
          swatch: Rect(x: x, y: rowTop + (rowHeight - size) / 2, width: size, height: size),
          textX: x + size * 1.4, textY: rowTop + rowHeight / 2 + size * 0.35))
      x += width
    }
    self.entries = entries
    height = Double(row + 1) * rowHeight + size * 0.5
  }
}
