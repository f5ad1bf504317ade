/// What the report's tables draw alike: the striped background and rank
/// of a row, a name cut to its column with a numbered footnote, and the
/// footnotes under the table.
enum TableRows {
  /// The rank column's width.
  static let rankWidth = 18.0
  /// The space between columns.
  static let gap = 8.0

  /// Draws row `index`'s stripe (every other row) and rank, at the
  /// composer's current top; returns the row's text baseline.
  static func begin(_ index: Int, size: Double, on composer: inout PageComposer) -> Double {
    let top = composer.y
    let rowHeight = ReportStyle.rowHeight
    if index % 2 == 0 {
      composer.add(
        .rectangle(
          Rect(x: composer.left, y: top, width: composer.right - composer.left, height: rowHeight),
          fill: ReportStyle.zebra))
    }
    let baseline = top + rowHeight / 2 + size * 0.35
    composer.text(
      "\(index + 1)", x: composer.left + rankWidth, y: baseline, size: size,
      color: ReportStyle.muted, anchor: .end)
    return baseline
  }

  /// `name` cut to `width` with a ` [n]` marker, its whole form added to
  /// `footnotes` as note n.
  static func footnoted(
    _ name: String, width: Double, size: Double, footnotes: inout [String],
    on composer: PageComposer
  ) -> String {
    let marker = " [\(footnotes.count + 1)]"
    footnotes.append(name)
    return composer.fit(name, width: width - composer.width(marker, size: size), size: size)
      + marker
  }

  /// The footnotes, one paragraph each, then the space after a table.
  static func end(footnotes: [String], anchor: String, on composer: inout PageComposer) {
    if !footnotes.isEmpty {
      composer.y += 4
      for (index, name) in footnotes.enumerated() {
        composer.paragraph(
          "[\(index + 1)] \(name)", size: ReportStyle.smallSize, color: ReportStyle.muted,
          lineHeight: ReportStyle.smallSize * 1.35, anchor: anchor)
      }
    }
    composer.y += 6
  }
}
