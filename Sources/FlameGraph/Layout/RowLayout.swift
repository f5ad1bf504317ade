/// The heights and tops of the rows of frames.
///
/// A row is one frame high, or two when one of its frames shows a line of
/// source code under its label; the others keep the base height, so code
/// costs room only where there is code.
struct RowLayout {
  private let heights: [Double]
  /// The height of all rows together.
  let totalHeight: Double

  init(frames: [FrameBox], maximumDepth: Int, frameHeight: Double) {
    var heights = [Double](repeating: frameHeight, count: maximumDepth + 1)
    for frame in frames where frame.code != nil { heights[frame.depth] = 2 * frameHeight }
    self.heights = heights
    totalHeight = heights.reduce(0, +)
  }

  /// The height of the row at `depth`.
  func height(of depth: Int) -> Double { heights[depth] }

  /// The top of the row at `depth`: counted down from `framesTop` for an
  /// icicle, up from `framesBottom` for a flame graph.
  func top(of depth: Int, direction: Direction, framesTop: Double, framesBottom: Double)
    -> Double
  {
    let before = heights[..<depth].reduce(0, +)
    switch direction {
    case .icicle: return framesTop + before
    case .flame: return framesBottom - before - heights[depth]
    }
  }
}
