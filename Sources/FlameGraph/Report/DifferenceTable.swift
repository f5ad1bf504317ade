/// A table of the functions whose own samples changed most between the
/// two counts of a differential profile: before, after, the change
/// (absolute and relative to before) and a bar of the change.
struct DifferenceTable {
  var rows: [FunctionShare]
  /// The largest change of the report, which the bars are drawn against.
  var largestChange: Double
  var color: RGBColor

  private static let rankWidth = 18.0
  private static let gap = 8.0
  private static let numberWidth = 62.0
  private static let relativeWidth = 50.0
  private static let barWidth = 60.0

  func draw(on composer: inout PageComposer, anchor: String) {
    let size = ReportStyle.bodySize
    let rowHeight = ReportStyle.rowHeight
    let x0 = composer.left
    let right = composer.right
    let barX = right - Self.barWidth
    let relativeRight = barX - Self.gap
    let changeRight = relativeRight - Self.relativeWidth - Self.gap
    let afterRight = changeRight - Self.numberWidth - Self.gap
    let beforeRight = afterRight - Self.numberWidth - Self.gap
    let nameX = x0 + Self.rankWidth + Self.gap
    let nameWidth = beforeRight - Self.numberWidth - Self.gap - nameX
    var footnotes: [String] = []
    composer.ensureRoom(rowHeight * Double(min(rows.count, 4) + 1), anchor: anchor)
    let headerBaseline = composer.y + rowHeight - 4
    let small = ReportStyle.smallSize
    let muted = ReportStyle.muted
    composer.text(
      "#", x: x0 + Self.rankWidth, y: headerBaseline, size: small, weight: .bold, color: muted,
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
      let baseline = top + rowHeight / 2 + size * 0.35
      if index % 2 == 0 {
        composer.add(
          .rectangle(
            Rect(x: x0, y: top, width: right - x0, height: rowHeight), fill: ReportStyle.zebra))
      }
      composer.text(
        "\(index + 1)", x: x0 + Self.rankWidth, y: baseline, size: size, color: muted, anchor: .end)
      var name = composer.fit(row.name, width: nameWidth, size: size)
      if name != row.name {
        let marker = " [\(footnotes.count + 1)]"
        name =
          composer.fit(row.name, width: nameWidth - composer.width(marker, size: size), size: size)
          + marker
        footnotes.append(row.name)
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
    if !footnotes.isEmpty {
      composer.y += 4
      for (index, name) in footnotes.enumerated() {
        composer.paragraph(
          "[\(index + 1)] \(name)", size: small, color: muted, lineHeight: small * 1.35,
          anchor: anchor)
      }
    }
    composer.y += 6
  }
}
