/// Everything that shapes a report, with documented defaults.
///
/// ```swift
/// var options = ReportOptions()
/// options.title = "Checkout service, peak memory"
/// options.graph.countName = "bytes"
/// options.paper = .letter
/// let report = ReportLayout(options: options).report(for: profile)
/// ```
public struct ReportOptions: Sendable {
  /// The options of the graphs drawn (whole profile and hot paths); by
  /// default an icicle (roots on top, read like a traceback) in 8-point
  /// type on 12-point rows, ending at the deepest labeled frame
  /// (``CanvasFit/auto``: a tower too thin to name does not shrink the
  /// whole graph to fit its page), not interactive. Its
  /// ``Options/countName`` is the unit shown throughout.
  public var graph: Options
  /// The title on the summary page and in the PDF's metadata (default
  /// "Performance report").
  public var title = "Performance report"
  /// A line under the title; nil (default) for none.
  public var subtitle: String?
  /// The paper (default A4).
  public var paper: Paper = .a4
  /// The most hot-path pages (default 5; 0 for none).
  public var hotPathCount = 5
  /// The share of the total a frame's callees need for it to get a
  /// hot-path page (default
  /// 0.05, 5%); see ``HotPathSelector`` for the whole rule.
  public var hotPathMinimumShare = 0.05
  /// Rows of each top-functions table (default 10).
  public var topFunctionCount = 10
  /// Rows of each hot path's table of callees (default 8).
  public var calleeCount = 8
  /// Rows of each table of the differences page (default 10).
  public var differenceCount = 10
  /// The profile's sources as the reader should see them (file names);
  /// empty for standard input.
  public var sources: [String] = []
  /// The command that made the report, shown on the summary page; empty
  /// for none.
  public var commandLine = ""
  /// The date shown on the summary page, as given (the tool passes
  /// `SOURCE_DATE_EPOCH`'s day when set, so that reports are reproducible);
  /// empty for none.
  public var date = ""
  /// The font family list of the report's text (default DejaVu Sans); the
  /// graphs use ``Options/fontFamily``.
  public var fontFamily = "'DejaVu Sans', 'Bitstream Vera Sans', 'Liberation Sans', sans-serif"

  /// The defaults.
  public init() {
    graph = Options()
    graph.direction = .icicle
    graph.fontSize = 8
    graph.frameHeight = 12
    graph.canvasFit = .auto
    graph.interactive = false
  }
}
