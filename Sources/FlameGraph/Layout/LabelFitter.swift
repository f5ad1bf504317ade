/// Fits a frame's name into its box: whole when it fits, otherwise cut with an
/// ellipsis at the start (default, so the end stays) or at the end.
public struct LabelFitter: Sendable {
  /// The ellipsis that marks a cut.
  public static let ellipsis: Character = "\u{2026}"
  /// Space between a label and its box's edges, in points.
  public static let padding: Double = 3
  /// The fewest characters of a name worth showing after a cut.
  public static let minimumKeptCharacters = 2

  let measurer: any TextMeasurer
  let fontSize: Double
  let truncation: LabelTruncation

  /// A fitter measuring with `measurer` at `fontSize`.
  public init(measurer: any TextMeasurer, fontSize: Double, truncation: LabelTruncation) {
    self.measurer = measurer
    self.fontSize = fontSize
    self.truncation = truncation
  }

  /// The text to draw in a box of `width` points, and whether it was cut;
  /// nil when not even the ellipsis and a couple of characters fit.
  public func fit(_ name: String, width: Double) -> (text: String, isTruncated: Bool)? {
    let available = width - 2 * Self.padding
    guard available > 0 else { return nil }
    if let advance = measurer.fixedAdvance(fontSize: fontSize) {
      return fitMonospace(name, available: available, advance: advance)
    }
    if measurer.width(of: name[...], fontSize: fontSize) <= available { return (name, false) }
    // The longest kept part that fits with the ellipsis, by binary search:
    // widths grow with the number of characters kept.
    let characters = Array(name)
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
    guard low >= Self.minimumKeptCharacters else { return nil }
    return (cut(characters, keeping: low), true)
  }

  private func fitMonospace(_ name: String, available: Double, advance: Double)
    -> (text: String, isTruncated: Bool)?
  {
    // A hair of tolerance so that a label exactly as wide as its room fits
    // whatever the rounding of the multiplication.
    let ratio = (available / advance) + 1e-9
    // Past any name's length a room only needs to be large: the clamp keeps
    // absurd widths or font sizes from overflowing Int (NaN gives no room).
    let room = ratio >= 1e15 ? 1_000_000_000_000_000 : (ratio >= 0 ? Int(ratio) : 0)
    let count = name.count
    if count <= room { return (name, false) }
    let kept = room - 1
    guard kept >= Self.minimumKeptCharacters else { return nil }
    return (cut(Array(name), keeping: kept), true)
  }

  private func cut(_ characters: [Character], keeping kept: Int) -> String {
    switch truncation {
    case .keepEnd: return String(Self.ellipsis) + String(characters.suffix(kept))
    case .keepStart: return String(characters.prefix(kept)) + String(Self.ellipsis)
    }
  }
}
