import CCairo
import FlameGraph

/// Writes a `Scene` as a one-page PDF through Cairo: vector frames, real
/// text (searchable, extractable by `pdftotext`), the page sized to the
/// graph, and the scene's title as the document title.
///
/// PDF pages are at most 14,400 points a side (``maximumPageSide``): a
/// larger scene is scaled down, the same in both directions, to fit; one so
/// narrow that its shorter side would then be under 3 points (PDF's
/// smallest page) is refused.
///
/// Two renderings of a scene differ only in the creation date, which Cairo
/// sets to the current time unless `SOURCE_DATE_EPOCH` is set (the
/// reproducible-builds convention), in which case they are byte-identical.
public struct PDFRenderer: SceneRenderer {
  /// The largest side of a PDF page, in points: PDF's own limit.
  public static let maximumPageSide: Double = 14_400
  /// The smallest side of a PDF page, in points: PDF's own limit.
  public static let minimumPageSide: Double = 3

  /// A renderer.
  public init() {}

  /// How much a scene is scaled down to fit a page: 1 when it fits.
  public static func pageScale(width: Double, height: Double) -> Double {
    min(1, maximumPageSide / width, maximumPageSide / height)
  }

  /// Draws the scene on a PDF surface streaming into `writer`.
  ///
  /// - Throws: ``CairoError`` when the scene cannot make a page (its shorter
  ///   side would be under ``minimumPageSide`` once scaled to fit), before
  ///   any byte is written.
  public func write(_ scene: Scene, to writer: ByteWriter) throws {
    let fit = Self.pageScale(width: scene.width, height: scene.height)
    let pageWidth = scene.width * fit
    let pageHeight = scene.height * fit
    // Written so that NaN fails too.
    guard pageWidth >= Self.minimumPageSide, pageHeight >= Self.minimumPageSide else {
      let tall = !(scene.width >= scene.height)
      throw CairoError(
        message: "the graph is too \(tall ? "tall" : "wide") for a PDF page "
          + "(\(CountFormatter.count(scene.width)) x \(CountFormatter.count(scene.height)) points; "
          + "pages are at most \(CountFormatter.count(Self.maximumPageSide)) points a side): "
          + (tall ? "lower --height or raise --minwidth" : "lower --width") + ", or write SVG")
    }
    let surface = cairo_pdf_surface_create_for_stream(
      CairoStream.write, CairoStream.closure(for: writer), pageWidth, pageHeight)
    let created = cairo_surface_status(surface)
    guard created == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(surface)
      throw CairoError(created)
    }
    cairo_pdf_surface_set_metadata(
      surface, CAIRO_PDF_METADATA_TITLE, CairoText.drawable(scene.title.text))
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "swift-flamegraph")
    if let date = PDFDate.fromSourceDateEpoch() {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
    let context = cairo_create(surface)
    if fit < 1 { cairo_scale(context, fit, fit) }
    CairoSceneDrawer(scene: scene, font: CairoFont(familyList: scene.font.family)).draw(
      on: context!)
    cairo_show_page(context)
    cairo_destroy(context)
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status) }
  }
}
