import CCairo
import FlameGraph

/// Writes a ``Document`` as a PDF through Cairo: one PDF page per page, each
/// of its own size (portrait and landscape pages mixed), real text
/// (searchable, fonts embedded as subsets), internal links, the outline as
/// bookmarks, and the title and subject as metadata.
///
/// As with ``PDFRenderer``, two renderings differ only in the creation
/// date, unless `SOURCE_DATE_EPOCH` is set: then they are byte-identical.
///
/// ```swift
/// let report = ReportLayout(options: ReportOptions(), measurer: measurer).report(for: profile)
/// let bytes = try PDFDocumentRenderer().render(report.document)
/// ```
public struct PDFDocumentRenderer {
  /// A renderer.
  public init() {}

  /// The PDF's bytes, in memory.
  public func render(_ document: Document) throws -> [UInt8] {
    let writer = ByteWriter()
    try write(document, to: writer)
    try writer.finish()
    return writer.collected
  }

  /// Draws every page on a PDF surface streaming into `writer`.
  ///
  /// - Throws: ``CairoError`` when the document has no page, a page is
  ///   outside PDF's sizes, or Cairo fails.
  public func write(_ document: Document, to writer: ByteWriter) throws {
    guard let first = document.pages.first else {
      throw CairoError(message: "a document needs at least one page")
    }
    for page in document.pages {
      // Written so that NaN fails too.
      guard page.width >= PDFRenderer.minimumPageSide, page.height >= PDFRenderer.minimumPageSide,
        page.width <= PDFRenderer.maximumPageSide, page.height <= PDFRenderer.maximumPageSide
      else {
        throw CairoError(
          message: "a page of \(page.width) x \(page.height) points is not a PDF page")
      }
    }
    let surface = cairo_pdf_surface_create_for_stream(
      CairoStream.write, CairoStream.closure(for: writer), first.width, first.height)
    let created = cairo_surface_status(surface)
    guard created == CAIRO_STATUS_SUCCESS else {
      cairo_surface_destroy(surface)
      throw CairoError(created)
    }
    cairo_pdf_surface_set_metadata(
      surface, CAIRO_PDF_METADATA_TITLE, CairoText.drawable(document.title))
    if !document.subject.isEmpty {
      cairo_pdf_surface_set_metadata(
        surface, CAIRO_PDF_METADATA_SUBJECT, CairoText.drawable(document.subject))
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "swift-flamegraph")
    if let date = PDFDate.fromSourceDateEpoch() {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, date)
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, date)
    }
    let context = cairo_create(surface)!
    let font = CairoFont(familyList: document.fontFamily)
    var sceneFonts: [String: CairoFont] = [:]
    for page in document.pages {
      for case .scene(let scene, _, _) in page.items where sceneFonts[scene.font.family] == nil {
        sceneFonts[scene.font.family] = CairoFont(familyList: scene.font.family)
      }
    }
    for page in document.pages {
      cairo_pdf_surface_set_size(surface, page.width, page.height)
      CairoPageDrawer(page: page, font: font, sceneFonts: sceneFonts, tagsLinks: true).draw(
        on: context)
      cairo_show_page(context)
    }
    addOutline(document.outline, parent: Int32(CAIRO_PDF_OUTLINE_ROOT), surface: surface!)
    cairo_destroy(context)
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status) }
  }

  private func addOutline(_ entries: [OutlineEntry], parent: Int32, surface: OpaquePointer) {
    for entry in entries {
      let id = cairo_pdf_surface_add_outline(
        surface, parent, CairoText.drawable(entry.title), "dest='\(entry.destination)'",
        entry.children.isEmpty ? cairo_pdf_outline_flags_t(0) : CAIRO_PDF_OUTLINE_FLAG_OPEN)
      addOutline(entry.children, parent: id, surface: surface)
    }
  }
}
