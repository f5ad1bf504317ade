/// One drawn frame: its rectangle, color, fitted label and tooltip.
public struct FrameBox: Sendable, Equatable {
  /// The call-tree node it draws.
  public var node: NodeID
  /// The index of its parent's box in ``Scene/frames``; -1 for the root.
  public var parent: Int
  /// Its depth: 0 for the root.
  public var depth: Int
  /// Left edge.
  public var x: Double
  /// Top edge.
  public var y: Double
  /// Width: the node's share of the root times the drawable width.
  public var width: Double
  /// Height (the frame height less a one-point gap).
  public var height: Double
  /// Fill color.
  public var fill: RGBColor
  /// The full frame name (annotation suffix stripped).
  public var name: String
  /// The label as it fits the box, or nil when the box is too narrow.
  public var label: FittedLabel?
  /// The hover text: `name (1,234 samples, 5.67%)`, and the source line
  /// on a second line when there is one (or the `title` of its
  /// ``attributes``); empty for a box narrower than
  /// ``Options/tooltipMinimumWidth`` without such a title, whose format
  /// shows no tooltip of it.
  public var tooltip: String
  /// The source line the frame points to, indentation removed; nil when
  /// the frame names no readable line.
  public var sourceLine: String?
  /// The source line as it fits under the label, cut at its end; nil when
  /// there is none or the box is too narrow.
  public var code: FittedLabel?
  /// The index of the frame's category in ``Scene/legend``, when frames are
  /// colored by category.
  public var category: Int?
  /// The samples in the node and its descendants.
  public var total: Double
  /// The samples in the node itself.
  public var selfCount: Double
  /// The first count of a differential profile; nil otherwise.
  public var beforeTotal: Double?
  /// Attributes the user gave this frame's function (a link, a class...);
  /// nil for none (``Options/frameAttributes``).
  public var attributes: FrameAttributes? = nil
}

/// A label fitted into its box.
public struct FittedLabel: Sendable, Equatable {
  /// A label: its text, anchor and baseline, alignment, whether it is less
  /// than the whole name, and its color (black by default).
  public init(
    text: String, x: Double, y: Double, alignment: LabelAlignment = .leading,
    isTruncated: Bool = false, color: RGBColor = .black
  ) {
    self.text = text
    self.x = x
    self.y = y
    self.alignment = alignment
    self.isTruncated = isTruncated
    self.color = color
  }

  /// The text drawn: the name, a shorter form of it (``LabelLadder``), or
  /// the end (or start) of the name or of its shortest form with an ellipsis.
  public var text: String
  /// The anchor's x: the box's left plus padding for leading text, its
  /// right less padding for trailing text.
  public var x: Double
  /// The baseline's y.
  public var y: Double
  /// Which side of the box the text is attached to.
  public var alignment: LabelAlignment
  /// Whether the text is less than the whole name (a shorter form or a cut).
  public var isTruncated: Bool
  /// The text color, chosen for contrast with the fill.
  public var color: RGBColor
}

/// Which side of its box a label is attached to.
public enum LabelAlignment: String, Sendable, Equatable {
  /// Starts at the left edge (labels that fit, or cut at their end).
  case leading
  /// Ends at the right edge (labels cut at their start: the end stays visible).
  case trailing
}
