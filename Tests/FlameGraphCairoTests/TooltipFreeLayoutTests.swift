import FlameGraph
import FlameGraphCairo
import Testing

/// PNG and PDF show no tooltips, so their layout makes none; what they
/// draw is what a layout with every tooltip gives.
@Suite struct TooltipFreeLayoutTests {
  @Test func aPNGIsTheSameWithoutTooltips() throws {
    let folded = (0..<500).map { "main;parse;thin_\($0) 1\n" }.joined() + "main;render 400\n"
    let profile = try Profile(folded: folded)
    let options = PNGRenderer.backend.adjusted(Options())
    let (scene, _) = try #require(
      PNGRenderer.backend.sceneAndViewer(for: profile, options: options))
    #expect(scene.frames.allSatisfy { $0.tooltip.isEmpty })
    var withTooltips = options
    withTooltips.tooltipMinimumWidth = 0
    let full = FlameGraphLayout(
      options: withTooltips, measurer: PNGRenderer.backend.measurer(withTooltips)
    ).scene(for: profile)
    #expect(full.frames.allSatisfy { !$0.tooltip.isEmpty })
    #expect(try PNGRenderer().render(scene) == PNGRenderer().render(full))
  }
}
