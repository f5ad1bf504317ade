import FlameGraph
import FlameGraphCairo
import Testing

@Suite("Smart labels measured with the real font")
struct SmartLabelsCairoTests {
  @Test(arguments: [CairoFixtures.longNames, CairoFixtures.sympy, CairoFixtures.seedMemory])
  func labelsAreNeverWiderThanTheirFrame(file: String) throws {
    for width in [300.0, 800, 1200] {
      let scene = try CairoFixtures.scene(file) { $0.imageWidth = width }
      var shortened = 0
      for frame in scene.frames {
        guard let label = frame.label else { continue }
        let measured = CairoFixtures.measurer.width(of: label.text[...], fontSize: scene.font.size)
        #expect(measured <= frame.width - 2 * LabelFitter.padding, "\(label.text)")
        if label.isTruncated && !label.text.contains("\u{2026}") { shortened += 1 }
      }
      #expect(shortened > 0)
    }
  }

  @Test func aShorterFormIsChosenWithTheRealFont() throws {
    let name = "InvoicePdfRenderer.render_line_items (acme/billing/pdf_renderer.py:100)"
    let fitter = LabelFitter(
      measurer: CairoFixtures.measurer, fontSize: 12, truncation: .keepEnd, style: .smart)
    let ladder = LabelAbbreviator.ladder(for: name)
    let roomy = CairoFixtures.measurer.width(of: "render_line_items"[...], fontSize: 12) + 6.5
    #expect(fitter.fit(name, ladder: ladder, width: roomy)?.text == "render_line_items")
  }
}
