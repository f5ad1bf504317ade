/// A horizontal band of a laid-out scene, as a report page shows it: the
/// scene's own title and details line left out (the page has its heading),
/// and rows outside the band dropped.
enum SceneBand {
  /// The top of what is worth showing: the legend or the first row.
  static func contentTop(of scene: Scene) -> Double {
    let framesTop = scene.frames.map(\.y).min() ?? 0
    let legendTop = scene.legend.map(\.swatch.y).min() ?? framesTop
    return min(framesTop, legendTop) - 2
  }

  /// The top of the first row (a band from there leaves the legend out).
  static func framesTop(of scene: Scene) -> Double {
    (scene.frames.map(\.y).min() ?? 0) - 2
  }

  /// The bottom of the lowest row.
  static func contentBottom(of scene: Scene) -> Double {
    (scene.frames.map { $0.y + $0.height }.max() ?? 0) + 2
  }

  /// The scene cut to `top..<bottom` and moved up so that `top` is 0:
  /// frames not wholly inside are dropped (their count is returned), the
  /// title and subtitle emptied.
  static func crop(_ scene: Scene, top: Double, bottom: Double) -> (scene: Scene, dropped: Int) {
    var cropped = scene
    cropped.height = bottom - top
    cropped.title.text = ""
    cropped.subtitle = nil
    cropped.details.position.y -= top
    var frames: [FrameBox] = []
    frames.reserveCapacity(scene.frames.count)
    // Parents are kept before children; indices of parents are renumbered.
    var newIndex = [Int](repeating: -1, count: scene.frames.count)
    for (index, frame) in scene.frames.enumerated()
    where frame.y >= top - 0.001 && frame.y + frame.height <= bottom + 0.001 {
      var moved = frame
      moved.y -= top
      moved.label?.y -= top
      moved.code?.y -= top
      moved.parent = frame.parent >= 0 ? newIndex[frame.parent] : -1
      newIndex[index] = frames.count
      frames.append(moved)
    }
    cropped.frames = frames
    cropped.legend = scene.legend.compactMap { entry in
      guard entry.swatch.y >= top, entry.swatch.y + entry.swatch.height <= bottom else {
        return nil
      }
      var moved = entry
      moved.swatch.y -= top
      moved.textY -= top
      return moved
    }
    return (cropped, scene.frames.count - frames.count)
  }
}
