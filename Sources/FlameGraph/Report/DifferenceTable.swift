/// A table of the functions whose own samples changed most between the
/// two counts of a differential profile: before, after, the change
/// (absolute and relative to before) and a bar of the change.
struct DifferenceTable {
  var rows: [FunctionShare]
  /// The largest change of the report, which the bars are drawn against.
  var largestChange: Double
  var color: RGBColor

  private static let numberWidth = 62.0
  private static let relativeWidth = 50.0
  private static let barWidth = 60.0

  func draw(on composer: inout PageComposer, anchor: String) {
    let size = ReportStyle.bodySize
    let rowHeight = ReportStyle.rowHeight
    let x0 = composer.left
    let right = composer.right
    let barX = right - Self.barWidth
    let relativeRight = barX - TableRows.gap
    let changeRight = relativeRight - Self.relativeWidth - TableRows.gap
    let afterRight = changeRight - Self.numberWidth - TableRows.gap
    let beforeRight = afterRight - Self.numberWidth - TableRows.gap
    let nameX = x0 + TableRows.rankWidth + TableRows.gap
    let nameWidth = beforeRight - Self.numberWidth - TableRows.gap - nameX
    var footnotes: [String] = []
    composer.ensureRoom(rowHeight * Double(min(rows.count, 4) + 1), anchor: anchor)
    let headerBaseline = composer.y + rowHeight - 4
    let small = ReportStyle.smallSize
    let muted = ReportStyle.muted
    composer.text(
      "#", x: x0 + TableRows.rankWidth, y: headerBaseline, size: small, weight: .bold, color: muted,
      anchor: .end)
    composer.text(
      "Function (self)", x: nameX, y: headerBaseline, size: small, weight: .bold, color: muted)
    for (title, x) in [
      ("Before", beforeRight), ("After", afterRight), ("Change", changeRight),
      ("Relative", relativeRight),
    ] {
      composer.text(
        title, x: x, y: headerBaseline, size: small, weight: .bold, color: muted, anchor: .end)
    }
    composer.y += rowHeight
    composer.add(
      .line(
        from: Point(x: x0, y: composer.y - 1), to: Point(x: right, y: composer.y - 1),
        color: ReportStyle.rule, width: 0.5))
    if rows.isEmpty {
      composer.text("None.", x: nameX, y: composer.y + rowHeight - 4, size: size, color: muted)
      composer.y += rowHeight
    }
    for (index, row) in rows.enumerated() {
      composer.ensureRoom(rowHeight, anchor: anchor)
      let top = composer.y
      let baseline = TableRows.begin(index, size: size, on: &composer)
      var name = composer.fit(row.name, width: nameWidth, size: size)
      if name != row.name {
        name = TableRows.footnoted(
          row.name, width: nameWidth, size: size, footnotes: &footnotes, on: composer)
      }
      composer.text(name, x: nameX, y: baseline, size: size)
      let change = row.selfCount - row.beforeSelfCount
      let relative =
        row.beforeSelfCount > 0
        ? (change > 0 ? "+" : "") + CountFormatter.percent(change / row.beforeSelfCount) + "%"
        : "new"
      let cells = [
        (CountFormatter.count(row.beforeSelfCount), beforeRight),
        (CountFormatter.count(row.selfCount), afterRight),
        ((change > 0 ? "+" : "") + CountFormatter.count(change), changeRight),
        (relative, relativeRight),
      ]
      for (text, x) in cells {
        composer.text(
          composer.fit(text, width: Self.numberWidth, size: size), x: x, y: baseline, size: size,
          anchor: .end)
      }
      let length = largestChange > 0 ? Self.barWidth * min(1, abs(change) / largestChange) : 0
      composer.add(
        .rectangle(
          Rect(x: barX, y: top + 3, width: max(0.5, length), height: rowHeight - 6), fill: color))
      composer.y += rowHeight
    }
    TableRows.end(footnotes: footnotes, anchor: anchor, on: &composer)
  }
}
