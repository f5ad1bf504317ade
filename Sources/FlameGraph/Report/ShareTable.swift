/// A table of functions with their share as a number and an inline bar:
/// rank, name (fitted with the real font; a name shown shorter gets a
/// numbered footnote with the whole of it, unless it links to its own
/// page), share, bar, count, and the page of its hot path when it has one.
struct ShareTable {
  struct Row {
    var name: String
    /// The share shown, 0...1.
    var share: Double
    /// The bar's length as a fraction of the longest bar.
    var bar: Double
    var count: Double
    /// The page anchor and number of the function's hot path, if any.
    var page: (anchor: String, number: Int)?
  }

  var rows: [Row]
  var barColor: RGBColor
  /// The header of the share column (`Self`, `Total`, `Of frame`).
  var shareTitle: String
  /// The unit, as the count column's header.
  var unit: String

  private static let shareWidth = 44.0
  private static let barWidth = 80.0
  private static let countWidth = 78.0
  private static let pageWidth = 30.0

  func draw(on composer: inout PageComposer, anchor: String) {
    let size = ReportStyle.bodySize
    let rowHeight = ReportStyle.rowHeight
    let x0 = composer.left
    let right = composer.right
    let nameX = x0 + TableRows.rankWidth + TableRows.gap
    let pageRight = right
    let countRight = pageRight - Self.pageWidth - TableRows.gap
    let barX = countRight - Self.countWidth - TableRows.gap - Self.barWidth
    let shareRight = barX - TableRows.gap
    let nameWidth = shareRight - Self.shareWidth - TableRows.gap - nameX
    var footnotes: [String] = []
    composer.ensureRoom(rowHeight * Double(min(rows.count, 4) + 1), anchor: anchor)
    drawHeader(
      on: &composer, nameX: nameX, shareRight: shareRight, barX: barX,
      countRight: countRight, pageRight: pageRight)
    for (index, row) in rows.enumerated() {
      if composer.y + rowHeight > composer.bottom {
        composer.startPage(anchor: "\(anchor)-\(composer.pages.count + 1)")
        drawHeader(
          on: &composer, nameX: nameX, shareRight: shareRight, barX: barX,
          countRight: countRight, pageRight: pageRight)
      }
      let top = composer.y
      let baseline = TableRows.begin(index, size: size, on: &composer)
      var name = composer.fit(row.name, width: nameWidth, size: size)
      // A name that links to its page needs no footnote.
      if name != row.name && row.page == nil {
        name = TableRows.footnoted(
          row.name, width: nameWidth, size: size, footnotes: &footnotes, on: composer)
      }
      composer.text(
        name, x: nameX, y: baseline, size: size,
        color: row.page == nil ? ReportStyle.text : ReportStyle.link)
      composer.text(
        CountFormatter.percent(row.share) + "%", x: shareRight, y: baseline, size: size,
        anchor: .end)
      let barLength = max(0.5, Self.barWidth * min(1, max(0, row.bar)))
      composer.add(
        .rectangle(
          Rect(x: barX, y: top + 3, width: barLength, height: rowHeight - 6), fill: barColor))
      composer.text(
        composer.fit(CountFormatter.count(row.count), width: Self.countWidth, size: size),
        x: countRight, y: baseline, size: size, anchor: .end)
      if let page = row.page {
        composer.text(
          "p. \(page.number)", x: pageRight, y: baseline, size: size, color: ReportStyle.link,
          anchor: .end)
        composer.add(
          .link(Rect(x: x0, y: top, width: right - x0, height: rowHeight), destination: page.anchor)
        )
      }
      composer.y += rowHeight
    }
    TableRows.end(footnotes: footnotes, anchor: anchor, on: &composer)
  }

  private func drawHeader(
    on composer: inout PageComposer, nameX: Double, shareRight: Double, barX: Double,
    countRight: Double, pageRight: Double
  ) {
    let size = ReportStyle.smallSize
    let baseline = composer.y + ReportStyle.rowHeight - 4
    let muted = ReportStyle.muted
    composer.text(
      "#", x: composer.left + TableRows.rankWidth, y: baseline, size: size, weight: .bold,
      color: muted,
      anchor: .end)
    composer.text("Function", x: nameX, y: baseline, size: size, weight: .bold, color: muted)
    composer.text(
      shareTitle, x: shareRight, y: baseline, size: size, weight: .bold, color: muted, anchor: .end)
    composer.text(
      composer.fit(unit, width: Self.countWidth, size: size, weight: .bold), x: countRight,
      y: baseline, size: size, weight: .bold, color: muted, anchor: .end)
    composer.text(
      "Page", x: pageRight, y: baseline, size: size, weight: .bold, color: muted, anchor: .end)
    composer.y += ReportStyle.rowHeight
    composer.add(
      .line(
        from: Point(x: composer.left, y: composer.y - 1),
        to: Point(x: composer.right, y: composer.y - 1),
        color: ReportStyle.rule, width: 0.5))
  }
}
