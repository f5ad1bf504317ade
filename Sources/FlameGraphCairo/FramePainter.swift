import CCairo
import FlameGraph

/// Paints frame boxes straight into the pixels of a Cairo `RGB24` image
/// surface, as `cairo_rectangle` then `cairo_fill` would, without a path,
/// a clip or a pattern per frame.
///
/// A large graph has tens of thousands of frames, most narrower than a
/// pixel: through Cairo each costs thousands of instructions; here a frame
/// costs its pixels. The result matches Cairo's antialiased fill within a
/// level or two per channel: coordinates are rounded to Cairo's 1/256 of a
/// pixel, a pixel is covered by the share of its area inside the box
/// (rounded to 8 bits), and the color goes over what is there with the
/// same rounding as pixman's `OVER`, frame after frame in scene order.
///
/// Only for opaque fills without an outline, on a surface whose user space
/// is the device's scaled by `scale` (no rotation, translation or clip).
struct FramePainter {
  /// The surface painted.
  let surface: OpaquePointer
  /// The first byte of the surface's pixels.
  let pixels: UnsafeMutableRawPointer
  /// The surface's width in pixels.
  let columns: Int
  /// The surface's height in pixels.
  let rows: Int
  /// The bytes from one row of pixels to the next.
  let stride: Int
  /// Device pixels per point.
  let scale: Double

  /// A painter for the pixels of `surface`, or nil when it is not an
  /// `RGB24` image surface with pixels.
  init?(surface: OpaquePointer, scale: Double) {
    guard cairo_surface_get_type(surface) == CAIRO_SURFACE_TYPE_IMAGE,
      cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24,
      let data = cairo_image_surface_get_data(surface), scale.isFinite, scale > 0
    else { return nil }
    self.surface = surface
    pixels = UnsafeMutableRawPointer(data)
    columns = Int(cairo_image_surface_get_width(surface))
    rows = Int(cairo_image_surface_get_height(surface))
    stride = Int(cairo_image_surface_get_stride(surface))
    self.scale = scale
  }

  /// Paints the frames in order, over what Cairo drew before; what Cairo
  /// draws next goes over them.
  func paint(_ frames: [FrameBox]) {
    // Cairo finishes its pending drawing first, and learns afterwards that
    // the pixels changed behind its back.
    cairo_surface_flush(surface)
    // Read in place: a copy of each box would retain and release its strings.
    frames.withUnsafeBufferPointer { boxes in
      for index in boxes.indices {
        paint(
          x: boxes[index].x, y: boxes[index].y, width: boxes[index].width,
          height: boxes[index].height, fill: boxes[index].fill)
      }
    }
    cairo_surface_mark_dirty(surface)
  }

  private func paint(x: Double, y: Double, width: Double, height: Double, fill: RGBColor) {
    // In 1/256 of a device pixel, as Cairo's fixed-point paths, clamped to
    // the surface so that what is converted to Int is small; a non-finite
    // or empty box paints nothing.
    guard let left = fixed(x, limit: columns), let top = fixed(y, limit: rows),
      let right = fixed(x + width, limit: columns), let bottom = fixed(y + height, limit: rows),
      right > left, bottom > top
    else { return }
    let color =
      0xFF00_0000 | UInt32(fill.red) << 16 | UInt32(fill.green) << 8
      | UInt32(fill.blue)
    // Whole columns [fullLeft, fullRight) are covered across; the columns
    // at either end only partly (one column when the box is inside it).
    let firstColumn = left >> 8
    let lastColumn = (right - 1) >> 8
    let firstRow = top >> 8
    let lastRow = (bottom - 1) >> 8
    // 0 <= firstColumn <= lastColumn < columns and the same for rows, since
    // 0 <= left < right <= 256 * columns: every pixel written is inside.
    for row in firstRow...lastRow {
      let rowCoverage = Self.overlap(top, bottom, row)
      let line = (pixels + row * stride).assumingMemoryBound(to: UInt32.self)
      if firstColumn == lastColumn {
        blend(color, line + firstColumn, coverage: (right - left) * rowCoverage)
        continue
      }
      blend(
        color, line + firstColumn, coverage: Self.overlap(left, right, firstColumn) * rowCoverage)
      let inner = lastColumn - firstColumn - 1
      if inner > 0 {
        if rowCoverage == 256 {
          (line + firstColumn + 1).update(repeating: color, count: inner)
        } else {
          for column in (firstColumn + 1)..<lastColumn {
            blend(color, line + column, coverage: 256 * rowCoverage)
          }
        }
      }
      blend(color, line + lastColumn, coverage: Self.overlap(left, right, lastColumn) * rowCoverage)
    }
  }

  /// A coordinate in points as 1/256 of a device pixel, within 0...256 * limit.
  private func fixed(_ points: Double, limit: Int) -> Int? {
    let device = points * scale * 256
    guard device.isFinite else { return nil }
    return Int(min(max(device, 0), Double(256 * limit)).rounded(.toNearestOrEven))
  }

  /// How much of pixel `index` (in 1/256) lies between `low` and `high`.
  @inline(__always)
  private static func overlap(_ low: Int, _ high: Int, _ index: Int) -> Int {
    min(high, (index + 1) << 8) - max(low, index << 8)
  }

  /// `color` over the pixel at `pixel`, covering `coverage` / 65536 of it.
  @inline(__always)
  private func blend(_ color: UInt32, _ pixel: UnsafeMutablePointer<UInt32>, coverage: Int) {
    if coverage >= 65536 {
      pixel.pointee = color
      return
    }
    let alpha = UInt32(truncatingIfNeeded: (coverage &* 255 &+ 32768) >> 16)
    if alpha == 0 { return }
    let below = pixel.pointee
    let rest = 255 - alpha
    // Two channels at once, red and blue, then green (and the unused top
    // byte): each sum is at most 255 (x * a / 255 + y * (255 - a) / 255 for
    // x, y <= 255), so no lane carries into the next.
    let redBlue = Self.multiply(color & 0xFF00FF, alpha) &+ Self.multiply(below & 0xFF00FF, rest)
    let green =
      Self.multiply(color >> 8 & 0xFF00FF, alpha) &+ Self.multiply(below >> 8 & 0xFF00FF, rest)
    pixel.pointee = 0xFF00_0000 | redBlue | (green & 0xFF) << 8
  }

  /// Each of the two 8-bit lanes of `lanes` (bits 0-7 and 16-23) times
  /// `factor` / 255, rounded as pixman rounds (`UN8x4_MUL_UN8`); a lane's
  /// product, under 65,536, stays in its 16 bits.
  @inline(__always)
  private static func multiply(_ lanes: UInt32, _ factor: UInt32) -> UInt32 {
    let t = lanes &* factor &+ 0x0080_0080
    return ((t &+ (t >> 8 & 0x00FF_00FF)) >> 8) & 0x00FF_00FF
  }
}
