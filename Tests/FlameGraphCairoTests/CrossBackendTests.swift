import FlameGraph
import FlameGraphCairo
import FlameGraphTestSupport
import Foundation
import Testing

/// The same scene drawn as SVG (rasterized by rsvg-convert) and as Cairo
/// PNG: frames in the same places with the same fills.
@Suite struct CrossBackendTests {
  @Test(arguments: ["long-names", "seed-memory-diffusion"])
  func svgAndPNGAgreeOnGeometryAndFills(_ name: String) throws {
    let scene: Scene
    if name == "long-names" {
      scene = try CairoFixtures.scene(CairoFixtures.longNames) { $0.imageWidth = 800 }
    } else {
      scene = try CairoFixtures.scene(CairoFixtures.seedMemory) {
        $0.direction = .icicle
        $0.colorDiffusion = true
      }
    }
    let cairo = try CairoFixtures.png(scene)
    let rsvg = try CairoFixtures.rsvgPNG(scene)
    #expect(cairo.width == rsvg.width)
    #expect(cairo.height == rsvg.height)
    var compared = 0
    for frame in scene.frames where frame.width >= 3 {
      let point = CairoFixtures.samplePoint(frame)
      let fromCairo = cairo.color(atPoint: point.x, point.y)
      let fromSVG = rsvg.color(atPoint: point.x, point.y)
      #expect(channelDistance(fromCairo, fromSVG) <= 3, "\(frame.name): \(fromCairo) vs \(fromSVG)")
      #expect(channelDistance(fromCairo, frame.fill) <= 2)
      compared += 1
    }
    #expect(compared > 20)
  }
}
