import CCairo
import FlameGraph

/// Draws the pages of a `Document` as PNG images, one per page, on white
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
    let writer = ByteWriter()
    try PNGRenderer.writeImage(width: page.width, height: page.height, scale: scale, to: writer) {
      CairoPageDrawer(page: page, font: font, tagsLinks: false).draw(on: $0)
    }
    try writer.finish()
    return writer.collected
  }
}
