import CCairo
import FlameGraph

/// Writes a ``Scene`` as a PNG image through Cairo, with antialiased text.
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

  /// A renderer at `scale` pixels per point (default 1).
  public init(scale: Double = 1) { self.scale = scale }

  /// Draws the scene and writes the PNG bytes.
  public func write(_ scene: Scene, to writer: ByteWriter) throws {
    let pixelWidth = (scene.width * scale).rounded(.up)
    let pixelHeight = (scene.height * scale).rounded(.up)
    guard pixelWidth <= Self.maximumSide, pixelHeight <= Self.maximumSide else {
      throw CairoError(
        message:
          "the PNG would be \(Int(pixelWidth))x\(Int(pixelHeight)) pixels, beyond the \(Int(Self.maximumSide)) "
          + "Cairo allows: lower --scale or --height, or write SVG or PDF")
    }
    let width = Int32(pixelWidth)
    let height = Int32(pixelHeight)
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)
    defer { cairo_surface_destroy(surface) }
    let context = cairo_create(surface)
    defer { cairo_destroy(context) }
    let status = cairo_status(context)
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status) }
    cairo_scale(context, scale, scale)
    CairoSceneDrawer(scene: scene, font: CairoFont(familyList: scene.font.family)).draw(
      on: context!)
    cairo_surface_flush(surface)
    let written = cairo_surface_write_to_png_stream(
      surface, CairoStream.write, CairoStream.closure(for: writer))
    guard written == CAIRO_STATUS_SUCCESS else { throw CairoError(written) }
  }
}
