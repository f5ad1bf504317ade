/// What an interactive viewer needs beyond the drawn boxes: the frame names
/// as a table and the frames too thin to draw, so that
/// search shares and details stay exact although thin frames are not drawn.
///
/// Boxes and thin frames share one numbering, the *catalog index*: box `i` of
/// ``Scene/frames`` is `i`, thin frame `j` of ``thinFrames`` is
/// `frames.count + j`. Parents always come before their children.
///
/// ```swift
/// let (_, viewer) = FlameGraphLayout(options: Options()).sceneWithViewer(for: profile)
/// let catalog = viewer!.catalog  // viewer is nil when options.interactive is false
/// catalog.names[Int(catalog.frameNames[0])]  // "all"
/// ```
public struct FrameCatalog: Sendable, Equatable {
  /// Distinct frame names (as labels show them), drawn and thin.
  public var names: [String]
  /// For each box of ``Scene/frames``, the index of its name in ``names``.
  public var frameNames: [Int32]
  /// The boxes whose label is white (dark fills), in ascending order: a
  /// viewer that adds a label after a zoom colors it like the layout would.
  public var lightLabelFrames: [Int32]
  /// Frames narrower than the minimum width, kept in the catalog (not drawn)
  /// so that search totals count them; parents before children.
  public var thinFrames: [ThinFrame]
  /// Per catalog index, the samples of descendants that are neither drawn
  /// nor kept as thin frames (when there were more thin frames than the
  /// layout's limit); empty when every frame of the profile is listed, which
  /// makes search shares exact.
  public var unlistedSamples: [Double]

  /// A catalog from its parts.
  public init(
    names: [String], frameNames: [Int32], lightLabelFrames: [Int32],
    thinFrames: [ThinFrame], unlistedSamples: [Double]
  ) {
    self.names = names
    self.frameNames = frameNames
    self.lightLabelFrames = lightLabelFrames
    self.thinFrames = thinFrames
    self.unlistedSamples = unlistedSamples
  }

  /// Whether every frame of the profile is drawn or listed, so that a
  /// search total computed from the catalog is exact.
  public var isComplete: Bool { unlistedSamples.isEmpty }
}

/// A frame too thin to draw, kept for search totals.
public struct ThinFrame: Sendable, Equatable {
  /// The catalog index of its parent (a box, or an earlier thin frame).
  public var parent: Int32
  /// The index of its name in ``FrameCatalog/names``.
  public var name: Int32
  /// The samples in the frame and its descendants.
  public var total: Double

  /// A thin frame from its parts.
  public init(parent: Int32, name: Int32, total: Double) {
    self.parent = parent
    self.name = name
    self.total = total
  }
}

extension FrameCatalog {
  /// A catalog of the boxes alone, for a scene laid out without one: no
  /// thin frames, so the samples of undrawn children are unlisted.
  public init(boxes: [FrameBox]) {
    var indexOfName: [String: Int32] = [:]
    var names: [String] = []
    var childrenTotal = [Double](repeating: 0, count: boxes.count)
    var frameNames: [Int32] = []
    var lightLabelFrames: [Int32] = []
    for (index, box) in boxes.enumerated() {
      if let known = indexOfName[box.name] {
        frameNames.append(known)
      } else {
        indexOfName[box.name] = Int32(names.count)
        frameNames.append(Int32(names.count))
        names.append(box.name)
      }
      if box.fill.labelColor == .white { lightLabelFrames.append(Int32(index)) }
      if box.parent >= 0 { childrenTotal[box.parent] += box.total }
    }
    // What a box holds beyond itself and its drawn children; rounding
    // leftovers are not samples.
    var unlisted = boxes.indices.map { index in
      let rest = boxes[index].total - boxes[index].selfCount - childrenTotal[index]
      return rest > boxes[index].total * 1e-9 ? rest : 0
    }
    if !unlisted.contains(where: { $0 > 0 }) { unlisted = [] }
    self.init(
      names: names, frameNames: frameNames, lightLabelFrames: lightLabelFrames, thinFrames: [],
      unlistedSamples: unlisted)
  }
}
