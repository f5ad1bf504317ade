import CCairo
import FlameGraph

/// Draws the pages of a ``Document`` as PNG images, one per page, on white
/// paper; links and the outline have no place in an image and are left out.
///
/// ```swift
/// let pages = try PNGPageRenderer(scale: 2).render(report.document)  // one PNG per page
/// ```
public struct PNGPageRenderer {
  /// Pixels per point.
  public var scale: Double

  /// A renderer at `scale` pixels per point (default 1).
  public init(scale: Double = 1) { self.scale = scale }

  /// The PNG bytes of every page, in order.
  ///
  /// - Throws: ``CairoError`` when a page would be larger than
  ///   ``PNGRenderer``'s limits, or Cairo fails.
  public func render(_ document: Document) throws -> [[UInt8]] {
    let font = CairoFont(familyList: document.fontFamily)
    return try document.pages.map { page in try render(page, font: font) }
  }

  private func render(_ page: Page, font: CairoFont) throws -> [UInt8] {
    let pixelWidth = (page.width * scale).rounded(.up)
    let pixelHeight = (page.height * scale).rounded(.up)
    guard pixelWidth >= 1, pixelHeight >= 1, pixelWidth <= PNGRenderer.maximumSide,
      pixelHeight <= PNGRenderer.maximumSide,
      pixelWidth * pixelHeight <= PNGRenderer.maximumPixelCount
    else {
      throw CairoError(message: PNGRenderer.sizeMessage(width: pixelWidth, height: pixelHeight))
    }
    let surface = cairo_image_surface_create(
      CAIRO_FORMAT_RGB24, Int32(pixelWidth), Int32(pixelHeight))
    defer { cairo_surface_destroy(surface) }
    let context = cairo_create(surface)
    defer { cairo_destroy(context) }
    let status = cairo_status(context)
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status) }
    cairo_scale(context, scale, scale)
    CairoPageDrawer(page: page, font: font, tagsLinks: false).draw(on: context!)
    cairo_surface_flush(surface)
    let writer = ByteWriter()
    let written = cairo_surface_write_to_png_stream(
      surface, CairoStream.write, CairoStream.closure(for: writer))
    guard written == CAIRO_STATUS_SUCCESS else { throw CairoError(written) }
    try writer.finish()
    return writer.collected
  }
}
