/// Everything a picture of a profile shows, decided once, in plain values.
///
/// Layout makes a scene; every backend (SVG, and later PNG, PDF, JSON) only
/// writes it out, so all outputs agree on geometry, colors and labels.
/// Coordinates are in points, origin at the top left.
public struct Scene: Sendable {
  /// Canvas width.
  public var width: Double
  /// Canvas height.
  public var height: Double
  /// What is painted behind everything.
  public var background: Background
  /// The font of all text.
  public var font: SceneFont
  /// The title, centered at the top.
  public var title: TextItem
  /// An optional second line under the title.
  public var subtitle: TextItem?
  /// Free text embedded in the output (not drawn).
  public var notes: String
  /// One box per drawn frame, parents before children.
  public var frames: [FrameBox]
  /// The line where interactive outputs show details of the hovered frame.
  public var details: DetailsLine
  /// Color keys; empty when frames are not colored by category.
  public var legend: [LegendEntry]
  /// Whether roots are at the bottom (flame) or the top (icicle).
  public var direction: Direction
  /// The frame-name colors of a consistent palette, updated with the names
  /// this scene colored; nil when no consistent palette was asked for.
  public var paletteMap: PaletteMap?
  /// What the layout's ``SourceLineProvider`` could not give (so far: a
  /// provider shared by several layouts counts for all of them).
  public var sourceDiagnostics = SourceDiagnostics()
  /// The outline of every frame, if any.
  public var frameStroke: RGBColor?
  /// The width of that outline, in points.
  public var frameStrokeWidth: Double = 0.5
  /// Where a gradient background's two colors stop, as fractions of the
  /// height (the colors are flat beyond them).
  public var gradientStops = GradientStops(top: 0.05, bottom: 0.95)
  /// The slant of the source code drawn under labels.
  public var codeSlant: FontSlant = .oblique
  /// How many samples the root holds, and in what unit.
  public var totalSamples: Double
  /// The unit of counts (`samples`, `bytes`...).
  public var countName: String
  /// Whether outputs that can be interactive (SVG) should be.
  public var isInteractive: Bool
}

/// A font: a family (a CSS-style list) and a size in points.
public struct SceneFont: Sendable, Equatable {
  /// A font: a family list, a size in points, and the advance of one
  /// character as a fraction of the size.
  public init(
    family: String, size: Double, characterWidth: Double
  ) {
    self.family = family
    self.size = size
    self.characterWidth = characterWidth
  }

  /// The family list, most preferred first (`"DejaVu Sans Mono", monospace`).
  public var family: String
  /// The size in points.
  public var size: Double
  /// The advance of one character as a fraction of the size, in the
  /// monospace model used to fit labels.
  public var characterWidth: Double
}

/// A line of text at a point.
public struct TextItem: Sendable, Equatable {
  /// A line of text at a point.
  public init(
    text: String, x: Double, y: Double, anchor: TextAnchor, fontSize: Double
  ) {
    self.text = text
    self.x = x
    self.y = y
    self.anchor = anchor
    self.fontSize = fontSize
  }

  /// The text.
  public var text: String
  /// The anchor's x.
  public var x: Double
  /// The baseline's y.
  public var y: Double
  /// Which end or middle of the text sits at `x`.
  public var anchor: TextAnchor
  /// The size in points.
  public var fontSize: Double
}

/// Which part of a text is placed at its x.
public enum TextAnchor: String, Sendable, Equatable {
  /// The text starts at x.
  case start
  /// The text is centered on x.
  case middle
  /// The text ends at x.
  case end
}

/// Where interactive outputs show the hovered frame's details.
public struct DetailsLine: Sendable, Equatable {
  /// A details line at a position, with the word before names.
  public init(
    position: TextItem, nameType: String
  ) {
    self.position = position
    self.nameType = nameType
  }

  /// The position of the (initially empty) line.
  public var position: TextItem
  /// The word before the frame's name (`Function:`).
  public var nameType: String
}

/// A color key: a swatch, then the category's name and share.
public struct LegendEntry: Sendable, Equatable {
  /// A color key.
  public init(
    name: String, color: RGBColor, share: Double, text: String, swatch: Rect, textX: Double,
    textY: Double
  ) {
    self.name = name
    self.color = color
    self.share = share
    self.text = text
    self.swatch = swatch
    self.textX = textX
    self.textY = textY
  }

  /// What the color stands for.
  public var name: String
  /// The color.
  public var color: RGBColor
  /// The share of all samples it covers, 0...1 (self samples, so the
  /// shares of a legend add up to 1).
  public var share: Double
  /// The text drawn: `Standard library 12.34%`.
  public var text: String
  /// The color swatch.
  public var swatch: Rect
  /// The text's start.
  public var textX: Double
  /// The text's baseline.
  public var textY: Double
}

/// A rectangle.
public struct Rect: Sendable, Equatable {
  /// A rectangle.
  public init(
    x: Double, y: Double, width: Double, height: Double
  ) {
    self.x = x
    self.y = y
    self.width = width
    self.height = height
  }

  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width.
  public var width: Double
  /// Height.
  public var height: Double
}

/// Which way stacks grow.
public enum Direction: String, Sendable, Equatable {
  /// Roots at the bottom, stacks grow upward (flamegraph.pl's default).
  case flame
  /// Roots at the top, stacks grow downward, like a Python traceback.
  case icicle
}

/// Where the colors of a vertical gradient stop, as fractions of its height.
public struct GradientStops: Sendable, Equatable {
  /// Where the top color stops (0 is the top edge).
  public var top: Double
  /// Where the bottom color starts (1 is the bottom edge).
  public var bottom: Double

  /// Stops at the given fractions.
  public init(top: Double, bottom: Double) {
    self.top = top
    self.bottom = bottom
  }
}

/// What is painted behind the graph.
public enum Background: Sendable, Equatable {
  /// A vertical gradient from `top` to `bottom`.
  case gradient(top: RGBColor, bottom: RGBColor)
  /// One color.
  case solid(RGBColor)
}
