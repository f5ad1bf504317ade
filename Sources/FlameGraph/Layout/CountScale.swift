/// Turns counts into widths in points: the total spans the drawable width.
///
/// Usually a width is `count × (width / total)`. When the total is so small
/// (below about 1e-305) that `width / total` overflows, a width is the
/// count's share of the total times the width instead, so tiny profiles lay
/// out like any other rather than with infinite widths. A total that is not
/// a positive finite number makes every width 0.
///
/// ```swift
/// let scale = CountScale(total: 4, width: 100)
/// scale.width(of: 1)        // 25
/// scale.count(ofWidth: 50)  // 2
/// ```
struct CountScale {
  private let total: Double
  private let drawableWidth: Double
  /// Points per count, or nil when the share of the total is used.
  private let pointsPerCount: Double?

  /// A scale on which `total` spans `width` points.
  init(total: Double, width: Double) {
    self.total = total
    drawableWidth = width
    guard total > 0, total.isFinite else {
      pointsPerCount = 0
      return
    }
    let direct = width / total
    pointsPerCount = direct.isFinite ? direct : nil
  }

  /// The width of `count`, in points.
  @inline(__always)
  func width(of count: Double) -> Double {
    if let pointsPerCount { return count * pointsPerCount }
    return count / total * drawableWidth
  }

  /// The count that is `points` wide; 0 when no count has a width.
  func count(ofWidth points: Double) -> Double {
    if let pointsPerCount { return pointsPerCount > 0 ? points / pointsPerCount : 0 }
    return points / drawableWidth * total
  }
}
