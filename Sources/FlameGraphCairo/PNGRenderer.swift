import CCairo
import FlameGraph

/// Writes a `Scene` as a PNG image through Cairo, with antialiased text.
///
/// ```swift
/// let measurer = CairoTextMeasurer(font: CairoFont(familyList: options.fontFamily))
/// let scene = FlameGraphLayout(options: options, measurer: measurer).scene(for: profile)
/// try PNGRenderer(scale: 2).write(scene, toFile: "graph.png")
/// ```
public struct PNGRenderer: SceneRenderer {
  /// Pixels per point: 2 for HiDPI documents.
  public var scale: Double

  /// The largest side of an image surface Cairo accepts, in pixels.
  public static let maximumSide: Double = 32767
  /// The largest image, in pixels: 100 megapixels (400 MB of pixels in
  /// memory), checked before anything is allocated.
  public static let maximumPixelCount: Double = 100_000_000

  /// Whether frames are painted into the pixels by ``FramePainter``
  /// (false: drawn through Cairo, the slower reference it is tested against).
  var paintsFramesDirectly = true

  /// A renderer at `scale` pixels per point (default 1).
  public init(scale: Double = 1) { self.scale = scale }

  /// Draws the scene and writes the PNG bytes.
  ///
  /// - Throws: ``CairoError`` when the image would be wider or taller than
  ///   ``maximumSide`` or larger than ``maximumPixelCount``, before any
  ///   byte is written.
  public func write(_ scene: Scene, to writer: ByteWriter) throws {
    let font = CairoFont(familyList: scene.font.family)
    try Self.writeImage(width: scene.width, height: scene.height, scale: scale, to: writer) {
      var drawer = CairoSceneDrawer(scene: scene, font: font)
      if paintsFramesDirectly {
        drawer.framePainter = FramePainter(surface: cairo_get_target($0), scale: scale)
      }
      drawer.draw(on: $0)
    }
  }

  /// Draws `width` by `height` points at `scale` pixels per point with
  /// `draw` (given a context scaled to points) and writes the PNG bytes: the
  /// one place that checks an image's size against the limits before
  /// anything is allocated.
  static func writeImage(
    width: Double, height: Double, scale: Double, to writer: ByteWriter,
    draw: (OpaquePointer) -> Void
  ) throws {
    let pixelWidth = (width * scale).rounded(.up)
    let pixelHeight = (height * scale).rounded(.up)
    // Written so that NaN fails too.
    guard pixelWidth >= 1, pixelHeight >= 1, pixelWidth <= maximumSide,
      pixelHeight <= maximumSide, pixelWidth * pixelHeight <= maximumPixelCount
    else {
      throw CairoError(message: sizeMessage(width: pixelWidth, height: pixelHeight))
    }
    let surface = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
    defer { cairo_surface_destroy(surface) }
    let context = cairo_create(surface)
    defer { cairo_destroy(context) }
    let status = cairo_status(context)
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status) }
    cairo_scale(context, scale, scale)
    draw(context!)
    cairo_surface_flush(surface)
    let drawn = cairo_surface_status(surface)
    guard drawn == CAIRO_STATUS_SUCCESS else { throw CairoError(drawn) }
    try PNGEncoder.write(surface!, to: writer)
  }

  /// Why an image of this many pixels is not drawn, and what to do.
  static func sizeMessage(width: Double, height: Double) -> String {
    guard width.isFinite, height.isFinite else {
      return "the PNG would have too many pixels to draw: lower --height, --fontsize or --scale, "
        + "or write SVG or PDF"
    }
    let megapixels = CountFormatter.count((width * height / 1_000_000).rounded(.up))
    return "the PNG would be \(CountFormatter.count(width)) x \(CountFormatter.count(height)) "
      + "pixels (\(megapixels) megapixels), beyond the limits of "
      + "\(CountFormatter.count(maximumSide)) pixels a side and "
      + "\(CountFormatter.count(maximumPixelCount / 1_000_000)) megapixels: "
      + "lower --width, --height or --scale, raise --minwidth, or write SVG or PDF"
  }
}
