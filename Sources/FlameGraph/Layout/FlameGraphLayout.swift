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

  /// The options that shape the scene.
  public var options: Options
  /// Measures label widths; the monospace model unless a backend brings its own.
  public var measurer: any TextMeasurer

  /// A layout; by default labels are fitted with the monospace model of
  /// `options.fontWidth`, as the SVG backend draws them.
  public init(options: Options, measurer: (any TextMeasurer)? = nil) {
    self.options = options
    self.measurer = measurer ?? MonospaceTextMeasurer(characterWidth: options.fontWidth)
  }

  /// Space above the frames: the title, and the subtitle if any.
  var topPadding: Double {
    options.fontSize * 3 + (options.subtitle == nil ? 0 : options.fontSize * 1.5)
  }
  /// Space below the frames: the details line.
  var bottomPadding: Double { options.fontSize * 2 + 10 }

  /// The scene of a profile.
  public func scene(for profile: Profile) -> Scene {
    let tree = profile.tree
    let total = profile.totalSamples
    let drawableWidth = max(1, options.imageWidth - 2 * Self.sidePadding)
    let scale = total > 0 ? drawableWidth / total : 0
    let minimumTotal: Double
    switch options.minimumWidth {
    case .points(let points): minimumTotal = scale > 0 ? points / scale : 0
    case .percent(let percent): minimumTotal = total * percent / 100
    }
    var placer = FramePlacer(
      profile: profile, options: options, measurer: measurer, scale: scale,
      minimumTotal: minimumTotal)
    var frames = placer.placeFrames()
    let rows = Double(placer.maximumDepth + 1)
    let height = topPadding + bottomPadding + rows * options.frameHeight
    for index in frames.indices {
      let y = rowTop(depth: frames[index].depth, canvasHeight: height)
      frames[index].y = y
      frames[index].label?.y = labelBaseline(rowTop: y)
    }
    return Scene(
      width: options.imageWidth, height: height,
      background: options.background
        ?? (options.colorDiffusion || tree.isDifferential
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
      legend: [], direction: options.direction, paletteMap: placer.paletteMap,
      frameStroke: options.frameStroke,
      searchColor: options.searchColor, totalSamples: total, countName: options.countName,
      isInteractive: options.interactive,
      geometry: SceneGeometry(
        sidePadding: Self.sidePadding, frameHeight: options.frameHeight,
        labelPadding: LabelFitter.padding,
        minimumKeptCharacters: LabelFitter.minimumKeptCharacters,
        ellipsis: String(LabelFitter.ellipsis), truncation: options.labelTruncation))
  }

  /// The top of a row of frames at `depth`.
  func rowTop(depth: Int, canvasHeight: Double) -> Double {
    switch options.direction {
    case .icicle: return topPadding + Double(depth) * options.frameHeight
    case .flame: return canvasHeight - bottomPadding - Double(depth + 1) * options.frameHeight
    }
  }

  /// The baseline that centers a label vertically in its row.
  func labelBaseline(rowTop: Double) -> Double {
    rowTop + (options.frameHeight - 1) / 2 + options.fontSize * 0.35
  }
}
