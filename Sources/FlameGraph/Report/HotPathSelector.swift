/// Chooses the frames of a report that get a page of their own.
///
/// The rule, on the boxes of the whole graph as the report draws it:
///
/// 1. A frame (not the root) is a candidate when its callees hold at
///    least ``ReportOptions/hotPathMinimumShare`` of the total (5%), and its
///    subtree is not fully readable in the whole graph: some frame in it
///    has its label cut, shortened or missing, or has callees too thin to
///    draw.
/// 2. A candidate that is a chain (one child holding 90% or more of it)
///    stands for the deepest candidate of that chain, where calls branch:
///    zooming a frame or its near-whole callee shows the same picture.
/// 3. The widest remaining candidates are taken, up to
///    ``ReportOptions/hotPathCount``, skipping one whose total is within
///    90% of a frame already taken above or below it (the whole graph,
///    the root's, counts as taken), for the same reason, and one that the
///    page of a frame already taken shows readably.
///
/// ```swift
/// let chosen = HotPathSelector(minimumShare: 0.05, count: 5).select(from: overview) { box in
///   FlameGraphLayout(options: options).scene(for: profile, zoomedTo: box.node)
/// }
/// ```
public struct HotPathSelector: Sendable {
  /// The share of the total a frame needs.
  public var minimumShare: Double
  /// The most frames chosen.
  public var count: Int
  /// How close two totals are to count as the same picture.
  public static let sameViewRatio = 0.9

  /// A selector.
  public init(minimumShare: Double, count: Int) {
    self.minimumShare = minimumShare
    self.count = count
  }

  /// The chosen boxes of `overview`, as indices in ``Scene/frames``, widest
  /// first, each with the scene its page shows: `view` lays out a box's
  /// page, and a candidate whose subtree a page already chosen shows
  /// readably is skipped.
  public func select(from overview: Scene, view: (FrameBox) -> Scene) -> [(index: Int, view: Scene)]
  {
    let boxes = overview.frames
    guard count > 0, let root = boxes.first, root.total > 0 else { return [] }
    let readability = Readability(boxes)
    let threshold = root.total * minimumShare
    func isCandidate(_ index: Int) -> Bool {
      // What a zoom shows is the callees: a frame whose time is its own
      // is read from the tables.
      index > 0 && !readability.isReadable[index] && boxes[index].total > 0
        && boxes[index].total - boxes[index].selfCount >= threshold
    }
    var ends = Set<Int>()
    for index in boxes.indices where isCandidate(index) {
      var current = index
      while let next = readability.children[current].first(where: {
        boxes[$0].total >= boxes[current].total * Self.sameViewRatio && isCandidate($0)
      }) {
        current = next
      }
      ends.insert(current)
    }
    let ranked = ends.sorted {
      boxes[$0].total != boxes[$1].total ? boxes[$0].total > boxes[$1].total : $0 < $1
    }
    var chosen: [(index: Int, view: Scene)] = []
    var shownReadably = Set<NodeID>()
    for candidate in ranked where chosen.count < count {
      if shownReadably.contains(boxes[candidate].node) { continue }
      // The whole graph (the root's view) counts as taken.
      let duplicate = ([0] + chosen.map(\.index)).contains { taken in
        let related =
          taken == 0 || isAncestor(taken, of: candidate, boxes)
          || isAncestor(candidate, of: taken, boxes)
        let ratio =
          min(boxes[taken].total, boxes[candidate].total)
          / max(boxes[taken].total, boxes[candidate].total)
        return related && ratio >= Self.sameViewRatio
      }
      if duplicate { continue }
      let page = view(boxes[candidate])
      let shown = Readability(page.frames)
      for index in page.frames.indices where shown.isReadable[index] {
        shownReadably.insert(page.frames[index].node)
      }
      chosen.append((candidate, page))
    }
    return chosen
  }

  /// Which boxes of a scene have their whole subtree readable: every frame
  /// in it labeled whole, and no callee too thin to draw (or cut off).
  struct Readability {
    var children: [[Int]]
    var isReadable: [Bool]

    init(_ boxes: [FrameBox]) {
      children = [[Int]](repeating: [], count: boxes.count)
      var drawnChildrenTotal = [Double](repeating: 0, count: boxes.count)
      for index in boxes.indices where boxes[index].parent >= 0 {
        children[boxes[index].parent].append(index)
        drawnChildrenTotal[boxes[index].parent] += boxes[index].total
      }
      isReadable = boxes.indices.map { index in
        let box = boxes[index]
        let hidden = box.total - box.selfCount - drawnChildrenTotal[index]
        return box.label != nil && !box.label!.isTruncated && hidden <= box.total * 1e-9
      }
      // Parents come before children: one backward pass spreads a child's
      // unreadability to all its ancestors.
      for index in boxes.indices.reversed() where !isReadable[index] && boxes[index].parent >= 0 {
        isReadable[boxes[index].parent] = false
      }
    }
  }

  private func isAncestor(_ ancestor: Int, of index: Int, _ boxes: [FrameBox]) -> Bool {
    var current = boxes[index].parent
    while current >= 0 {
      if current == ancestor { return true }
      current = boxes[current].parent
    }
    return false
  }
}
