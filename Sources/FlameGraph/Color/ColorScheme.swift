/// What a color scheme may look at to color one frame.
public struct FrameColorInput: Sendable {
  /// The frame name without annotation ("all" for the root).
  public var name: String
  /// The frame's annotation suffix, if any.
  public var annotation: FrameAnnotation?
  /// The frame's share of the root, 0...1.
  public var share: Double
  /// Second count less first count, for differential profiles.
  public var delta: Double
  /// The largest absolute delta among drawn frames (0 when not differential).
  public var maximumDelta: Double
  /// The frame's category, when frames are colored by category.
  public var category: FrameCategory?
}

/// Chooses each frame's fill color.
///
/// Layout asks once per drawn frame, in drawing order (parents first, then
/// children left to right), so a stateful scheme stays deterministic.
public protocol ColorScheme {
  /// The fill of one frame.
  mutating func fill(for frame: FrameColorInput) -> RGBColor
}

/// flamegraph.pl's palettes, keyed by a seeded generator or a name hash.
public struct PaletteColorScheme: ColorScheme {
  /// The palette.
  public var palette: Palette
  /// How each frame's variation within its color family is chosen.
  public var keying: ColorKeying
  private var generator = SeededGenerator(seed: 0x5eed_f1a3)

  /// A scheme for a palette and keying.
  public init(palette: Palette, keying: ColorKeying) {
    self.palette = palette
    self.keying = keying
    if keying == .random {
      var system = SystemRandomNumberGenerator()
      generator = SeededGenerator(seed: system.next())
    }
  }

  /// The palette color for the frame, grey for `-` and `--` separators.
  public mutating func fill(for frame: FrameColorInput) -> RGBColor {
    if frame.name == "--" { return RGBColor(red: 160, green: 160, blue: 160) }
    if frame.name == "-" { return RGBColor(red: 200, green: 200, blue: 200) }
    let family = palette.family(name: frame.name, annotation: frame.annotation)
    switch keying {
    case .seeded, .random:
      return family.color(generator.nextUnit(), generator.nextUnit(), generator.nextUnit())
    case .nameHash:
      let function = NameHash.functionPart(of: frame.name)
      let forward = NameHash.weighted(function.utf8)
      let backward = NameHash.weighted(function.utf8.reversed())
      return family.color(forward, backward, backward)
    case .deterministic:
      let (first, second, third) = NameHash.uniform(frame.name)
      return family.color(first, second, third)
    }
  }
}

/// Color diffusion: the wider a frame, the more saturated and red.
///
/// Intensity grows with the square root of the frame's share, reaching full
/// red at half of the total, so the eye goes to the widest frames while thin
/// ones fade to a pale cream.
public struct DiffusionColorScheme: ColorScheme {
  /// A diffusion scheme.
  public init() {}

  /// How strongly a frame of this share is colored, 0...1.
  public static func intensity(share: Double) -> Double {
    min(1, (max(0, share) * 2).squareRoot())
  }

  /// Pale cream at intensity 0, pure red at 1, through warm oranges.
  public mutating func fill(for frame: FrameColorInput) -> RGBColor {
    let intensity = Self.intensity(share: frame.share)
    return HSL(
      hue: 45 * (1 - intensity), saturation: 0.35 + 0.65 * intensity,
      lightness: 0.92 - 0.42 * intensity
    ).rgb
  }
}

/// Category colors with diffusion: each category keeps its hue, and within
/// it saturation grows with the frame's share exactly as in
/// ``DiffusionColorScheme``, from a pale tint to the full category color.
public struct CategoryColorScheme: ColorScheme {
  /// A category scheme.
  public init() {}

  /// What frames of no category (the root) are drawn as, and the legend
  /// entry of samples without frames.
  public static let idle = FrameCategory(
    name: "Idle (no frames)", color: RGBColor(red: 0xbb, green: 0xbb, blue: 0xbb))

  /// The category's color mixed with white, less white the wider the frame.
  public mutating func fill(for frame: FrameColorInput) -> RGBColor {
    let category = frame.category ?? Self.idle
    let strength = 0.12 + 0.88 * DiffusionColorScheme.intensity(share: frame.share)
    func mix(_ channel: UInt8) -> Double { 255 - (255 - Double(channel)) * strength }
    return RGBColor(
      clampingRed: mix(category.color.red), green: mix(category.color.green),
      blue: mix(category.color.blue))
  }
}

/// Differential colors: red where the second profile has more, blue where it
/// has less, white where nothing changed; saturation shows how much.
public struct DifferentialColorScheme: ColorScheme {
  /// Swap red and blue (`--negate`).
  public var negate: Bool

  /// A differential scheme.
  public init(negate: Bool = false) { self.negate = negate }

  /// The frame's color for its delta relative to the largest delta.
  public mutating func fill(for frame: FrameColorInput) -> RGBColor {
    guard frame.maximumDelta > 0, frame.delta != 0 else { return .white }
    let delta = negate ? -frame.delta : frame.delta
    let pale = 210 * (1 - min(1, abs(delta) / frame.maximumDelta))
    return delta > 0
      ? RGBColor(clampingRed: 255, green: pale, blue: pale)
      : RGBColor(clampingRed: pale, green: pale, blue: 255)
  }
}

/// Hue (degrees), saturation and lightness (0...1).
struct HSL {
  var hue: Double
  var saturation: Double
  var lightness: Double

  var rgb: RGBColor {
    let chroma = (1 - abs(2 * lightness - 1)) * saturation
    let sector = (hue / 60).truncatingRemainder(dividingBy: 6)
    let second = chroma * (1 - abs(sector.truncatingRemainder(dividingBy: 2) - 1))
    let (red, green, blue): (Double, Double, Double)
    switch sector {
    case ..<1: (red, green, blue) = (chroma, second, 0)
    case ..<2: (red, green, blue) = (second, chroma, 0)
    case ..<3: (red, green, blue) = (0, chroma, second)
    case ..<4: (red, green, blue) = (0, second, chroma)
    case ..<5: (red, green, blue) = (second, 0, chroma)
    default: (red, green, blue) = (chroma, 0, second)
    }
    let match = lightness - chroma / 2
    return RGBColor(
      clampingRed: (red + match) * 255, green: (green + match) * 255, blue: (blue + match) * 255)
  }
}
