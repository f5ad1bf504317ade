import FlameGraph

/// Compares two images the way a person would: antialiasing noise at edges
/// passes, a changed color or a moved label does not.
///
/// A pixel differs when one of its channels is more than
/// ``channelTolerance`` apart; the images match when at most
/// ``maximumDifferingShare`` of the pixels (and never more than
/// ``maximumDifferingPixels``) differ. A moved label or a recolored frame
/// changes far more pixels than that.
public struct ImageComparison {
  /// Per-channel tolerance for antialiasing.
  public static let channelTolerance = 40
  /// Share of pixels allowed to differ.
  public static let maximumDifferingShare = 0.0005
  /// Absolute cap on differing pixels.
  public static let maximumDifferingPixels = 60

  /// The number of differing pixels, or nil when the sizes differ.
  public let differingPixels: Int?
  /// An image showing where they differ (red on a faded copy of `expected`).
  public let difference: RasterImage?

  /// Compares `actual` with `expected`.
  public init(expected: RasterImage, actual: RasterImage) {
    guard expected.width == actual.width, expected.height == actual.height else {
      differingPixels = nil
      difference = nil
      return
    }
    var count = 0
    var marked = [UInt32](repeating: 0, count: expected.pixels.count)
    for index in expected.pixels.indices {
      let left = expected.pixels[index]
      let right = actual.pixels[index]
      var largest = 0
      for shift in [16, 8, 0] {
        largest = max(
          largest, abs(Int(left >> UInt32(shift) & 0xff) - Int(right >> UInt32(shift) & 0xff)))
      }
      if largest > Self.channelTolerance {
        count += 1
        marked[index] = 0xff0000
      } else {
        // Faded: halfway to white.
        let faded = (left >> 1 & 0x7f7f7f) + 0x808080
        marked[index] = faded
      }
    }
    differingPixels = count
    difference = RasterImage(width: expected.width, height: expected.height, pixels: marked)
  }

  /// Whether the images match within the tolerances.
  public var matches: Bool {
    guard let differingPixels, let difference else { return false }
    let allowed = min(
      Self.maximumDifferingPixels,
      Int(Double(difference.pixels.count) * Self.maximumDifferingShare))
    return differingPixels <= max(allowed, 20)
  }
}
