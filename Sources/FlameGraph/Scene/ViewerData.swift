/// What an interactive viewer needs beyond the ``Scene`` it draws: the frame
/// catalog it searches and re-lays out, the layout constants it redoes a
/// layout with, and the look of its controls.
///
/// Layout makes it beside the scene when ``Options/interactive`` is set; the
/// SVG backend takes it to write the viewer's data block, and other backends
/// never see it.
///
/// ```swift
/// let (scene, viewer) = FlameGraphLayout(options: Options()).sceneWithViewer(for: profile)
/// let svg = try SVGRenderer(viewer: viewer).render(scene)  // interactive
/// ```
public struct ViewerData: Sendable {
  /// Names, thin frames and shorter label forms of the scene's frames.
  public var catalog: FrameCatalog
  /// The layout constants a viewer needs to lay frames out again, after a
  /// zoom or at another width, with exactly the rules of the static layout.
  public var geometry: ViewerGeometry
  /// The highlight color for search matches.
  public var searchColor: RGBColor
  /// The viewer's theme: light, dark, or the reader's preference.
  public var theme: ViewerTheme
  /// The color of the viewer's text outside frames (title, controls,
  /// details line); nil for the theme's.
  public var uiColor: RGBColor?
  /// Whether the graph fills the window's width and is laid out again when
  /// it changes, rather than keeping the scene's width.
  public var isFluid: Bool
  /// Whether the changes of a differential graph are shown with their sign
  /// flipped (``Options/negateDifferential``), as its tooltips show them.
  public var negatesDifferences: Bool

  /// Viewer data from its parts.
  public init(
    catalog: FrameCatalog, geometry: ViewerGeometry, searchColor: RGBColor,
    theme: ViewerTheme = .auto, uiColor: RGBColor? = nil, isFluid: Bool = false,
    negatesDifferences: Bool = false
  ) {
    self.negatesDifferences = negatesDifferences
    self.catalog = catalog
    self.geometry = geometry
    self.searchColor = searchColor
    self.theme = theme
    self.uiColor = uiColor
    self.isFluid = isFluid
  }
}

/// The light or dark look of an interactive viewer. Frame fills are the
/// same in both (their colors mean something); the background, the text
/// around the graph and the controls change.
public enum ViewerTheme: String, Sendable, Equatable, CaseIterable {
  /// Light when the reader's system prefers it (`prefers-color-scheme`),
  /// dark otherwise.
  case auto
  /// Dark text on the scene's background.
  case light
  /// Light text on a dark background.
  case dark
}

/// The constants of a layout, so that an interactive viewer can redo it.
public struct ViewerGeometry: Sendable, Equatable {
  /// Space left and right of the frames.
  public var sidePadding: Double
  /// Height of one row of frames.
  public var frameHeight: Double
  /// Space between a label and its box's edges.
  public var labelPadding: Double
  /// The fewest characters of a name shown after a cut.
  public var minimumKeptCharacters: Int
  /// The cut character.
  public var ellipsis: String
  /// Which end of a label that does not fit is kept.
  public var truncation: LabelTruncation
  /// Whether labels try their name's shorter forms before a cut.
  public var labelStyle: LabelStyle = .full
  /// How far below the top of its row a label's baseline is, so that a
  /// viewer adding a label after a zoom places it like the layout does.
  public var labelBaseline: Double = 0
  /// The count that spans the drawable width when nothing is zoomed: the
  /// root's total, or ``Options/fixedTotal`` when that is larger, so a
  /// viewer laying out the whole graph again keeps the fixed scale. 0 (the
  /// default) means the root's total.
  public var scaleTotal: Double = 0
}
