/// How tall the canvas of a graph is.
///
/// Thin towers (a deep import chain, a recursive parser) can make a graph
/// hundreds of rows tall although only its first rows carry a label: the
/// rest is empty canvas with slivers no reader can name.
public enum CanvasFit: String, Sendable, Equatable, CaseIterable {
  /// Every row that holds a frame at least the minimum width (default, as
  /// flamegraph.pl and inferno draw).
  case full
  /// Rows stop at the deepest frame that shows a label: deeper frames are
  /// not drawn (in an interactive SVG they still count in search totals,
  /// as frames below the minimum width do), and the frames whose
  /// descendants were cut say so in their tooltip.
  case auto
}
