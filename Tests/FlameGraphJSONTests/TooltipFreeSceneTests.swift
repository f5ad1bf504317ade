import FlameGraph
import FlameGraphJSON
import Testing

/// Scene JSON carries no tooltips, so its layout makes none: the export is
/// the one of a layout with every tooltip.
@Suite struct TooltipFreeSceneTests {
  @Test func sceneJSONIsTheSameWithoutTooltips() throws {
    let folded = (0..<500).map { "main;parse;thin_\($0) 1\n" }.joined() + "main;render 400\n"
    let profile = try Profile(folded: folded)
    let backend = SceneJSONRenderer.backend
    let scene = try #require(backend.scene(for: profile, options: Options()))
    #expect(scene.frames.allSatisfy { $0.tooltip.isEmpty })
    var withTooltips = backend.adjusted(Options())
    withTooltips.tooltipMinimumWidth = 0
    let full = FlameGraphLayout(options: withTooltips).scene(for: profile)
    #expect(full.frames.allSatisfy { !$0.tooltip.isEmpty })
    #expect(try SceneJSONRenderer().render(scene) == SceneJSONRenderer().render(full))
  }
}
