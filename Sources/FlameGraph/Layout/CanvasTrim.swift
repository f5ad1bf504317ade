/// Cuts the rows below the deepest labelled frame, for ``CanvasFit/auto``.
///
/// Boxes come parents first (depth-first order), so the kept ones stay in
/// that order and their parents are renumbered in one pass.
struct CanvasTrim {
  /// The nodes of the boxes that were cut, ascending (so that a catalog can
  /// list them with its thin frames, parents first).
  private(set) var cutNodes: [NodeID] = []
  /// The deepest row left.
  private(set) var maximumDepth = 0

  /// Removes from `boxes` every box deeper than the deepest one with a
  /// label, and notes in the tooltip of each kept box on the last row how
  /// many frames below it were cut.
  mutating func trim(_ boxes: inout [FrameBox]) {
    var lastRow = 0
    for index in boxes.indices where boxes[index].label != nil {
      lastRow = max(lastRow, boxes[index].depth)
    }
    maximumDepth = lastRow
    guard boxes.contains(where: { $0.depth > lastRow }) else { return }
    var newIndex = [Int](repeating: -1, count: boxes.count)
    // For a cut box, the kept box on the last row it hangs from.
    var keptAncestor = [Int](repeating: -1, count: boxes.count)
    var cutBelow = [Int](repeating: 0, count: boxes.count)
    var kept: [FrameBox] = []
    kept.reserveCapacity(boxes.count)
    for index in boxes.indices {
      let parent = boxes[index].parent
      if boxes[index].depth <= lastRow {
        newIndex[index] = kept.count
        var box = boxes[index]
        box.parent = parent >= 0 ? newIndex[parent] : -1
        kept.append(box)
      } else {
        let ancestor = newIndex[parent] >= 0 ? newIndex[parent] : keptAncestor[parent]
        keptAncestor[index] = ancestor
        cutBelow[ancestor] += 1
        cutNodes.append(boxes[index].node)
      }
    }
    // A box without a tooltip is one its format shows none of.
    for index in kept.indices where cutBelow[index] > 0 && !kept[index].tooltip.isEmpty {
      let count = cutBelow[index]
      kept[index].tooltip += "\n\(count) deeper frame\(count == 1 ? "" : "s") not drawn"
    }
    cutNodes.sort()
    boxes = kept
  }
}
