import FlameGraph
import FlameGraphCairo
import Testing

@Suite struct CairoFontTests {
  @Test func defaultFamilyIsDejaVuSansMono() {
    let font = CairoFont(familyList: Options.defaultFontFamily)
    #expect(font.family == "DejaVu Sans Mono")
    #expect(!font.isFallback)
  }

  @Test func missingFamiliesAreSkippedInOrder() {
    let font = CairoFont(familyList: "'No Such Font Anywhere', \"DejaVu Sans Mono\", serif")
    #expect(font.family == "DejaVu Sans Mono")
  }

  @Test func nothingInstalledFallsBackToMonospaceAndSaysSo() {
    let font = CairoFont(familyList: "'No Such Font Anywhere', 'Nor This One'")
    #expect(font.isFallback)
    #expect(!font.family.isEmpty)
  }

  @Test func measurerMatchesTheMonospaceModelForDejaVu() {
    let measurer = CairoTextMeasurer(font: CairoFont(familyList: Options.defaultFontFamily))
    // DejaVu Sans Mono advances 1233/2048 of an em per character.
    let width = measurer.width(of: "abcdefghij", fontSize: 12)
    #expect(abs(width - 10 * 12 * 1233 / 2048) < 0.05)
    // Non-ASCII text is measured by Cairo itself, and still grows with length.
    #expect(measurer.width(of: "日本語日本語", fontSize: 12) > measurer.width(of: "日本語", fontSize: 12))
  }

  @Test func theDefaultMeasurerIsTheDefaultFontsOne() {
    let named = CairoTextMeasurer(font: CairoFont(familyList: Options.defaultFontFamily))
    let text: Substring = "render_frames (layout.py:12)"
    #expect(
      CairoTextMeasurer().width(of: text, fontSize: 12) == named.width(of: text, fontSize: 12))
    #expect(
      CairoTextMeasurer(weight: .bold).width(of: "Mm", fontSize: 12) > 0)
  }
}
