/// The whole graph as a report draws it: laid out at the page width, and
/// the band of it worth showing, scaled to fit its page.
/// A hot path's graph as its page shows it.
struct HotPathGraph {
  /// The zoomed scene's rows that fit, without its title.
  var band: Scene
  /// How many frames did not fit the page.
  var droppedFrames: Int
  var landscape: Bool
}

struct PlacedGraph {
  /// The scene as laid out (its boxes are what hot paths are chosen from).
  var laidOut: Scene
  /// The band of it drawn: no title, nothing below the last row.
  var band: Scene
  /// Where the band starts in the laid-out scene.
  var bandTop: Double
  var landscape: Bool
  var scale: Double
}

extension ReportLayout {
  /// Room above a graph on its page: the heading and a line of text.
  static let graphHeadingRoom = 44.0

  /// The graph options for a graph `width` points wide.
  func graphOptions(width: Double) -> Options {
    var graph = options.graph
    graph.imageWidth = width
    graph.interactive = false
    // Report pages show no tooltips.
    graph.tooltipMinimumWidth = .infinity
    return graph
  }

  func contentWidth(landscape: Bool) -> Double {
    options.paper.size(landscape: landscape).width - 2 * ReportStyle.margin
  }

  func contentHeight(landscape: Bool) -> Double {
    options.paper.size(landscape: landscape).height - 2 * ReportStyle.margin
      - ReportStyle.footerRoom
  }

  /// A scene of the profile (or of one node's subtree) `width` points wide.
  func graph(of profile: Profile, zoomedTo node: NodeID? = nil, width: Double) -> Scene {
    let layout = FlameGraphLayout(
      options: graphOptions(width: width), measurer: graphMeasurer, sourceLines: sourceLines)
    return layout.scene(for: profile, zoomedTo: node ?? profile.tree.root)
  }

  /// The whole graph, landscape unless it must shrink there and a
  /// portrait page shows it larger. A graph that must shrink is laid out
  /// wider by as much, so that once scaled it still spans the page's width.
  func wholeGraph(of profile: Profile) -> PlacedGraph {
    // The height hardly depends on the width (only frames too thin to draw
    // change with it): one layout tells both orientations' scales.
    var scene = graph(of: profile, width: contentWidth(landscape: true))
    var band = Self.band(of: scene)
    func fit(landscape: Bool) -> Double {
      min(
        1, (contentHeight(landscape: landscape) - Self.graphHeadingRoom) / max(1, band.scene.height)
      )
    }
    let landscape = fit(landscape: true) >= fit(landscape: false)
    let width = contentWidth(landscape: landscape)
    var scale = fit(landscape: landscape)
    if scale < 1 || !landscape {
      scene = graph(of: profile, width: width / scale)
      band = Self.band(of: scene)
      scale = min(
        (contentHeight(landscape: landscape) - Self.graphHeadingRoom) / max(1, band.scene.height),
        width / scene.width, 1)
    }
    return PlacedGraph(
      laidOut: scene, band: band.scene, bandTop: band.top, landscape: landscape, scale: scale)
  }

  /// The rows of a scene and its legend, without its title.
  static func band(of scene: Scene) -> (scene: Scene, top: Double) {
    let top = SceneBand.contentTop(of: scene)
    return (SceneBand.crop(scene, top: top, bottom: SceneBand.contentBottom(of: scene)).scene, top)
  }

  /// The room above and below a hot path's graph: heading, shares,
  /// breadcrumb (at most four lines) and the table of callees with its
  /// footnotes, measured by laying the table out on a scratch page.
  func hotPathOverhead(callees: ShareTable, landscape: Bool) -> (above: Double, below: Double) {
    let above = Self.graphHeadingRoom + 4 * ReportStyle.smallSize * 1.45 + 8
    var scratch = makeComposer()
    scratch.startPage(anchor: "scratch", landscape: landscape)
    let start = scratch.y
    scratch.heading("Heaviest callees", keepWith: 0, anchor: "scratch")
    scratch.paragraph("Functions", size: ReportStyle.smallSize, anchor: "scratch")
    callees.draw(on: &scratch, anchor: "scratch")
    return (above, scratch.y - start + 8)
  }

  /// The table of a hot path's heaviest callees.
  func calleeTable(of box: FrameBox, profile: Profile, plan: PagePlan?) -> ShareTable {
    let callees = FunctionTotals(profile: profile, under: box.node).top(options.calleeCount) {
      $0.total
    }
    let largest = callees.first?.total ?? 0
    return ShareTable(
      rows: callees.map { callee in
        ShareTable.Row(
          name: callee.name, share: box.total > 0 ? callee.total / box.total : 0,
          bar: largest > 0 ? callee.total / largest : 0, count: callee.total,
          page: plan?.page(ofFunction: callee.name))
      }, barColor: ReportStyle.totalBar, shareTitle: "Of frame", unit: unit)
  }

  /// A hot path's graph as its page shows it: the frame zoomed to a
  /// landscape page's width, or a portrait one's when that shows more of
  /// its depth; rows beyond the page's room are left out.
  func hotPathGraph(of profile: Profile, box: FrameBox) -> HotPathGraph {
    // Without links, more names get footnotes: the room is never too small.
    let table = calleeTable(of: box, profile: profile, plan: nil)
    func placed(landscape: Bool) -> HotPathGraph {
      let overhead = hotPathOverhead(callees: table, landscape: landscape)
      let zoomed = graph(of: profile, zoomedTo: box.node, width: contentWidth(landscape: landscape))
      var room = contentHeight(landscape: landscape) - overhead.above - overhead.below
      // Too little room left by the table: the table goes on a page of its own.
      if room < 120 { room = contentHeight(landscape: landscape) - overhead.above }
      // The legend is on the summary and the whole graph's page.
      let top = SceneBand.framesTop(of: zoomed)
      let bottom = SceneBand.contentBottom(of: zoomed)
      let band =
        options.graph.direction == .icicle
        ? SceneBand.crop(zoomed, top: top, bottom: min(bottom, top + room))
        : SceneBand.crop(zoomed, top: max(top, bottom - room), bottom: bottom)
      return HotPathGraph(band: band.scene, droppedFrames: band.dropped, landscape: landscape)
    }
    let wide = placed(landscape: true)
    guard wide.droppedFrames > 0 else { return wide }
    let tall = placed(landscape: false)
    return tall.droppedFrames < wide.droppedFrames ? tall : wide
  }

  func layoutWholeGraph(_ graph: PlacedGraph, plan: PagePlan, on composer: inout PageComposer) {
    composer.startPage(anchor: "graph", landscape: graph.landscape)
    composer.heading("Whole profile", keepWith: 0, anchor: "graph")
    var note =
      (options.graph.direction == .icicle
        ? "Icicle graph: callers above callees" : "Flame graph: callers below callees")
      + "; a frame's width is its share of all \(amount(graph.laidOut.totalSamples))."
    if !plan.hotPaths.isEmpty {
      note += " Outlined frames have a page of their own (click to go there)."
    }
    if graph.scale < 1 {
      note += " Drawn at \(Int((graph.scale * 100).rounded()))% to fit the page."
    }
    composer.paragraph(
      note, size: ReportStyle.smallSize, color: ReportStyle.muted, maximumLines: 2, anchor: "graph")
    composer.y += 4
    let origin = Point(x: composer.left, y: composer.y)
    composer.add(.scene(graph.band, origin: origin, scale: graph.scale))
    for (index, box) in plan.hotPaths.enumerated() {
      let rect = Rect(
        x: origin.x + box.x * graph.scale, y: origin.y + (box.y - graph.bandTop) * graph.scale,
        width: box.width * graph.scale, height: box.height * graph.scale)
      outline(rect, on: &composer)
      composer.add(.link(rect, destination: PagePlan.hotPathAnchor(index)))
    }
    composer.y += graph.band.height * graph.scale
  }

  private func outline(_ rect: Rect, on composer: inout PageComposer) {
    let corners = [
      Point(x: rect.x, y: rect.y), Point(x: rect.x + rect.width, y: rect.y),
      Point(x: rect.x + rect.width, y: rect.y + rect.height),
      Point(x: rect.x, y: rect.y + rect.height),
    ]
    for index in corners.indices {
      composer.add(
        .line(
          from: corners[index], to: corners[(index + 1) % 4], color: ReportStyle.link, width: 1.2))
    }
  }

  /// A hot path's page: the frame zoomed to the page width under its
  /// callers, then its heaviest callees.
  func layoutHotPath(
    _ box: FrameBox, number: Int, graph: HotPathGraph, overview: Scene, profile: Profile,
    plan: PagePlan, on composer: inout PageComposer
  ) {
    let anchor = PagePlan.hotPathAnchor(number - 1)
    composer.startPage(anchor: anchor, landscape: graph.landscape)
    composer.heading("Hot path \(number): \(box.name)", keepWith: 0, anchor: anchor)
    let total = profile.totalSamples
    let share = total > 0 ? box.total / total : 0
    let selfShare = total > 0 ? box.selfCount / total : 0
    composer.paragraph(
      (readableSuffix(box.total).isEmpty
        ? "\(CountFormatter.percent(share))% of all \(unit) (\(amount(box.total))); "
        : "\(CountFormatter.percent(share))% of the total, \(amount(box.total)); ")
        + "\(CountFormatter.percent(selfShare))% in the function itself.",
      size: ReportStyle.smallSize, color: ReportStyle.muted, maximumLines: 2, anchor: anchor)
    layoutBreadcrumb(of: box, overview: overview, plan: plan, on: &composer)
    composer.y += 4
    composer.add(.scene(graph.band, origin: Point(x: composer.left, y: composer.y), scale: 1))
    composer.y += graph.band.height + 2
    if graph.droppedFrames > 0 {
      composer.paragraph(
        "\(CountFormatter.count(Double(graph.droppedFrames))) deeper frames do not fit this page.",
        size: ReportStyle.smallSize, color: ReportStyle.muted, anchor: anchor)
    }
    composer.heading("Heaviest callees", keepWith: ReportStyle.rowHeight * 3, anchor: anchor)
    composer.paragraph(
      "Functions called from this frame, by the \(quantity.lowercased()) of the stacks through them, as a share of the frame's.",
      size: ReportStyle.smallSize, color: ReportStyle.muted, anchor: anchor)
    composer.y += 2
    calleeTable(of: box, profile: profile, plan: plan).draw(on: &composer, anchor: anchor)
  }

  /// The frame's callers, root first, as a wrapped line of names; the
  /// farthest are left out beyond a few lines, and callers with a page of
  /// their own link to it.
  private func layoutBreadcrumb(
    of box: FrameBox, overview: Scene, plan: PagePlan, on composer: inout PageComposer
  ) {
    var callers: [FrameBox] = []
    var parent = box.parent
    while parent >= 0 {
      callers.insert(overview.frames[parent], at: 0)
      parent = overview.frames[parent].parent
    }
    guard !callers.isEmpty else { return }
    let size = ReportStyle.smallSize
    let lineHeight = size * 1.45
    let separator = " \u{203A} "
    let label = "Called from: "
    let labelWidth = composer.width(label, size: size, weight: .bold)
    let width = composer.contentWidth - labelWidth
    let separatorWidth = composer.width(separator, size: size)
    var tokens = callers.map { caller in
      (text: composer.fit(caller.name, width: min(200, width), size: size), node: caller.node)
    }
    func lines(of tokens: [(text: String, node: NodeID)]) -> [[(
      text: String, node: NodeID, x: Double
    )]] {
      var result: [[(text: String, node: NodeID, x: Double)]] = [[]]
      var x = 0.0
      for token in tokens {
        let tokenWidth = composer.width(token.text, size: size)
        if x > 0 && x + separatorWidth + tokenWidth > width {
          result.append([])
          x = 0
        }
        if x > 0 { x += separatorWidth }
        result[result.count - 1].append((token.text, token.node, x))
        x += tokenWidth
      }
      return result
    }
    let maximumLines = 4
    var laidOut = lines(of: tokens)
    while laidOut.count > maximumLines && tokens.count > 2 {
      // Keep the root, mark the gap, drop the farthest callers after it.
      let elided = tokens[1].node == -1 ? 2 : 1
      tokens.remove(at: elided)
      if tokens[1].node != -1 { tokens.insert(("\u{2026}", -1), at: 1) }
      laidOut = lines(of: tokens)
    }
    composer.ensureRoom(lineHeight * Double(laidOut.count), anchor: "")
    composer.text(
      label, x: composer.left, y: composer.y + size, size: size, weight: .bold,
      color: ReportStyle.muted)
    for (lineIndex, line) in laidOut.enumerated() {
      for (tokenIndex, token) in line.enumerated() {
        let x = composer.left + labelWidth + token.x
        let page = token.node >= 0 ? plan.page(of: token.node) : nil
        let separatorText = tokenIndex > 0 || lineIndex > 0 ? separator : ""
        if tokenIndex > 0 {
          composer.text(
            separator, x: x - separatorWidth, y: composer.y + size, size: size,
            color: ReportStyle.muted)
        } else if !separatorText.isEmpty {
          // A wrapped line starts with its separator in the margin of the label.
          composer.text(
            "\u{203A}", x: x - 2, y: composer.y + size, size: size, color: ReportStyle.muted,
            anchor: .end)
        }
        composer.text(
          token.text, x: x, y: composer.y + size, size: size,
          color: page == nil ? ReportStyle.text : ReportStyle.link)
        if let page {
          composer.add(
            .link(
              Rect(
                x: x, y: composer.y, width: composer.width(token.text, size: size),
                height: lineHeight),
              destination: page.anchor))
        }
      }
      composer.y += lineHeight
    }
  }

  /// Each page's footer: the report's title and the page's number.
  func addFooters(to pages: inout [Page]) {
    let size = ReportStyle.smallSize
    for index in pages.indices {
      let page = pages[index]
      let left = ReportStyle.margin
      let right = page.width - ReportStyle.margin
      let ruleY = page.height - ReportStyle.margin - ReportStyle.footerRoom + 12
      let baseline = ruleY + 12
      let number = "Page \(index + 1) of \(pages.count)"
      let composer = makeComposer()
      let titleRoom = right - left - composer.width(number, size: size) - 20
      pages[index].items += [
        .line(
          from: Point(x: left, y: ruleY), to: Point(x: right, y: ruleY), color: ReportStyle.rule,
          width: 0.5),
        .text(
          TextRun(
            text: composer.fit(options.title, width: titleRoom, size: size), x: left, y: baseline,
            fontSize: size, color: ReportStyle.muted)),
        .text(
          TextRun(
            text: number, x: right, y: baseline, fontSize: size, anchor: .end,
            color: ReportStyle.muted)),
      ]
    }
  }

  /// Bookmarks: the summary, the differences, the whole graph and each hot path.
  func outline(pages: [Page], plan: PagePlan) -> [OutlineEntry] {
    var entries = [OutlineEntry(title: "Summary", destination: "summary")]
    if plan.differential {
      entries.append(OutlineEntry(title: "Differences", destination: "differences"))
    }
    entries.append(OutlineEntry(title: "Whole profile", destination: "graph"))
    if !plan.hotPaths.isEmpty {
      entries.append(
        OutlineEntry(
          title: "Hot paths", destination: PagePlan.hotPathAnchor(0),
          children: plan.hotPaths.enumerated().map { index, box in
            OutlineEntry(
              title: "\(index + 1). \(box.name)", destination: PagePlan.hotPathAnchor(index))
          }))
    }
    return entries
  }
}
