/// The color palettes of flamegraph.pl, by name.
///
/// Plain palettes (`hot`, `red`, ...) vary one family of colors per frame;
/// language palettes (`java`, `python`, ...) pick a family from the frame's
/// name and annotation, so kernel, library and user code look different.
public enum Palette: String, Sendable, CaseIterable {
  /// Reds, oranges and yellows: the classic CPU flame graph.
  case hot
  /// Greens and blues, for memory profiles.
  case mem
  /// Blues, for I/O profiles.
  case io
  /// Waker stacks (`_[w]`) aqua, the rest blue.
  case wakeup
  /// Chain graphs (flamegraph.pl's `chain`): frames after a `--` separator
  /// are the waker's, aqua; the off-CPU stack before it blue.
  case chain
  /// Java: JIT green, inlined aqua, kernel orange, C++ yellow, native red.
  case java
  /// JavaScript: JIT and script files green, inlined aqua, kernel orange,
  /// C++ yellow, native red.
  case js
  /// Perl: Perl code green, C++ yellow, kernel orange, native red.
  case perl
  /// Python: site-packages aqua, standard library and importlib yellow,
  /// kernel orange, the rest (your code) red.
  case python
  /// Rust: `std`, `core` and `alloc` orange, other Rust paths aqua, kernel
  /// yellow, the rest red.
  case rust
  /// Reds.
  case red
  /// Greens.
  case green
  /// Blues.
  case blue
  /// Aquas.
  case aqua
  /// Yellows.
  case yellow
  /// Purples.
  case purple
  /// Oranges.
  case orange

  /// The family of colors a frame gets in this palette.
  func family(name: String, annotation: FrameAnnotation?) -> ColorFamily {
    switch self {
    case .hot: return .hot
    case .mem: return .mem
    case .io: return .io
    case .red: return .red
    case .green: return .green
    case .blue: return .blue
    case .aqua: return .aqua
    case .yellow: return .yellow
    case .purple: return .purple
    case .orange: return .orange
    case .wakeup, .chain: return annotation == .waker ? .aqua : .blue
    case .java:
      switch annotation {
      case .jit: return .green
      case .inlined: return .aqua
      case .kernel: return .orange
      default: break
      }
      if name.contains("::") { return .yellow }
      if name.contains("/") || (name.contains(".") && !name.hasPrefix("[")) { return .green }
      return .red
    case .js:
      switch annotation {
      case .jit: return name.contains("::") ? .yellow : .green
      case .inlined: return .aqua
      case .kernel: return .orange
      default: break
      }
      if name.contains("::") { return .yellow }
      if name.contains("/") || name.contains(".js") { return .green }
      return .red
    case .perl:
      if annotation == .kernel { return .orange }
      if name.contains("::") { return .yellow }
      if name.contains("Perl") || name.contains(".pl") { return .green }
      return .red
    case .python:
      if annotation == .kernel { return .orange }
      if name.contains("site-packages") || name.contains("dist-packages") { return .aqua }
      if name.contains("<frozen") || name.contains("/lib/python") || name.contains("<built-in") {
        return .yellow
      }
      return .red
    case .rust:
      if annotation == .kernel || name.hasPrefix("[kernel") { return .yellow }
      let stdPrefixes = ["std::", "core::", "alloc::", "<std::", "<core::", "<alloc::"]
      if stdPrefixes.contains(where: { name.hasPrefix($0) }) { return .orange }
      if name.contains("::") { return .aqua }
      return .red
    }
  }

  /// The background that goes with the palette when none is asked for.
  public var defaultBackground: Background {
    switch self {
    case .mem: return .blueGradient
    case .io, .wakeup, .chain, .blue, .aqua: return .blueGradient
    case .green: return .greenGradient
    default: return .yellowGradient
    }
  }
}

/// A family of colors: three variation values in 0...1 give one member.
enum ColorFamily {
  case hot, mem, io, red, green, blue, aqua, yellow, purple, orange

  /// The member for the variation values `(first, second, third)`.
  func color(_ first: Double, _ second: Double, _ third: Double) -> RGBColor {
    switch self {
    case .hot: return RGBColor(clampingRed: 205 + 50 * third, green: 230 * first, blue: 55 * second)
    case .mem: return RGBColor(clampingRed: 0, green: 190 + 50 * second, blue: 210 * first)
    case .io:
      return RGBColor(clampingRed: 80 + 60 * first, green: 80 + 60 * first, blue: 190 + 55 * second)
    case .red:
      return RGBColor(clampingRed: 200 + 55 * first, green: 50 + 80 * first, blue: 50 + 80 * first)
    case .green:
      return RGBColor(clampingRed: 50 + 60 * first, green: 200 + 55 * first, blue: 50 + 60 * first)
    case .blue:
      return RGBColor(clampingRed: 80 + 60 * first, green: 80 + 60 * first, blue: 205 + 50 * first)
    case .aqua:
      return RGBColor(clampingRed: 50 + 60 * first, green: 165 + 55 * first, blue: 165 + 55 * first)
    case .yellow:
      return RGBColor(clampingRed: 175 + 55 * first, green: 175 + 55 * first, blue: 50 + 20 * first)
    case .purple:
      return RGBColor(clampingRed: 190 + 65 * first, green: 80 + 60 * first, blue: 190 + 65 * first)
    case .orange:
      return RGBColor(clampingRed: 190 + 65 * first, green: 90 + 65 * first, blue: 0)
    }
  }
}

extension Background {
  /// Light grey to pale yellow: flamegraph.pl's default.
  public static let yellowGradient = Background.gradient(
    top: RGBColor(red: 0xee, green: 0xee, blue: 0xee),
    bottom: RGBColor(red: 0xee, green: 0xee, blue: 0xb0))
  /// Light grey to pale blue.
  public static let blueGradient = Background.gradient(
    top: RGBColor(red: 0xee, green: 0xee, blue: 0xee),
    bottom: RGBColor(red: 0xe0, green: 0xe0, blue: 0xff))
  /// Light grey to pale green.
  public static let greenGradient = Background.gradient(
    top: RGBColor(red: 0xee, green: 0xee, blue: 0xee),
    bottom: RGBColor(red: 0xe0, green: 0xff, blue: 0xe0))
  /// White to light grey: neutral, so colors that encode a value stand out.
  public static let greyGradient = Background.gradient(
    top: RGBColor(red: 0xf8, green: 0xf8, blue: 0xf8),
    bottom: RGBColor(red: 0xe8, green: 0xe8, blue: 0xe8))

  /// Parses a `--bgcolors` value: `yellow`, `blue`, `green`, `grey`/`gray`,
  /// or one color (`#f0f0f0`, `rgb(...)`).
  public init?(parsing text: String) {
    switch text.lowercased() {
    case "yellow": self = .yellowGradient
    case "blue": self = .blueGradient
    case "green": self = .greenGradient
    case "grey", "gray": self = .greyGradient
    default:
      guard let color = RGBColor(parsing: text) else { return nil }
      self = .solid(color)
    }
  }
}
