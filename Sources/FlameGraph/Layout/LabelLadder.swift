/// The shorter forms of one frame name that a label may show when the whole
/// name does not fit, longest first: `func (dir/sub/file.py:12)` has the
/// rungs `func (file.py:12)`, `func (file.py)` and `func`.
///
/// Every rung is made of pieces of the name (``LabelRung/pieces``), so a
/// viewer can rebuild it from the name and a few offsets.
///
/// ```swift
/// let ladder = LabelAbbreviator.ladder(for: "parse (json/decoder.py:337)")
/// ladder.rungs.map(\.text)  // ["parse (decoder.py:337)", "parse (decoder.py)", "parse"]
/// ```
public struct LabelLadder: Sendable, Equatable {
  /// The shorter forms, longest first; empty when the name has none (its
  /// label is then only ever cut).
  public var rungs: [LabelRung]

  /// A ladder from its rungs.
  public init(rungs: [LabelRung]) { self.rungs = rungs }

  /// A ladder without rungs.
  public static let empty = LabelLadder(rungs: [])
}

/// One shorter form of a name.
public struct LabelRung: Sendable, Equatable {
  /// The text shown.
  public var text: String
  /// The pieces of the name the text is made of, in order, as half-open
  /// ranges of UTF-16 offsets into the name (what JavaScript's `slice` takes).
  public var pieces: [Range<Int>]
  /// The number of characters of ``text``, which monospace fitting uses.
  public var characterCount: Int

  /// A rung made of `pieces` of `units`, the name's UTF-16 code units.
  init(units: [UInt16], pieces: [Range<Int>]) {
    var joined: [UInt16] = []
    for piece in pieces { joined += units[piece] }
    text = UTF16Text.string(joined)
    self.pieces = pieces
    characterCount = UTF16Text.characterCount(joined)
  }

  /// A rung of `text`, made of `pieces` of the name, `characterCount` characters long.
  init(text: String, pieces: [Range<Int>], characterCount: Int) {
    self.text = text
    self.pieces = pieces
    self.characterCount = characterCount
  }
}
