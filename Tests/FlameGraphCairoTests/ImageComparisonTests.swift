import FlameGraph
import FlameGraphCairo
import FlameGraphTestSupport
import Testing

/// The golden-image comparison passes identical pictures and catches the
/// changes a person would notice.
@Suite struct ImageComparisonTests {
  let scene: Scene

  init() throws {
    scene = try CairoFixtures.scene(CairoFixtures.longNames) { $0.imageWidth = 800 }
  }

  @Test func identicalRenderingsMatch() throws {
    let comparison = ImageComparison(
      expected: try CairoFixtures.png(scene), actual: try CairoFixtures.png(scene))
    #expect(comparison.matches)
    #expect(comparison.differingPixels == 0)
  }

  @Test func aRecoloredFrameIsCaught() throws {
    var changed = scene
    let index = try #require(changed.frames.firstIndex { $0.width > 20 && $0.width < 60 })
    changed.frames[index].fill = RGBColor(red: 0, green: 128, blue: 255)
    let comparison = ImageComparison(
      expected: try CairoFixtures.png(scene), actual: try CairoFixtures.png(changed))
    #expect(!comparison.matches)
  }

  @Test func aMovedLabelIsCaught() throws {
    var changed = scene
    let index = try #require(changed.frames.firstIndex { $0.label != nil && $0.depth > 1 })
    changed.frames[index].label?.x += 3
    let comparison = ImageComparison(
      expected: try CairoFixtures.png(scene), actual: try CairoFixtures.png(changed))
    #expect(!comparison.matches)
  }

  @Test func differentSizesNeverMatch() throws {
    let comparison = ImageComparison(
      expected: try CairoFixtures.png(scene), actual: try CairoFixtures.png(scene, scale: 2))
    #expect(!comparison.matches)
    #expect(comparison.differingPixels == nil)
  }
}
