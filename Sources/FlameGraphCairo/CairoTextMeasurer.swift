import CCairo
import FlameGraph

/// Measures text with the real font through Cairo, so labels in PNG and PDF
/// fit their frames exactly.
///
/// Strings of printable ASCII (and the ellipsis) are measured by arithmetic
/// when the font gives all of them the same advance, as monospace fonts do;
/// anything else asks Cairo.
public final class CairoTextMeasurer: TextMeasurer, @unchecked Sendable {
  /// The font measured.
  public let font: CairoFont
  private let surface: OpaquePointer
  private let context: OpaquePointer
  private var currentSize = 0.0
  /// The shared advance of ASCII characters at size 1, or nil when they differ.
  private let asciiAdvance: Double?
  private let lock = Lock()

  /// A measurer of the default font family (`Options.defaultFontFamily`,
  /// DejaVu Sans Mono first), the one PNG and PDF draw labels with unless
  /// told otherwise.
  ///
  /// ```swift
  /// let scene = FlameGraphLayout(options: options, measurer: CairoTextMeasurer()).scene(for: profile)
  /// ```
  public convenience init(weight: FontWeight = .normal) {
    self.init(font: CairoFont(familyList: Options.defaultFontFamily), weight: weight)
  }

  /// A measurer for a family list, resolved with ``CairoFont``, in the
  /// regular weight unless told (bold for headings).
  public init(font: CairoFont, weight: FontWeight = .normal) {
    self.font = font
    surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
    context = cairo_create(surface)
    cairo_select_font_face(
      context, font.family, CAIRO_FONT_SLANT_NORMAL,
      weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    CairoText.useExactMetrics(context)
    cairo_set_font_size(context, 100)
    currentSize = 100
    var advances = Set<Double>()
    for scalar in (0x20...0x7E).map({ String(UnicodeScalar(UInt8($0))) }) + ["\u{2026}"] {
      advances.insert(Self.advance(of: scalar, in: context) / 100)
    }
    asciiAdvance = advances.count == 1 ? advances.first : nil
  }

  deinit {
    cairo_destroy(context)
    cairo_surface_destroy(surface)
  }

  /// The width Cairo gives the text at this size.
  public func width(of text: Substring, fontSize: Double) -> Double {
    if let asciiAdvance,
      text.unicodeScalars.allSatisfy({ ($0.value >= 0x20 && $0.value < 0x7F) || $0 == "\u{2026}" })
    {
      return Double(text.unicodeScalars.count) * asciiAdvance * fontSize
    }
    return lock.withLock {
      if currentSize != fontSize {
        cairo_set_font_size(context, fontSize)
        currentSize = fontSize
      }
      return Self.advance(of: CairoText.drawable(String(text)), in: context)
    }
  }

  static func advance(of text: String, in context: OpaquePointer) -> Double {
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, text, &extents)
    return extents.x_advance
  }
}

/// Text as Cairo's C strings can take it, and drawn the same way it is measured.
enum CairoText {
  /// Turns off the rounding of glyph advances to whole pixels, so that text
  /// is as wide at every size, scale and surface (PNG or PDF) as measured.
  static func useExactMetrics(_ context: OpaquePointer) {
    let options = cairo_font_options_create()
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_set_font_options(context, options)
    cairo_font_options_destroy(options)
  }

  /// Control characters (NUL would end the C string) become U+FFFD.
  static func drawable(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) else { return text }
    return String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? "\u{FFFD}" : $0 }))
  }
}
