/// How a scene's points become a content stream's coordinates: an affine
/// map per axis (Cairo scales and flips but never rotates a page), found
/// from the numbers Cairo printed for the ``PDFFrameMarkers``.
struct PDFPageMapping: Equatable {
  /// One axis: `content = scale * scene + offset`.
  struct Axis: Equatable {
    var scale: Double
    var offset: Double

    /// The axis that takes the scene's `[0, length]` to the printed
    /// interval `[start, start + size]` and `[0, length / 2]` to
    /// `[halfStart, halfStart + halfSize]` (sizes of either sign), or nil
    /// when no affine map does both to within `tolerance`.
    init?(
      length: Double, start: Double, size: Double, halfStart: Double, halfSize: Double,
      tolerance: Double
    ) {
      guard length > 0, length.isFinite else { return nil }
      let low = min(start, start + size)
      let high = max(start, start + size)
      let halfLow = min(halfStart, halfStart + halfSize)
      let halfHigh = max(halfStart, halfStart + halfSize)
      // The scene's 0 is the end both markers share.
      if (low - halfLow).magnitude <= tolerance {
        scale = (high - low) / length
        offset = low
      } else if (high - halfHigh).magnitude <= tolerance {
        scale = -(high - low) / length
        offset = high
      } else {
        return nil
      }
      guard scale != 0, scale.isFinite,
        ((halfHigh - halfLow) - scale.magnitude * length / 2).magnitude <= tolerance
      else { return nil }
    }

    init(scale: Double, offset: Double) {
      self.scale = scale
      self.offset = offset
    }

    /// The scene's `[start, start + size]` (size >= 0) on this axis, as a
    /// start and a non-negative size, each on Cairo's grid of 1/256 of a
    /// unit: Cairo keeps a path's start and its relative steps in that
    /// fixed point, so a frame's numbers come out as Cairo's would (a
    /// rasterizer that snaps thin outlines to pixels then snaps them alike).
    @inline(__always)
    func interval(_ start: Double, _ size: Double) -> (start: Double, size: Double) {
      let size = Self.fixed(size * scale)
      let mapped = Self.fixed(start * scale + offset)
      return size >= 0 ? (mapped, size) : (mapped + size, -size)
    }

    /// `value` rounded to 1/256, as Cairo's `_cairo_fixed_from_double`.
    @inline(__always)
    static func fixed(_ value: Double) -> Double {
      (value * 256).rounded(.toNearestOrEven) / 256
    }
  }

  var x: Axis
  var y: Axis
}
