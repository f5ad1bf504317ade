import CCairo
import FlameGraph

/// Draws a `Scene` onto a Cairo context: the one drawing routine behind the
/// PNG and PDF renderers, which only choose the surface.
struct CairoSceneDrawer {
  let scene: Scene
  let font: CairoFont
  /// Paints the frames straight into an image's pixels instead of through
  /// Cairo, when there is no outline to stroke (nil: through Cairo).
  var framePainter: FramePainter? = nil
  /// Draws these markers instead of the frames (and the frames' links
  /// without their boxes), for ``PDFFrameSplicer`` to put the frames in
  /// their place (nil: the frames themselves).
  var frameMarkers: PDFFrameMarkers? = nil

  func draw(on context: OpaquePointer) {
    drawBackground(context)
    cairo_select_font_face(context, font.family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    CairoText.useExactMetrics(context)
    drawText(scene.title, context)
    if let subtitle = scene.subtitle { drawText(subtitle, context) }
    cairo_set_font_size(context, scene.font.size)
    // Boxes first, then the texts by kind and color: frames never overlap
    // and texts stay inside theirs, so the picture is the same, and a PDF
    // then gets one text object per run of texts (each placed by two
    // numbers instead of a matrix of six, with no color switch between
    // them), which halves the numbers Cairo prints for a large graph.
    if let framePainter, scene.frameStroke == nil {
      framePainter.paint(scene.frames)
    } else if let frameMarkers {
      frameMarkers.draw(on: context)
      for frame in scene.frames where frame.attributes?.link != nil { drawFrame(frame, context) }
    } else {
      for frame in scene.frames { drawFrame(frame, context) }
    }
    drawCode(context)
    drawLabels(context)
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
    // A `--nameattr` link covers the frame in a PDF (image surfaces ignore tags).
    guard let link = frame.attributes?.link else { return drawFrameContent(frame, context) }
    let area = "rect=[\(frame.x) \(frame.y) \(frame.width) \(frame.height)]"
    cairo_tag_begin(context, CAIRO_TAG_LINK, "\(area) uri='\(Self.quoted(link))'")
    // With markers the box is written later, in their place; the link's
    // area is its explicit rectangle either way.
    if frameMarkers == nil { drawFrameContent(frame, context) }
    cairo_tag_end(context, CAIRO_TAG_LINK)
  }

  /// Text for a single-quoted value of Cairo's tag attributes: `\` and `'`
  /// escaped, control characters dropped.
  static func quoted(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
      if scalar == "\\" || scalar == "'" { result.append("\\") }
      result.unicodeScalars.append(scalar)
    }
    return result
  }

  private func drawFrameContent(_ frame: FrameBox, _ context: OpaquePointer) {
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
  }

  /// The code lines under the labels, in the scene's slant, a color at a time.
  private func drawCode(_ context: OpaquePointer) {
    let lines = scene.frames.compactMap(\.code)
    guard !lines.isEmpty else { return }
    // Slanted as the scene says; same advances in a monospace font.
    cairo_select_font_face(
      context, font.family,
      scene.codeSlant == .oblique ? CAIRO_FONT_SLANT_OBLIQUE : CAIRO_FONT_SLANT_NORMAL,
      CAIRO_FONT_WEIGHT_NORMAL)
    for (color, group) in Self.byColor(lines) {
      setColor(color, context)
      for code in group {
        cairo_move_to(context, code.x, code.y)
        cairo_show_text(context, CairoText.drawable(code.text))
      }
    }
    cairo_select_font_face(context, font.family, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
  }

  /// The frames' labels, a color at a time.
  private func drawLabels(_ context: OpaquePointer) {
    for (color, group) in Self.byColor(scene.frames.compactMap(\.label)) {
      setColor(color, context)
      for label in group {
        let text = CairoText.drawable(label.text)
        var x = label.x
        if label.alignment == .trailing {
          var extents = cairo_text_extents_t()
          cairo_text_extents(context, text, &extents)
          x -= extents.x_advance
        }
        cairo_move_to(context, x, label.y)
        cairo_show_text(context, text)
      }
    }
  }

  /// Texts grouped by color, colors in the order they first appear and
  /// texts in scene order within each (labels have two colors: black and
  /// white).
  static func byColor(_ texts: [FittedLabel]) -> [(RGBColor, [FittedLabel])] {
    var groups: [(RGBColor, [FittedLabel])] = []
    var groupOfColor: [RGBColor: Int] = [:]
    for text in texts {
      if let group = groupOfColor[text.color] {
        groups[group].1.append(text)
      } else {
        groupOfColor[text.color] = groups.count
        groups.append((text.color, [text]))
      }
    }
    return groups
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
