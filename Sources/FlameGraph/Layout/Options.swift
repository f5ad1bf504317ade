/// Everything that shapes a flame graph, with documented defaults.
///
/// The command-line tool maps its flags onto these fields one to one.
/// Numbers have documented ranges, which ``validate()`` checks.
///
/// ```swift
/// var options = Options()
/// options.direction = .icicle
/// options.colorDiffusion = true
/// options.countName = "bytes"
/// let scene = try FlameGraph.scene(folded: "main;alloc 1024\n", options: options)
/// ```
public struct Options: Sendable {
  // MARK: Input and transforms

  /// `.byName` (default) merges stacks into a flame graph; `.consecutive`
  /// keeps input order, a flame chart.
  public var merging: StackMerging = .byName
  /// Per-stack rewrites: reverse, base functions, cut after a function, and
  /// the filters (hide, focus, ignore, recursion, depth: ``StackFilters``).
  public var transform = StackTransform()
  /// Multiplies every count (default 1). Finite and above 0; counts times
  /// the factor must add up to a finite total.
  public var factor: Double = 1
  /// Makes malformed lines an error instead of a counted warning (default false).
  public var strict = false
  /// The choices of importers: a pprof sample type, a speedscope profile,
  /// perf script's annotations.
  public var importing = ImportOptions()
  /// Which nodes the tree of a profile read with these options keeps
  /// (default ``TreeRetention/all``). A format that only draws sets it to
  /// what its graph can show (``OutputBackend/adjusted(_:)``), which makes
  /// reading a profile of millions of thin paths faster and smaller.
  public var treeRetention = TreeRetention.all

  // MARK: Geometry

  /// Canvas width in points (default 1200), 20 to 100,000.
  public var imageWidth: Double = 1200
  /// Height of one frame row in points (default 16), 1 to 10,000.
  public var frameHeight: Double = 16
  /// Frames narrower than this are not drawn (default 0.1 point): 0 to
  /// ``imageWidth`` points, or 0% to 100%. The root is always drawn.
  public var minimumWidth: MinimumWidth = .points(0.1)
  /// Roots at the bottom (`.flame`, default) or at the top (`.icicle`).
  public var direction: Direction = .flame
  /// The order of each frame's children in a flame graph, in every output:
  /// by name (default) or widest first. Flame charts keep time order.
  public var childSorting: ChildSorting = .name
  /// A fixed scale, as flamegraph.pl's `--total`: the count that spans the
  /// whole drawable width, so that graphs drawn with the same value compare
  /// by width. Nil (default) scales to the root's total; a value below the
  /// root's total is replaced by it. Finite and above 0.
  public var fixedTotal: Double?
  /// How tall the canvas is: every row with a frame (`.full`, default), or
  /// only down to the deepest labelled frame (`.auto`).
  public var canvasFit: CanvasFit = .full

  // MARK: Text

  /// The font family list (default: DejaVu Sans Mono, then other monospace fonts).
  public var fontFamily = Options.defaultFontFamily
  /// Font size in points (default 12), 1 to 1,000.
  public var fontSize: Double = 12
  /// Advance of one character as a fraction of the font size, for fitting
  /// labels (default 0.6, DejaVu Sans Mono's), 0.1 to 10.
  public var fontWidth: Double = 0.6
  /// The title; nil means "Flame Graph", "Icicle Graph" or "Flame Chart".
  public var title: String?
  /// A second line under the title (default none).
  public var subtitle: String?
  /// Text embedded in the output, not drawn (default none).
  public var notes = ""
  /// The unit of counts in tooltips, tables and exports; nil (default)
  /// names the profile's own unit (``Profile/unit``: "samples" for folded
  /// text, "nanoseconds" for a pprof CPU profile ...). See ``countName(for:)``.
  public var countName: String?
  /// The word before a frame's name in the details line (default "Function:").
  public var nameType = "Function:"
  /// Which end of a label that does not fit is kept (default: the end, so
  /// file names and function names stay visible).
  public var labelTruncation: LabelTruncation = .keepEnd
  /// How a label that does not fit is shortened (default `.smart`: the
  /// name's shorter forms, such as `func (file.py)` or `func`, before any
  /// cut; `.full` cuts the whole name).
  public var labelStyle: LabelStyle = .smart

  // MARK: Colors

  /// The palette (default `.hot`).
  public var palette: Palette = .hot
  /// How colors vary within the palette (default `.seeded`, deterministic).
  public var colorKeying: ColorKeying = .seeded
  /// Color by width: wider frames more saturated and red (default false).
  public var colorDiffusion = false
  /// Swap the red and blue of differential colors (default false).
  public var negateDifferential = false
  /// The background; nil picks the palette's.
  public var background: Background?
  /// Colors kept per name across runs; nil (default) for none.
  public var paletteMap: PaletteMap?
  /// An outline drawn around every frame; nil (default) for none.
  public var frameStroke: RGBColor?
  /// The highlight of search matches (default #e600e6).
  public var searchColor = RGBColor(red: 0xe6, green: 0x00, blue: 0xe6)
  /// Attributes of the frames of some functions (links, classes, titles:
  /// inferno's and flamegraph.pl's `--nameattr`); nil (default) for none.
  public var frameAttributes: FrameAttributeMap?

  /// Show the line of source code that `file.py:12` frames point to, when
  /// layout has a ``SourceLineProvider`` to give it (default true).
  public var showSourceCode = true
  /// Color frames by category, each category's hue saturated by width, with
  /// a legend; nil (default) for none.
  public var categories: CategoryRules?

  /// Whether outputs that can be interactive (SVG) are: click to zoom,
  /// search, details on hover (default true).
  public var interactive = true
  /// Boxes narrower than this, in points, get an empty ``FrameBox/tooltip``
  /// unless their attributes give one (default 0: every box has one).
  ///
  /// Formats set it to what they show (``OutputBackend/adjusted(_:)``):
  /// PNG, PDF and scene JSON show no tooltip, so none is made; an
  /// interactive SVG names its thin frames from the data block, so they
  /// get none in the document (``OutputBackend/tooltipMinimumWidth``).
  public var tooltipMinimumWidth = 0.0
  /// The interactive viewer's theme (default ``ViewerTheme/auto``: the
  /// reader's light or dark preference).
  public var viewerTheme = ViewerTheme.auto
  /// The color of the interactive viewer's text outside frames: title,
  /// controls, details (default nil: the theme's).
  public var viewerTextColor: RGBColor?
  /// Whether an interactive graph fills the window's width and is laid out
  /// again when it changes (default true, as the command does when no
  /// `--width` is given; false keeps ``Options/imageWidth`` in the viewer
  /// too). Static outputs always have ``Options/imageWidth``.
  public var fluidWidth = true
  /// The narrowest a fluid graph is drawn, whatever the window's width.
  public static let narrowestFluidWidth: Double = 200

  /// The defaults.
  public init() {}

  /// DejaVu Sans Mono first: it is what the PNG and PDF backends draw with,
  /// and its advance is exactly the default `fontWidth`.
  public static let defaultFontFamily =
    "'DejaVu Sans Mono', 'Bitstream Vera Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace"

  /// The unit's name shown for a profile's counts: ``countName`` when
  /// given, else the name of the profile's unit.
  ///
  /// ```swift
  /// var options = Options()
  /// options.countName(for: profile)  // "nanoseconds" for a pprof CPU profile
  /// options.countName = "ns"
  /// options.countName(for: profile)  // "ns"
  /// ```
  public func countName(for profile: Profile) -> String { countName ?? profile.unit.name }

  /// The title shown: ``title``, or a default that names the chart's kind.
  public var effectiveTitle: String {
    if let title { return title }
    if merging == .consecutive { return "Flame Chart" }
    return direction == .icicle ? "Icicle Graph" : "Flame Graph"
  }
}

/// The narrowest frame drawn.
public enum MinimumWidth: Sendable, Equatable {
  /// In points.
  case points(Double)
  /// As a percentage of the total (`0.5` is half a percent).
  case percent(Double)

  /// Parses `0.5px` (points), or `0.5%` or a bare `0.5` (a percentage of
  /// the total, as inferno reads a bare number; flamegraph.pl reads it as
  /// pixels, so write `px` for that).
  public init?(parsing text: String) {
    let lowered = text.lowercased()
    if lowered.hasSuffix("px") {
      guard let value = Double(lowered.dropLast(2)), value >= 0, value.isFinite else { return nil }
      self = .points(value)
    } else {
      let number = lowered.hasSuffix("%") ? String(lowered.dropLast()) : lowered
      guard let value = Double(number), value >= 0, value.isFinite else { return nil }
      self = .percent(value)
    }
  }
}

/// Which end of a label that does not fit its frame is kept.
public enum LabelTruncation: String, Sendable, Equatable {
  /// Keep the end (file and function), cut the start: `…ils/parse.py:12`.
  case keepEnd
  /// Keep the start, cut the end: `utils/pars…` (flamegraph.pl's way).
  case keepStart
}
