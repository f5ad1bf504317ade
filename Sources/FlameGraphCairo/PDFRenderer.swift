import CCairo
import FlameGraph

/// Writes a ``Scene`` as a one-page PDF through Cairo: vector frames, real
/// text (searchable, extractable by `pdftotext`), the page sized to the
/// graph, and the scene's title as the document title.
///
/// Two renderings of a scene differ only in the creation date, which Cairo
/// sets to the current time unless `SOURCE_DATE_EPOCH` is set (the
/// reproducible-builds convention), in which case they are byte-identical.
public struct PDFRenderer: SceneRenderer {
  /// A renderer.
  public init() {}

  /// Draws the scene on a PDF surface streaming into `writer`.
  public func write(_ scene: Scene, to writer: ByteWriter) throws {
    let surface = cairo_pdf_surface_create_for_stream(
      CairoStream.write, CairoStream.closure(for: writer), scene.width, scene.height)
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
