import CCairo
import FlameGraph

/// Draws one ``Page`` of a ``Document`` onto a Cairo context: text runs in
/// the document's font with their weight and slant, rectangles, lines,
/// placed scenes, and (on PDF surfaces) link areas and the page's
/// destination. The paper is white.
struct CairoPageDrawer {
  let page: Page
  let font: CairoFont
  /// Fonts of the scenes placed on pages, resolved once per family list.
  var sceneFonts: [String: CairoFont] = [:]
  /// Whether to tag links and destinations (PDF only; image surfaces ignore tags).
  let tagsLinks: Bool

  func draw(on context: OpaquePointer) {
    cairo_set_source_rgb(context, 1, 1, 1)
    cairo_rectangle(context, 0, 0, page.width, page.height)
    cairo_fill(context)
    CairoText.useExactMetrics(context)
    if tagsLinks {
      // The top of the page is where a link to it lands.
      cairo_tag_begin(context, CAIRO_TAG_DEST, "name='\(page.anchor)' x=0 y=0")
      cairo_tag_end(context, CAIRO_TAG_DEST)
    }
    for item in page.items { draw(item, context) }
  }

  private func draw(_ item: PageItem, _ context: OpaquePointer) {
    switch item {
    case .text(let run): drawText(run, context)
    case .rectangle(let rect, let fill):
      setColor(fill, context)
      cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
      cairo_fill(context)
    case .line(let from, let to, let color, let width):
      setColor(color, context)
      cairo_set_line_width(context, width)
      cairo_move_to(context, from.x, from.y)
      cairo_line_to(context, to.x, to.y)
      cairo_stroke(context)
    case .link(let rect, let destination):
      guard tagsLinks else { return }
      let attributes =
        "rect=[\(rect.x) \(rect.y) \(rect.width) \(rect.height)] dest='\(destination)'"
      cairo_tag_begin(context, CAIRO_TAG_LINK, attributes)
      cairo_tag_end(context, CAIRO_TAG_LINK)
    case .scene(let scene, let origin, let scale):
      cairo_save(context)
      cairo_translate(context, origin.x, origin.y)
      cairo_scale(context, scale, scale)
      cairo_rectangle(context, 0, 0, scene.width, scene.height)
      cairo_clip(context)
      let sceneFont = sceneFonts[scene.font.family] ?? CairoFont(familyList: scene.font.family)
      CairoSceneDrawer(scene: scene, font: sceneFont).draw(on: context)
      cairo_restore(context)
    }
  }

  private func drawText(_ run: TextRun, _ context: OpaquePointer) {
    cairo_select_font_face(
      context, font.family,
      run.slant == .oblique ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
      run.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, run.fontSize)
    let text = CairoText.drawable(run.text)
    var x = run.x
    if run.anchor != .start {
      var extents = cairo_text_extents_t()
      cairo_text_extents(context, text, &extents)
      x -= run.anchor == .middle ? extents.x_advance / 2 : extents.x_advance
    }
    setColor(run.color, context)
    cairo_move_to(context, x, run.y)
    cairo_show_text(context, text)
  }

  private func setColor(_ color: RGBColor, _ context: OpaquePointer) {
    cairo_set_source_rgb(
      context, Double(color.red) / 255, Double(color.green) / 255, Double(color.blue) / 255)
  }
}
