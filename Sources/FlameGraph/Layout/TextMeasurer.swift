/// Says how wide a string is in the scene's font.
///
/// The one backend-dependent input to layout: Cairo measures with the real
/// font; SVG, whose viewer's font is unknown, uses ``MonospaceTextMeasurer``.
public protocol TextMeasurer: Sendable {
  /// The width of `text` at `fontSize`, in points.
  func width(of text: Substring, fontSize: Double) -> Double

  /// The advance of every character when the measurer models a monospace
  /// font, which lets labels be fitted by arithmetic; nil otherwise.
  func fixedAdvance(fontSize: Double) -> Double?
}

extension TextMeasurer {
  /// Not monospace unless said otherwise.
  public func fixedAdvance(fontSize: Double) -> Double? { nil }
}

/// A monospace font model: every character advances `characterWidth` times
/// the font size. The SVG backend and its script use the same model, so a
/// static SVG shows exactly the labels the browser does.
public struct MonospaceTextMeasurer: TextMeasurer {
  /// The advance as a fraction of the font size (0.6 for DejaVu Sans Mono).
  public var characterWidth: Double

  /// A model with the given advance ratio.
  public init(characterWidth: Double = 0.6) { self.characterWidth = characterWidth }

  /// Characters times the advance.
  public func width(of text: Substring, fontSize: Double) -> Double {
    Double(text.count) * characterWidth * fontSize
  }

  /// The advance of one character.
  public func fixedAdvance(fontSize: Double) -> Double? { characterWidth * fontSize }
}
