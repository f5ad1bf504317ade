import FlameGraph

extension SVGRenderer {
  /// Writes what follows the frames in an interactive SVG: the zoomed view,
  /// the focus outline, the data block and the script, at the end of the
  /// document so that everything the script looks up exists when it runs.
  ///
  /// The zoomed view is a canvas over the frames' area, transparent and
  /// ignoring the pointer until a zoom paints it, background included. The
  /// static frames never change: a zoom draws the zoomed subtree on the
  /// canvas, which costs a few milliseconds where rewriting thousands of
  /// SVG elements costs the browser tens.
  func writeViewer(_ scene: Scene, viewer: ViewerData, to writer: ByteWriter) {
    let area = FramesArea(scene.frames)
    writer.write("<foreignObject id=\"fg-view\" x=\"0\" y=\"")
    writer.write(number: area.top)
    writer.write("\" width=\"")
    writer.write(number: scene.width)
    writer.write("\" height=\"")
    writer.write(number: area.height)
    writer.write(
      "\"><canvas xmlns=\"http://www.w3.org/1999/xhtml\" id=\"fg-canvas\"></canvas>"
        + "</foreignObject>\n")
    writer.write(
      "<rect id=\"fg-outline\" class=\"fg-off\" x=\"0\" y=\"0\" width=\"0\" height=\"0\"/>\n")
    writeViewerData(scene, viewer: viewer, area: area, to: writer)
    writer.write("<script type=\"text/ecmascript\"><![CDATA[\n")
    writer.write(bytes: ViewerResources.script)
    writer.write("]]></script>\n")
  }
}

/// Where the rows of frames are: the zoomed view covers them, and the
/// script finds the row under the pointer from them.
struct FramesArea {
  /// The top of each row, by depth.
  var rowTops: [Double] = []
  /// The height of the boxes of each row, by depth.
  var rowHeights: [Double] = []
  /// The top of the highest row.
  var top: Double = 0
  /// The bottom of the lowest box.
  var bottom: Double = 0

  init(_ frames: [FrameBox]) {
    guard let first = frames.first else { return }
    top = first.y
    bottom = first.y + first.height
    // Indices, not `for frame in frames`: copying a box copies its strings.
    for index in frames.indices where frames[index].depth >= rowTops.count {
      // Depths grow one at a time in depth-first order.
      rowTops.append(frames[index].y)
      rowHeights.append(frames[index].height)
      top = min(top, frames[index].y)
      bottom = max(bottom, frames[index].y + frames[index].height)
    }
  }

  /// The height of the area.
  var height: Double { bottom - top }
}
