/// Lays a profile out as a multi-page report: a ``Report`` whose
/// ``Report/document`` is pages of text, tables, bars and flame graphs
/// that a document backend draws (`PDFDocumentRenderer`,
/// `PNGPageRenderer`).
///
/// The pages, in order:
///
/// 1. **Summary**: title, sources, unit and total, stacks and functions,
///    date, command line, contents (linked), the categories' shares as
///    bars when the graph is colored by category, and the top functions by
///    self and by total share as tables with inline bars; names that do
///    not fit show a shorter form with the whole name in a footnote, or
///    link to their hot-path page.
/// 2. **Differences**, of a differential profile: the functions whose own
///    samples grew and shrank most, absolute and relative.
/// 3. **Whole profile**: the graph fitted to the page width, on a
///    landscape page unless a portrait one shows it larger; frames that
///    have a hot-path page link to it.
/// 4. **Hot paths** (``HotPathSelector``): each frame zoomed to the page
///    width, its callers as a breadcrumb, and its heaviest callees.
///
/// Every page has the report's title and its number at the bottom; the
/// outline lists the pages. Text is measured with the measurers given
/// (the real fonts with Cairo's `CairoTextMeasurer`), so nothing overflows.
///
/// ```swift
/// let measurer = CairoTextMeasurer(font: CairoFont(familyList: options.fontFamily))
/// let report = ReportLayout(
///   options: options, textMeasurer: measurer,
///   boldMeasurer: CairoTextMeasurer(font: measurer.font, weight: .bold),
///   graphMeasurer: CairoTextMeasurer(font: CairoFont(familyList: options.graph.fontFamily))
/// ).report(for: profile)
/// try PDFDocumentRenderer().render(report.document)
/// ```
public struct ReportLayout: Sendable {
  /// What the report shows.
  public var options: ReportOptions
  /// Measures the report's regular text.
  public var textMeasurer: any TextMeasurer
  /// Measures its bold text (headings, table headers).
  public var boldMeasurer: any TextMeasurer
  /// Measures the graphs' labels, in ``Options/fontFamily``.
  public var graphMeasurer: any TextMeasurer
  /// Gives the graphs' source lines; nil for none.
  public var sourceLines: (any SourceLineProvider)?

  /// A layout; measurers default to the monospace model (as the SVG
  /// backend's), which real fonts other than monospace ones do not follow.
  public init(
    options: ReportOptions, textMeasurer: (any TextMeasurer)? = nil,
    boldMeasurer: (any TextMeasurer)? = nil, graphMeasurer: (any TextMeasurer)? = nil,
    sourceLines: (any SourceLineProvider)? = nil
  ) {
    self.options = options
    let monospace = MonospaceTextMeasurer(characterWidth: options.graph.fontWidth)
    self.textMeasurer = textMeasurer ?? monospace
    self.boldMeasurer = boldMeasurer ?? textMeasurer ?? monospace
    self.graphMeasurer = graphMeasurer ?? monospace
    self.sourceLines = sourceLines
  }

  /// What the profile being laid out counts: ``Profile/unit``, or the
  /// unit ``Options/countName`` names (`--countname bytes` makes the
  /// explanations speak of bytes and totals read as sizes), with the
  /// profile's sampling interval.
  private(set) var profileUnit = CountUnit.samples

  /// The report of a profile, in its unit (``Profile/unit``) unless
  /// ``Options/countName`` names another.
  public func report(for profile: Profile) -> Report {
    var layout = self
    layout.profileUnit =
      options.graph.countName.map {
        CountUnit(declaredName: $0, samplingInterval: profile.unit.samplingInterval)
      } ?? profile.unit
    return layout.makeReport(for: profile)
  }

  private func makeReport(for profile: Profile) -> Report {
    let totals = FunctionTotals(profile: profile)
    let overview = wholeGraph(of: profile)
    var hotPathGraphs: [HotPathGraph] = []
    let chosen = HotPathSelector(
      minimumShare: options.hotPathMinimumShare, count: options.hotPathCount
    ).select(from: overview.laidOut) { box in
      let graph = hotPathGraph(of: profile, box: box)
      hotPathGraphs.append(graph)
      return graph.band
    }
    let differential = profile.isDifferential
    let topBySelf = totals.top(options.topFunctionCount) { $0.selfCount }
    let topByTotal = totals.top(options.topFunctionCount) { $0.total }
    let regressions =
      differential ? totals.top(options.differenceCount) { $0.selfCount - $0.beforeSelfCount } : []
    let improvements =
      differential ? totals.top(options.differenceCount) { $0.beforeSelfCount - $0.selfCount } : []
    // The summary's length decides the numbers of the later pages, which
    // it shows: laid out again in the rare case it was not one page.
    var summaryPages = 1
    var composer = makeComposer()
    var plan = PagePlan(summaryPages: 1, differential: differential, hotPaths: [])
    for _ in 0..<3 {
      plan = PagePlan(
        summaryPages: summaryPages, differential: differential,
        hotPaths: chosen.map { overview.laidOut.frames[$0.index] })
      composer = makeComposer()
      layoutSummary(
        profile: profile, totals: totals, topBySelf: topBySelf, topByTotal: topByTotal,
        legend: overview.laidOut.legend, plan: plan, on: &composer)
      if composer.pages.count == summaryPages { break }
      summaryPages = composer.pages.count
    }
    if differential {
      layoutDifferences(
        profile: profile, regressions: regressions, improvements: improvements, on: &composer)
    }
    layoutWholeGraph(overview, plan: plan, on: &composer)
    var hotPaths: [HotPath] = []
    for (number, box) in plan.hotPaths.enumerated() {
      hotPaths.append(
        HotPath(node: box.node, name: box.name, total: box.total, pageIndex: composer.pages.count))
      layoutHotPath(
        box, number: number + 1, graph: hotPathGraphs[number], overview: overview.laidOut,
        profile: profile, plan: plan, on: &composer)
    }
    var pages = composer.pages
    addFooters(to: &pages)
    let document = Document(
      title: options.title, subject: options.subtitle ?? "", fontFamily: options.fontFamily,
      pages: pages, outline: outline(pages: pages, plan: plan))
    return Report(
      document: document, topBySelf: topBySelf, topByTotal: topByTotal, hotPaths: hotPaths,
      regressions: regressions, improvements: improvements)
  }

  func makeComposer() -> PageComposer {
    PageComposer(paper: options.paper, regular: textMeasurer, bold: boldMeasurer)
  }

  /// The unit's name after counts: ``Options/countName``, else the
  /// profile's unit's.
  var unit: String { options.graph.countName ?? profileUnit.name }

  /// What the counts are, to start a sentence: `Samples`, `Bytes`, `Time`.
  var quantity: String { profileUnit.quantity }

  /// An amount with its unit, and as people read it when the unit says
  /// how: `6 samples`, `60,000,000 nanoseconds (60 ms)`, `7,000 bytes
  /// (6.84 KiB)`, `6 samples (60 ms)` when sampled every 10 ms.
  func amount(_ count: Double) -> String {
    "\(CountFormatter.count(count)) \(unit)\(readableSuffix(count))"
  }

  /// The summary's total: ``amount(_:)``, but samples of known interval
  /// alone, since the profiled time follows on its own line.
  func totalAmount(_ count: Double) -> String {
    profileUnit.kind == .samples ? "\(CountFormatter.count(count)) \(unit)" : amount(count)
  }

  /// ` (60 ms)`: the amount as people read it, after its count; empty
  /// when the unit gives no other reading or it would say the same
  /// (`100 milliseconds` is as short as `100 ms`).
  func readableSuffix(_ count: Double) -> String {
    guard let readable = profileUnit.readable(count),
      profileUnit.kind == .samples || !readable.hasPrefix(CountFormatter.count(count) + " ")
    else { return "" }
    return " (\(readable))"
  }

  /// The sampling fact of the summary, when the interval is known: the
  /// profiled time of samples (count × interval), or how often samples
  /// of time or size were taken.
  func samplingFact(total: Double) -> (label: String, value: String)? {
    guard let interval = profileUnit.samplingInterval else { return nil }
    let every = CountFormatter.duration(seconds: interval)
    guard profileUnit.kind == .samples else { return ("Sampling", "one sample every \(every)") }
    return (
      "Profiled",
      "\(CountFormatter.duration(seconds: total * interval)) (one sample every \(every))"
    )
  }
}

/// Where the pages of a report are, known before the summary is laid out
/// so that it can name them.
struct PagePlan {
  var summaryPages: Int
  var differential: Bool
  /// The frames with a page of their own, in page order.
  var hotPaths: [FrameBox]

  /// Page numbers count from 1.
  var differencesPage: Int { summaryPages + 1 }
  var graphPage: Int { summaryPages + (differential ? 2 : 1) }
  func hotPathPage(_ index: Int) -> Int { graphPage + 1 + index }
  static func hotPathAnchor(_ index: Int) -> String { "hot-path-\(index + 1)" }

  /// The hot path page of a node, if it has one.
  func page(of node: NodeID) -> (anchor: String, number: Int)? {
    hotPaths.firstIndex { $0.node == node }.map { (Self.hotPathAnchor($0), hotPathPage($0)) }
  }

  /// The hot path page of the first hot path of a function, by name.
  func page(ofFunction name: String) -> (anchor: String, number: Int)? {
    hotPaths.firstIndex { $0.name == name }.map { (Self.hotPathAnchor($0), hotPathPage($0)) }
  }
}
