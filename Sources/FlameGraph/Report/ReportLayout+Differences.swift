extension ReportLayout {
  /// The differences page: what grew and what shrank, by own samples.
  func layoutDifferences(
    profile: Profile, regressions: [FunctionShare], improvements: [FunctionShare],
    on composer: inout PageComposer
  ) {
    let anchor = "differences"
    composer.startPage(anchor: anchor)
    composer.heading("Differences", anchor: anchor)
    let tree = profile.tree
    let before = tree.beforeTotal(of: tree.root)
    composer.paragraph(
      "The second profile against the first: \(amount(before)) before, "
        + "\(amount(profile.totalSamples)) after. Changes are of the \(quantity.lowercased()) in "
        + "each function itself; relative changes are against before. In the graphs, red frames grew "
        + "and blue ones shrank.",
      size: ReportStyle.smallSize, color: ReportStyle.muted, anchor: anchor)
    let largest =
      (regressions + improvements).map { abs($0.selfCount - $0.beforeSelfCount) }.max() ?? 0
    composer.heading("Biggest regressions", anchor: anchor)
    DifferenceTable(rows: regressions, largestChange: largest, color: ReportStyle.regression)
      .draw(on: &composer, anchor: anchor)
    composer.heading("Biggest improvements", anchor: anchor)
    DifferenceTable(rows: improvements, largestChange: largest, color: ReportStyle.improvement)
      .draw(on: &composer, anchor: anchor)
  }
}
