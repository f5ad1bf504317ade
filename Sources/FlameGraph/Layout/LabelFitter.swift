/// Fits a frame's name into its box: whole when it fits, otherwise (with
/// ``LabelStyle/smart``) the longest rung of its ``LabelLadder`` that fits,
/// otherwise cut with an ellipsis at the start (default, so the end stays)
/// or at the end.
///
/// The rules, which the SVG viewer's script repeats exactly:
///
/// 1. The name, when it fits (whatever its length).
/// 2. Smart labels only: the first rung of the ladder that fits, whole.
/// 3. The last rung (or the name, when there is no rung, and always with
///    ``LabelStyle/full``) cut: an ellipsis and as many characters as fit,
///    if they are at least ``minimumKeptCharacters-swift.property`` (2 for full labels,
///    ``smartMinimumKeptCharacters`` for smart ones); smart labels also need
///    a meaningful character among them (an ASCII letter or any non-ASCII
///    character): `…7)` or `…:12` is not drawn.
///
/// ```swift
/// let fitter = LabelFitter(
///   measurer: MonospaceTextMeasurer(), fontSize: 10, truncation: .keepEnd, style: .smart)
/// let name = "ones (numpy/core/numeric.py:232)"
/// fitter.fit(name, ladder: LabelAbbreviator.ladder(for: name), width: 120)?.text
/// // "ones (numeric.py)"
/// ```
public struct LabelFitter: Sendable {
  /// The ellipsis that marks a cut.
  public static let ellipsis: Character = "\u{2026}"
  /// Space between a label and its box's edges, in points.
  public static let padding: Double = 3
  /// The fewest characters of a name worth showing after a cut, with full labels.
  public static let minimumKeptCharacters = 2
  /// The fewest characters of a name worth showing after a cut, with smart labels.
  public static let smartMinimumKeptCharacters = 3

  let measurer: any TextMeasurer
  let fontSize: Double
  let truncation: LabelTruncation
  let style: LabelStyle

  /// A fitter measuring with `measurer` at `fontSize`; `style` `.full`
  /// (default here) ignores ladders.
  public init(
    measurer: any TextMeasurer, fontSize: Double, truncation: LabelTruncation,
    style: LabelStyle = .full
  ) {
    self.measurer = measurer
    self.fontSize = fontSize
    self.truncation = truncation
    self.style = style
  }

  /// The fewest characters a cut keeps with this fitter's style.
  public var minimumKeptCharacters: Int {
    style == .smart ? Self.smartMinimumKeptCharacters : Self.minimumKeptCharacters
  }

  /// The text to draw in a box of `width` points, and whether it was cut;
  /// nil when not even the ellipsis and a couple of characters fit.
  public func fit(_ name: String, width: Double) -> (text: String, isTruncated: Bool)? {
    fit(name, ladder: .empty, width: width).map { ($0.text, $0.isTruncated) }
  }

  /// Whether the whole of `name` fits a box of `width` points, in which case
  /// ``fit(_:ladder:width:)`` gives it whatever the ladder: its shorter
  /// forms need not be worked out (most frames of a profile are wide
  /// enough, or so narrow that nothing is drawn).
  func fitsWhole(_ name: String, width: Double) -> Bool {
    let available = width - 2 * Self.padding
    guard available > 0 else { return false }
    if let advance = measurer.fixedAdvance(fontSize: fontSize) {
      return name.count <= Self.monospaceRoom(available: available, advance: advance)
    }
    return measurer.width(of: name[...], fontSize: fontSize) <= available
  }

  /// Whether a box of `width` points may show a label at all: with a
  /// monospace font, one character must fit; otherwise any room inside
  /// the padding may do. When it may not, ``fit(_:ladder:width:)`` gives
  /// nil (or, for an empty name, the empty name) whatever the ladder, so
  /// none need be worked out: most drawn frames are that narrow.
  func mayShowLabel(width: Double) -> Bool {
    let available = width - 2 * Self.padding
    guard available > 0 else { return false }
    if let advance = measurer.fixedAdvance(fontSize: fontSize) {
      // No rung is empty, and a cut keeps at least one character.
      return Self.monospaceRoom(available: available, advance: advance) >= 1
    }
    return true
  }

  /// The label of `name`, whose shorter forms are `ladder`, in a box of
  /// `width` points; nil when none is worth drawing.
  public func fit(_ name: String, ladder: LabelLadder, width: Double) -> FittedText? {
    let available = width - 2 * Self.padding
    guard available > 0 else { return nil }
    let rungs = style == .smart ? ladder.rungs : []
    if let advance = measurer.fixedAdvance(fontSize: fontSize) {
      return fitMonospace(name, rungs: rungs, available: available, advance: advance)
    }
    if measurer.width(of: name[...], fontSize: fontSize) <= available {
      return FittedText(text: name, isTruncated: false, isCut: false)
    }
    for rung in rungs where measurer.width(of: rung.text[...], fontSize: fontSize) <= available {
      return FittedText(text: rung.text, isTruncated: true, isCut: false)
    }
    // The longest kept part that fits with the ellipsis, by binary search:
    // widths grow with the number of characters kept.
    let characters = Array(rungs.last?.text ?? name)
    var low = 0
    var high = characters.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if measurer.width(of: cut(characters, keeping: middle)[...], fontSize: fontSize) <= available
      {
        low = middle
      } else {
        high = middle - 1
      }
    }
    return cutLabel(characters, keeping: low)
  }

  /// How many characters of a monospace font fit `available` points.
  private static func monospaceRoom(available: Double, advance: Double) -> Int {
    // A hair of tolerance so that a label exactly as wide as its room fits
    // whatever the rounding of the multiplication.
    let ratio = (available / advance) + 1e-9
    // Past any name's length a room only needs to be large: the clamp keeps
    // absurd widths or font sizes from overflowing Int (NaN gives no room).
    return ratio >= 1e15 ? 1_000_000_000_000_000 : (ratio >= 0 ? Int(ratio) : 0)
  }

  private func fitMonospace(
    _ name: String, rungs: [LabelRung], available: Double, advance: Double
  ) -> FittedText? {
    let room = Self.monospaceRoom(available: available, advance: advance)
    if name.count <= room { return FittedText(text: name, isTruncated: false, isCut: false) }
    for rung in rungs where rung.characterCount <= room {
      return FittedText(text: rung.text, isTruncated: true, isCut: false)
    }
    return cutLabel(Array(rungs.last?.text ?? name), keeping: room - 1)
  }

  /// The cut of `characters` keeping `kept` of them, if worth drawing.
  private func cutLabel(_ characters: [Character], keeping kept: Int) -> FittedText? {
    guard kept >= minimumKeptCharacters, kept < characters.count else { return nil }
    if style == .smart {
      let part = truncation == .keepEnd ? characters.suffix(kept)[...] : characters.prefix(kept)
      guard part.contains(where: Self.isMeaningful) else { return nil }
    }
    return FittedText(text: cut(characters, keeping: kept), isTruncated: true, isCut: true)
  }

  /// Whether a character says something on its own: an ASCII letter or any
  /// non-ASCII character (not a digit, punctuation or space).
  static func isMeaningful(_ character: Character) -> Bool {
    character.unicodeScalars.contains { scalar in
      scalar.value > 127 || ((scalar.value | 32) >= 97 && (scalar.value | 32) <= 122)
    }
  }

  private func cut(_ characters: [Character], keeping kept: Int) -> String {
    switch truncation {
    case .keepEnd: return String(Self.ellipsis) + String(characters.suffix(kept))
    case .keepStart: return String(characters.prefix(kept)) + String(Self.ellipsis)
    }
  }
}
