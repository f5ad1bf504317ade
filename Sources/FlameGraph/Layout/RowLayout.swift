/// The heights and tops of the rows of frames.
///
/// A row is one frame high, or two when one of its frames shows a line of
/// source code under its label; the others keep the base height, so code
/// costs room only where there is code.
///
/// Tops are looked up once per frame, so they are summed once, here: a
/// profile tens of thousands of frames deep must not cost frames × depth.
struct RowLayout {
  private let heights: [Double]
  /// `offsets[d]` is the height of the rows above depth `d` (from the
  /// frames' edge), summed left to right as `heights[..<d].reduce(0, +)`
  /// would, so the result is the same to the last bit.
  private let offsets: [Double]
  /// The height of all rows together.
  let totalHeight: Double

  init(frames: [FrameBox], maximumDepth: Int, frameHeight: Double) {
    var heights = [Double](repeating: frameHeight, count: maximumDepth + 1)
    for frame in frames where frame.code != nil { heights[frame.depth] = 2 * frameHeight }
    self.heights = heights
    var offsets = [Double]()
    offsets.reserveCapacity(heights.count + 1)
    var sum = 0.0
    for height in heights {
      offsets.append(sum)
      sum += height
    }
    offsets.append(sum)
    self.offsets = offsets
    totalHeight = sum
  }

  /// The height of the row at `depth`.
  func height(of depth: Int) -> Double { heights[depth] }

  /// The top of the row at `depth`: counted down from `framesTop` for an
  /// icicle, up from `framesBottom` for a flame graph.
  func top(of depth: Int, direction: Direction, framesTop: Double, framesBottom: Double)
    -> Double
  {
    let before = offsets[depth]
    switch direction {
    case .icicle: return framesTop + before
    case .flame: return framesBottom - before - heights[depth]
    }
  }
}
