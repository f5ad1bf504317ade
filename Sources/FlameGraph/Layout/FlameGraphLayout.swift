/// Turns a profile into a ``Scene``: geometry, fitted labels, colors, title.
///
/// Every decision a picture needs is made here, once, so all backends agree.
///
/// ```swift
/// let profile = try Profile(folded: "main;parse 3\nmain;render 5\n")
/// let scene = FlameGraphLayout(options: Options()).scene(for: profile)
/// scene.frames.map(\.name)  // ["all", "main", "parse", "render"]
/// ```
public struct FlameGraphLayout: Sendable {
  /// Space left and right of the frames, in points.
  public static let sidePadding: Double = 10
  /// The width of frame outlines (``Options/frameStroke``), in points.
  public static let frameStrokeWidth: Double = 0.5
  /// Where the background gradient's colors stop: flat in the top and
  /// bottom twentieths, as flamegraph.pl draws it.
  public static let gradientStops = GradientStops(top: 0.05, bottom: 0.95)

  /// The options that shape the scene.
  public var options: Options
  /// The most thin frames (narrower than the minimum width) an interactive
  /// scene lists for search totals (default 30,000); beyond it only the
  /// widest are listed, and search shares become bounds.
  public var thinFrameLimit = FlameGraphLayout.defaultThinFrameLimit
  /// Whether ladders are worked out on every core before placing (the
  /// default); tests compare it with working each out when placing asks.
  var worksOutLaddersAhead = true
  /// Scenes of at least this many boxes are finished on every core; tests
  /// compare it with one core.
  var finishesInParallelFrom = BoxFinisher.parallelThreshold
  /// Whether an interactive scene's catalog is built while its boxes are
  /// finished (the default); tests compare it with building it after.
  var buildsCatalogAhead = true
  /// The default of ``thinFrameLimit``.
  public static let defaultThinFrameLimit = 30_000
  /// Measures label widths; the monospace model unless a backend brings its own.
  public var measurer: any TextMeasurer
  /// Gives the source line of frames named `file.py:12`; nil (default) for
  /// none. Layout itself never reads a file.
  public var sourceLines: (any SourceLineProvider)?

  /// A layout; by default labels are fitted with the monospace model of
  /// `options.fontWidth`, as the SVG backend draws them, and frames show no
  /// source code unless `sourceLines` gives it (see ``RootedSourceFiles``).
  ///
  /// ```swift
  /// let sources = RootedSourceFiles(roots: ["src", "."])
  /// let scene = FlameGraphLayout(options: options, sourceLines: sources).scene(for: profile)
  /// ```
  public init(
    options: Options, measurer: (any TextMeasurer)? = nil,
    sourceLines: (any SourceLineProvider)? = nil
  ) {
    self.options = options
    self.measurer = measurer ?? MonospaceTextMeasurer(characterWidth: options.fontWidth)
    self.sourceLines = sourceLines
  }

  /// Space above the frames: the title, and the subtitle if any.
  var topPadding: Double {
    options.fontSize * 3 + (options.subtitle == nil ? 0 : options.fontSize * 1.5)
  }
  /// Space below the frames: the details line.
  var bottomPadding: Double { options.fontSize * 2 + 10 }

  /// The scene of a profile.
  public func scene(for profile: Profile) -> Scene { sceneWithViewer(for: profile).scene }

  /// The scene of a profile and, when ``Options/interactive`` is set, what
  /// an interactive viewer of it needs beyond it.
  ///
  /// ```swift
  /// let (scene, viewer) = FlameGraphLayout(options: options).sceneWithViewer(for: profile)
  /// let svg = try SVGRenderer(viewer: viewer).render(scene)
  /// ```
  public func sceneWithViewer(for profile: Profile) -> (scene: Scene, viewer: ViewerData?) {
    layOut(profile, zoomedTo: profile.tree.root)
  }

  /// The scene of one node's subtree: the node spans the drawable width at
  /// depth 0, as after a click in the interactive viewer, so that frames
  /// too narrow to label in the whole graph get room. Shares and colors
  /// stay those of the whole profile; ``Options/fixedTotal`` applies only
  /// to the root, and a zoomed scene is never interactive.
  ///
  /// ```swift
  /// let tree = profile.tree
  /// let widest = tree.childIndex().children(of: tree.root).max { tree.total(of: $0) < tree.total(of: $1) }!
  /// let zoomed = FlameGraphLayout(options: options).scene(for: profile, zoomedTo: widest)
  /// ```
  public func scene(for profile: Profile, zoomedTo zoomRoot: NodeID) -> Scene {
    layOut(profile, zoomedTo: zoomRoot).scene
  }

  /// The scene of `zoomRoot`'s subtree, and the viewer's data when the
  /// scene is interactive (the whole graph, with ``Options/interactive``).
  private func layOut(_ profile: Profile, zoomedTo zoomRoot: NodeID) -> (
    scene: Scene, viewer: ViewerData?
  ) {
    let tree = profile.tree
    let total = profile.totalSamples
    let isZoomed = zoomRoot != tree.root
    // A zoomed scene's node spans the drawable width; the root follows the
    // options (a fixed total included).
    let scale =
      isZoomed
      ? CountScale(
        total: tree.total(of: zoomRoot), width: max(1, options.imageWidth - 2 * Self.sidePadding))
      : options.countScale(profileTotal: total)
    let scaleTotal = isZoomed ? tree.total(of: zoomRoot) : max(options.fixedTotal ?? total, total)
    var minimumTotal = options.minimumFrameTotal(profileTotal: total)
    if isZoomed, case .points(let points) = options.minimumWidth {
      minimumTotal = scale.count(ofWidth: points)
    }
    var placer = FramePlacer(
      profile: profile, options: options, measurer: measurer, sourceLines: sourceLines,
      scale: scale, minimumTotal: minimumTotal)
    placer.root = zoomRoot
    placer.worksOutLaddersAhead = worksOutLaddersAhead
    placer.finishesInParallelFrom = finishesInParallelFrom
    // The catalog of an interactive scene is built while its boxes are
    // finished, unless the canvas trim may still cut some of them.
    let catalogBuilder = FrameCatalogBuilder(
      profile: profile, minimumTotal: minimumTotal, thinFrameLimit: thinFrameLimit)
    if options.interactive && !isZoomed && options.canvasFit != .auto && buildsCatalogAhead {
      placer.catalogBuilder = catalogBuilder
    }
    var frames = placer.placeFrames()
    var maximumDepth = placer.maximumDepth
    var trim = CanvasTrim()
    if options.canvasFit == .auto {
      trim.trim(&frames)
      maximumDepth = trim.maximumDepth
    }
    let legend = LegendLayout(
      entries: placer.categoryShares(), options: options, top: topPadding - options.fontSize * 0.5,
      measurer: measurer)
    let rows = RowLayout(
      frames: frames, maximumDepth: maximumDepth, frameHeight: options.frameHeight)
    let framesTop = topPadding + legend.height
    let height = framesTop + bottomPadding + rows.totalHeight
    for index in frames.indices {
      let depth = frames[index].depth
      let y = rows.top(
        of: depth, direction: options.direction, framesTop: framesTop,
        framesBottom: height - bottomPadding)
      frames[index].y = y
      frames[index].height = rows.height(of: depth) - 1
      frames[index].label?.y = labelBaseline(rowTop: y)
      frames[index].code?.y = labelBaseline(rowTop: y) + options.frameHeight
    }
    var scene = Scene(
      width: options.imageWidth, height: height,
      background: options.background
        ?? (options.colorDiffusion || options.categories != nil || tree.isDifferential
          ? .greyGradient : options.palette.defaultBackground),
      font: SceneFont(
        family: options.fontFamily, size: options.fontSize, characterWidth: options.fontWidth),
      title: TextItem(
        text: options.effectiveTitle, x: options.imageWidth / 2, y: options.fontSize * 2,
        anchor: .middle, fontSize: options.fontSize + 5),
      subtitle: options.subtitle.map {
        TextItem(
          text: $0, x: options.imageWidth / 2, y: options.fontSize * 3.6, anchor: .middle,
          fontSize: options.fontSize)
      },
      notes: options.notes, frames: frames,
      details: DetailsLine(
        position: TextItem(
          text: "", x: Self.sidePadding, y: height - bottomPadding / 2 + options.fontSize * 0.35,
          anchor: .start, fontSize: options.fontSize),
        nameType: options.nameType),
      legend: legend.entries, direction: options.direction, paletteMap: placer.paletteMap,
      frameStroke: options.frameStroke,
      totalSamples: total, countName: options.countName(for: profile),
      isInteractive: options.interactive && !isZoomed)
    scene.sourceDiagnostics = placer.sourceDiagnostics
    scene.frameStrokeWidth = Self.frameStrokeWidth
    scene.gradientStops = Self.gradientStops
    scene.codeSlant = .oblique
    guard options.interactive && !isZoomed else { return (scene, nil) }
    var laterBuilder = catalogBuilder
    laterBuilder.cutNodes = trim.cutNodes
    let catalog = placer.catalog ?? laterBuilder.catalog(for: frames)
    let geometry = ViewerGeometry(
      sidePadding: Self.sidePadding, frameHeight: options.frameHeight,
      labelPadding: LabelFitter.padding,
      minimumKeptCharacters: placer.fitter.minimumKeptCharacters,
      ellipsis: String(LabelFitter.ellipsis), truncation: options.labelTruncation,
      labelStyle: options.labelStyle, labelBaseline: labelBaseline(rowTop: 0),
      scaleTotal: scaleTotal > total ? scaleTotal : 0)
    let viewer = ViewerData(
      catalog: catalog, geometry: geometry, searchColor: options.searchColor,
      theme: options.viewerTheme, uiColor: options.viewerTextColor,
      isFluid: options.fluidWidth, negatesDifferences: options.negateDifferential)
    return (scene, viewer)
  }

  /// The baseline that centers a label vertically in its row.
  func labelBaseline(rowTop: Double) -> Double {
    rowTop + (options.frameHeight - 1) / 2 + options.fontSize * 0.35
  }
}
