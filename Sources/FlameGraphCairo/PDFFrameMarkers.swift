import CCairo
import FlameGraph

/// The two rectangles Cairo draws in place of a scene's frames, so that
/// ``PDFFrameSplicer`` can find where the frames go in the page's content
/// and how Cairo maps the scene's points onto the page's.
///
/// Each is filled in a color of its own that no scene draws (checked: a
/// color found more than once makes the splicer give up); both start at the
/// scene's origin, one half the scene's width and height and one a quarter,
/// so their numbers in the content tell the scale and the offset of each
/// axis, whichever way Cairo flips it, to within Cairo's 1/256 of a point
/// over the whole page. (A marker covering the whole page would not do:
/// Cairo then drops what was drawn before it, as hidden.)
struct PDFFrameMarkers {
  /// A marker: a rectangle in scene points and its fill.
  struct Marker {
    var width: Double
    var height: Double
    var color: RGBColor
  }

  let first: Marker
  let second: Marker

  /// The markers of a scene `width` by `height` points.
  init(width: Double, height: Double) {
    first = Marker(
      width: width / 2, height: height / 2, color: RGBColor(red: 1, green: 2, blue: 3))
    second = Marker(
      width: width / 4, height: height / 4, color: RGBColor(red: 3, green: 2, blue: 1))
  }

  /// Fills both markers, in order, with the context's current transformation.
  func draw(on context: OpaquePointer) {
    for marker in [first, second] {
      cairo_set_source_rgb(
        context, Double(marker.color.red) / 255, Double(marker.color.green) / 255,
        Double(marker.color.blue) / 255)
      cairo_rectangle(context, 0, 0, marker.width, marker.height)
      cairo_fill(context)
    }
  }
}
