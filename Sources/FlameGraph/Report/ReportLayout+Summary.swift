extension ReportLayout {
  /// The summary: title, facts, contents, categories and the two tables of
  /// top functions, flowing onto a second page when they need one.
  func layoutSummary(
    profile: Profile, totals: FunctionTotals, topBySelf: [FunctionShare],
    topByTotal: [FunctionShare], legend: [LegendEntry], plan: PagePlan,
    on composer: inout PageComposer
  ) {
    let anchor = "summary"
    composer.startPage(anchor: anchor)
    composer.paragraph(
      options.title, size: ReportStyle.titleSize, weight: .bold,
      lineHeight: ReportStyle.titleSize * 1.25, maximumLines: 3, anchor: anchor)
    if let subtitle = options.subtitle {
      composer.paragraph(
        subtitle, size: ReportStyle.subtitleSize, color: ReportStyle.muted,
        lineHeight: ReportStyle.subtitleSize * 1.3, maximumLines: 3, anchor: anchor)
    }
    composer.y += 10
    layoutFacts(profile: profile, totals: totals, on: &composer)
    layoutContents(plan: plan, on: &composer)
    if !legend.isEmpty { layoutCategories(legend, on: &composer) }
    let total = profile.totalSamples
    let unitTotal = amount(total)
    layoutTopFunctions(
      topBySelf, heading: "Top functions by self",
      explanation: "\(quantity) in the function itself, not in what it calls, as a share of all "
        + "\(unitTotal).",
      key: \.selfCount, total: total, color: ReportStyle.selfBar, title: "Self", plan: plan,
      anchor: anchor, on: &composer)
    layoutTopFunctions(
      topByTotal, heading: "Top functions by total",
      explanation:
        "\(quantity) of the stacks through the function, each stack counted once however "
        + "deep the recursion, as a share of all \(unitTotal).",
      key: \.total, total: total, color: ReportStyle.totalBar, title: "Total", plan: plan,
      anchor: anchor, on: &composer)
  }

  /// A table of top functions under its heading and explanation, kept
  /// together on a page.
  private func layoutTopFunctions(
    _ functions: [FunctionShare], heading: String, explanation: String,
    key: KeyPath<FunctionShare, Double>, total: Double, color: RGBColor, title: String,
    plan: PagePlan, anchor: String, on composer: inout PageComposer
  ) {
    composer.heading(heading, keepWith: tableHeight(functions.count), anchor: anchor)
    composer.paragraph(
      explanation, size: ReportStyle.smallSize, color: ReportStyle.muted, anchor: anchor)
    composer.y += 2
    shareTable(functions, key: key, total: total, color: color, title: title, plan: plan)
      .draw(on: &composer, anchor: anchor)
  }

  /// The room a table of `rows` rows takes with its explanation, so that
  /// a heading starts a page rather than leave its table split.
  func tableHeight(_ rows: Int) -> Double {
    ReportStyle.rowHeight * Double(rows + 1) + ReportStyle.lineHeight + 8
  }

  func shareTable(
    _ functions: [FunctionShare], key: KeyPath<FunctionShare, Double>, total: Double,
    color: RGBColor, title: String, plan: PagePlan
  ) -> ShareTable {
    let largest = functions.first.map { $0[keyPath: key] } ?? 0
    return ShareTable(
      rows: functions.map { function in
        let value = function[keyPath: key]
        return ShareTable.Row(
          name: function.name, share: total > 0 ? value / total : 0,
          bar: largest > 0 ? value / largest : 0, count: value,
          page: plan.page(ofFunction: function.name))
      }, barColor: color, shareTitle: title, unit: unit)
  }

  /// Label and value lines: sources, total, stacks, functions, date, command.
  private func layoutFacts(
    profile: Profile, totals: FunctionTotals, on composer: inout PageComposer
  ) {
    let tree = profile.tree
    let total = profile.totalSamples
    var facts: [(String, String)] = []
    facts.append(
      (
        options.sources.count > 1 ? "Profiles" : "Profile",
        options.sources.isEmpty ? "standard input" : options.sources.joined(separator: ", ")
      ))
    if profile.isDifferential {
      let before = tree.beforeTotal(of: tree.root)
      let change =
        before > 0
        ? " (" + (total >= before ? "+" : "") + CountFormatter.percent((total - before) / before)
          + "%)" : ""
      // Samples of known interval have their profiled time on a line of its own.
      let readableBefore = profileUnit.kind == .samples ? "" : readableSuffix(before)
      facts.append(
        (
          "Total",
          "\(totalAmount(total)) after, \(CountFormatter.count(before))\(readableBefore) "
            + "before\(change)"
        ))
    } else {
      facts.append(("Total", totalAmount(total)))
    }
    if let sampling = samplingFact(total: total) { facts.append(sampling) }
    let functions = totals.functions.filter { $0.total > 0 || $0.beforeTotal > 0 }.count
    facts.append(
      ("Stacks", CountFormatter.count(Double(tree.nodesWithSelfSamples().count)) + " distinct"))
    facts.append(("Functions", CountFormatter.count(Double(functions)) + " distinct"))
    if !options.date.isEmpty { facts.append(("Date", options.date)) }
    if !options.commandLine.isEmpty { facts.append(("Command", options.commandLine)) }
    let labelWidth = 70.0
    for (label, value) in facts {
      composer.ensureRoom(ReportStyle.lineHeight, anchor: "summary")
      composer.text(
        label, x: composer.left, y: composer.y + ReportStyle.bodySize, size: ReportStyle.bodySize,
        weight: .bold, color: ReportStyle.muted)
      composer.paragraph(
        value, x: composer.left + labelWidth, maximumLines: 8, anchor: "summary")
    }
  }

  /// The pages after the summary, each linked.
  private func layoutContents(plan: PagePlan, on composer: inout PageComposer) {
    var entries: [(String, String, Int)] = []
    if plan.differential { entries.append(("Differences", "differences", plan.differencesPage)) }
    entries.append(("Whole profile", "graph", plan.graphPage))
    for (index, box) in plan.hotPaths.enumerated() {
      entries.append(
        (
          "Hot path \(index + 1): \(box.name)", PagePlan.hotPathAnchor(index),
          plan.hotPathPage(index)
        ))
    }
    composer.heading(
      "Contents", keepWith: ReportStyle.lineHeight * Double(entries.count), anchor: "summary")
    let size = ReportStyle.bodySize
    for (title, anchor, number) in entries {
      composer.ensureRoom(ReportStyle.lineHeight, anchor: "summary")
      let pageText = "\(number)"
      let room = composer.contentWidth - composer.width(pageText, size: size) - 12
      composer.text(
        composer.fit(title, width: room, size: size), x: composer.left,
        y: composer.y + size, size: size, color: ReportStyle.link)
      composer.text(
        pageText, x: composer.right, y: composer.y + size, size: size, color: ReportStyle.link,
        anchor: .end)
      composer.add(
        .link(
          Rect(
            x: composer.left, y: composer.y, width: composer.contentWidth,
            height: ReportStyle.lineHeight),
          destination: anchor))
      composer.y += ReportStyle.lineHeight
    }
  }

  /// The categories' shares as bars in their legend colors.
  private func layoutCategories(_ legend: [LegendEntry], on composer: inout PageComposer) {
    let rowHeight = ReportStyle.rowHeight
    composer.heading("Categories", keepWith: rowHeight * Double(legend.count), anchor: "summary")
    composer.paragraph(
      "\(quantity) of each kind of code itself, as a share of all \(quantity.lowercased()); the graphs "
        + "use these colors.",
      size: ReportStyle.smallSize, color: ReportStyle.muted, anchor: "summary")
    composer.y += 2
    let size = ReportStyle.bodySize
    let nameWidth = legend.map { composer.width($0.name, size: size) }.max() ?? 0
    let nameRoom = min(nameWidth, composer.contentWidth * 0.35)
    let shareRight = composer.left + nameRoom + 8 + 44
    let barX = shareRight + 8
    let barRoom = composer.right - barX
    let largest = legend.map(\.share).max() ?? 0
    for entry in legend.sorted(by: { $0.share > $1.share }) {
      composer.ensureRoom(rowHeight, anchor: "summary")
      let baseline = composer.y + rowHeight / 2 + size * 0.35
      composer.text(
        composer.fit(entry.name, width: nameRoom, size: size), x: composer.left, y: baseline,
        size: size)
      composer.text(
        CountFormatter.percent(entry.share) + "%", x: shareRight, y: baseline, size: size,
        anchor: .end)
      let length = largest > 0 ? barRoom * entry.share / largest : 0
      composer.add(
        .rectangle(
          Rect(x: barX, y: composer.y + 2, width: max(0.5, length), height: rowHeight - 4),
          fill: entry.color))
      composer.y += rowHeight
    }
  }
}
