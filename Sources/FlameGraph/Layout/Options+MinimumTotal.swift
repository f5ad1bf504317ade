extension Options {
  /// The smallest total a frame needs to be drawn (``minimumWidth`` in
  /// counts) in a graph of a profile of `total` samples: the exports of
  /// the call tree (tree JSON, speedscope) leave out what the graph does.
  ///
  /// ```swift
  /// var options = Options()
  /// options.minimumWidth = .percent(1)
  /// options.minimumFrameTotal(profileTotal: 500)  // 5
  /// ```
  public func minimumFrameTotal(profileTotal total: Double) -> Double {
    switch minimumWidth {
    case .points(let points): return countScale(profileTotal: total).count(ofWidth: points)
    case .percent(let percent): return total * percent / 100
    }
  }

  /// The scale of a graph: the profile's total, or a larger fixed total,
  /// spans the drawable width.
  func countScale(profileTotal total: Double) -> CountScale {
    let drawableWidth = max(1, imageWidth - 2 * FlameGraphLayout.sidePadding)
    // A fixed total below the root's would draw frames wider than the
    // image: the root's total is used instead.
    return CountScale(total: max(fixedTotal ?? total, total), width: drawableWidth)
  }

  /// The nodes a graph drawn with these options can show: those reaching
  /// the minimum width (as a share of the root, which a larger fixed total
  /// only makes wider), and for an interactive graph twice the widest thin
  /// frames its viewer lists (``FlameGraphLayout/defaultThinFrameLimit``),
  /// so the listing chooses among the same frames as in the whole tree.
  public var drawnNodes: TreeRetention {
    let share: Double
    switch minimumWidth {
    case .points(let points):
      share = points / max(1, imageWidth - 2 * FlameGraphLayout.sidePadding)
    case .percent(let percent): share = percent / 100
    }
    return .wideNodes(
      minimumShare: share, widestBelow: interactive ? 2 * FlameGraphLayout.defaultThinFrameLimit : 0
    )
  }
}
