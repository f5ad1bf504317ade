import FlameGraph
import FlameGraphSVG
import Testing

/// A backend's tests can build scenes by hand, with the public
/// initializers, and draw them without running layout.
@Suite struct SceneFixtureTests {
  @Test func aHandMadeSceneIsDrawn() throws {
    let root = FrameBox(name: "all", depth: 0, x: 10, y: 40, width: 200, height: 15, total: 10)
    var child = FrameBox(
      name: "parse <tokens>", depth: 1, x: 10, y: 24, width: 120, height: 15, total: 6,
      selfCount: 6, parent: 0, tooltip: "parse <tokens> (6 samples, 60%)")
    child.label = FittedLabel(text: "parse <tokens>", x: 13, y: 35)
    let scene = Scene(width: 220, height: 80, frames: [root, child], totalSamples: 10)
    let svg = String(decoding: try SVGRenderer().render(scene), as: UTF8.self)
    #expect(svg.contains("<title>parse &lt;tokens&gt; (6 samples, 60%)</title>"))
    #expect(svg.contains(">parse &lt;tokens&gt;</text>"))
    #expect(svg.contains("width=\"220\""))
    #expect(scene.title.text == "Flame Graph" && scene.legend.isEmpty)
  }
}
