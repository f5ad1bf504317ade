import CCairo
import FlameGraph

/// Draws a ``Scene`` onto a Cairo context: the one drawing routine behind the
/// PNG and PDF renderers, which only choose the surface.
struct CairoSceneDrawer {
  let scene: Scene
  let font: CairoFont

  func draw(on context: OpaquePointer) {
    drawBackground(context)
    cairo_select_font_face(context, font.family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    CairoText.useExactMetrics(context)
    drawText(scene.title, context)
    if let subtitle = scene.subtitle { drawText(subtitle, context) }
    cairo_set_font_size(context, scene.font.size)
    for frame in scene.frames { drawFrame(frame, context) }
    for entry in scene.legend { drawLegendEntry(entry, context) }
  }

  private func drawLegendEntry(_ entry: LegendEntry, _ context: OpaquePointer) {
    setColor(entry.color, context)
    cairo_rectangle(
      context, entry.swatch.x, entry.swatch.y, entry.swatch.width, entry.swatch.height)
    cairo_fill(context)
    setColor(.black, context)
    cairo_move_to(context, entry.textX, entry.textY)
    cairo_show_text(context, CairoText.drawable(entry.text))
  }

  private func drawBackground(_ context: OpaquePointer) {
    switch scene.background {
    case .solid(let color):
      setColor(color, context)
      cairo_rectangle(context, 0, 0, scene.width, scene.height)
      cairo_fill(context)
    case .gradient(let top, let bottom):
      let gradient = cairo_pattern_create_linear(0, 0, 0, scene.height)
      cairo_pattern_add_color_stop_rgb(
        gradient, scene.gradientStops.top, unit(top.red), unit(top.green), unit(top.blue))
      cairo_pattern_add_color_stop_rgb(
        gradient, scene.gradientStops.bottom, unit(bottom.red), unit(bottom.green),
        unit(bottom.blue))
      cairo_set_source(context, gradient)
      cairo_rectangle(context, 0, 0, scene.width, scene.height)
      cairo_fill(context)
      cairo_pattern_destroy(gradient)
    }
  }

  private func drawFrame(_ frame: FrameBox, _ context: OpaquePointer) {
    setColor(frame.fill, context)
    cairo_rectangle(context, frame.x, frame.y, frame.width, frame.height)
    if let stroke = scene.frameStroke {
      cairo_fill_preserve(context)
      setColor(stroke, context)
      cairo_set_line_width(context, scene.frameStrokeWidth)
      cairo_stroke(context)
    } else {
      cairo_fill(context)
    }
    if let code = frame.code {
      // Slanted as the scene says; same advances in a monospace font.
      cairo_select_font_face(
        context, font.family,
        scene.codeSlant == .oblique ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
        CAIRO_FONT_WEIGHT_NORMAL)
      setColor(code.color, context)
      cairo_move_to(context, code.x, code.y)
      cairo_show_text(context, CairoText.drawable(code.text))
      cairo_select_font_face(
        context, font.family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    }
    guard let label = frame.label else { return }
    let text = CairoText.drawable(label.text)
    var x = label.x
    if label.alignment == .trailing {
      var extents = cairo_text_extents_t()
      cairo_text_extents(context, text, &extents)
      x -= extents.x_advance
    }
    setColor(label.color, context)
    cairo_move_to(context, x, label.y)
    cairo_show_text(context, text)
  }

  private func drawText(_ item: TextItem, _ context: OpaquePointer) {
    cairo_set_font_size(context, item.fontSize)
    let text = CairoText.drawable(item.text)
    var extents = cairo_text_extents_t()
    cairo_text_extents(context, text, &extents)
    var x = item.x
    switch item.anchor {
    case .start: break
    case .middle: x -= extents.x_advance / 2
    case .end: x -= extents.x_advance
    }
    setColor(.black, context)
    cairo_move_to(context, x, item.y)
    cairo_show_text(context, text)
  }

  private func setColor(_ color: RGBColor, _ context: OpaquePointer) {
    cairo_set_source_rgb(context, unit(color.red), unit(color.green), unit(color.blue))
  }

  private func unit(_ channel: UInt8) -> Double { Double(channel) / 255 }
}
