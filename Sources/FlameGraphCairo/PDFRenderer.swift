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
///
/// Cairo draws the page, but by default not the frames, which are most of a
/// large graph's page and most of its cost through Cairo (printing seven
/// numbers a frame, compressing them): Cairo draws a marker in their place
/// and the frames' operators are written into the page's content directly
/// (see ``FrameDrawing``), which draws the same picture.
///
/// ```swift
/// try PDFRenderer().write(scene, toFile: "graph.pdf")
/// ```
public struct PDFRenderer: SceneRenderer {
  /// How the frames get onto the page.
  public enum FrameDrawing: Sendable {
    /// Written into the page's content in place of a marker Cairo draws,
    /// falling back to ``cairo`` if Cairo's file is not as expected: the
    /// same picture, the frames' coordinates to 1/1000 of a point.
    case spliced
    /// Each frame drawn through Cairo: slower on large graphs.
    case cairo
  }

  /// How the frames get onto the page.
  public var frameDrawing: FrameDrawing

  /// The largest side of a PDF page, in points: PDF's own limit.
  public static let maximumPageSide: Double = 14_400
  /// The smallest side of a PDF page, in points: PDF's own limit.
  public static let minimumPageSide: Double = 3

  /// A renderer; `frameDrawing` says how the frames get onto the page.
  public init(frameDrawing: FrameDrawing = .spliced) { self.frameDrawing = frameDrawing }

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
    if frameDrawing == .spliced, let spliced = try splicedPage(scene, fit: fit) {
      spliced.withUnsafeBufferPointer { writer.write(bytes: $0) }
      return
    }
    try draw(scene, fit: fit, markers: nil, to: writer)
  }

  /// The PDF with the frames written into Cairo's page in place of the
  /// markers, or nil when Cairo's file is not as ``PDFFrameSplicer`` expects.
  func splicedPage(_ scene: Scene, fit: Double) throws -> [UInt8]? {
    let markers = PDFFrameMarkers(width: scene.width, height: scene.height)
    // Without the frames Cairo's page is small: kept in memory to splice.
    let page = ByteWriter()
    try draw(scene, fit: fit, markers: markers, to: page)
    try page.finish()
    return PDFFrameSplicer(markers: markers).splice(page.collected) { mapping, output in
      PDFFrameContent.write(scene, mapping: mapping, to: &output)
    }
  }

  /// Draws the scene through Cairo into `writer`: the frames, or `markers`
  /// in their place.
  private func draw(
    _ scene: Scene, fit: Double, markers: PDFFrameMarkers?, to writer: ByteWriter
  ) throws {
    let pageWidth = scene.width * fit
    let pageHeight = scene.height * fit
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
    var drawer = CairoSceneDrawer(scene: scene, font: CairoFont(familyList: scene.font.family))
    drawer.frameMarkers = markers
    drawer.draw(on: context!)
    cairo_show_page(context)
    cairo_destroy(context)
    cairo_surface_finish(surface)
    let status = cairo_surface_status(surface)
    cairo_surface_destroy(surface)
    guard status == CAIRO_STATUS_SUCCESS else { throw CairoError(status) }
  }
}
