import FlameGraph
import FlameGraphCairo
import FlameGraphTestSupport
import Foundation
import Testing

@Suite struct PNGRendererTests {
  @Test func framesAreDrawnWithTheirFillWhereTheSceneSays() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames) { $0.imageWidth = 800 }
    let image = try CairoFixtures.png(scene)
    #expect(image.width == 800)
    #expect(image.height == Int(scene.height.rounded(.up)))
    let checked = scene.frames.filter { $0.width >= 3 }
    #expect(checked.count > 20)
    for frame in checked {
      let point = CairoFixtures.samplePoint(frame)
      let drawn = image.color(atPoint: point.x, point.y)
      #expect(channelDistance(drawn, frame.fill) <= 2, "\(frame.name) at \(point)")
    }
  }

  @Test func noLabelOverflowsItsFrame() throws {
    for file in [CairoFixtures.seedMemory, CairoFixtures.longNames, CairoFixtures.sympy] {
      for width in [300.0, 800, 1200] {
        let scene = try CairoFixtures.scene(file) { $0.imageWidth = width }
        for frame in scene.frames {
          guard let label = frame.label else { continue }
          let drawn = CairoFixtures.measurer.width(of: label.text[...], fontSize: scene.font.size)
          #expect(drawn <= frame.width - 6 + 1e-6, "\(label.text) in \(frame.width)")
        }
      }
    }
  }

  @Test func widestFrameIsTheMostSaturatedUnderColorDiffusion() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.seedMemory) {
      $0.direction = .icicle
      $0.colorDiffusion = true
    }
    let image = try CairoFixtures.png(scene)
    let sampled = scene.frames.filter { $0.width >= 3 }.map { frame in
      let point = CairoFixtures.samplePoint(frame)
      return (width: frame.width, saturation: image.color(atPoint: point.x, point.y).saturation)
    }.sorted { $0.width < $1.width }
    #expect(sampled.count > 30)
    // Saturation never decreases as frames get wider (rounding aside).
    for (narrower, wider) in zip(sampled, sampled.dropFirst()) where wider.width > narrower.width {
      #expect(wider.saturation >= narrower.saturation - 0.01, "\(narrower) then \(wider)")
    }
    let widest = try #require(sampled.last)
    #expect(widest.saturation >= sampled.map(\.saturation).max()! - 0.001)
    #expect(widest.saturation > 0.95)
    #expect(sampled.first!.saturation < 0.5)
  }

  @Test func rightAlignedLabelDrawsTheEndOfTheName() throws {
    var options = Options()
    options.imageWidth = 400
    // Full labels: the whole name is cut (smart labels would show a shorter form).
    options.labelStyle = .full
    let name = "package/subpackage/module_with_a_long_name.py:123 (Class.method_name)"
    let profile = try Profile(folded: "main;\(name) 3\nmain;other 2\n", options: options)
    let scene = FlameGraphLayout(options: options, measurer: CairoFixtures.measurer)
      .scene(for: profile)
    let index = try #require(scene.frames.firstIndex { $0.label?.isTruncated == true })
    let label = try #require(scene.frames[index].label)
    #expect(label.alignment == .trailing)
    let kept = String(label.text.dropFirst())
    #expect(name.hasSuffix(kept))
    // Draw the kept end alone, and the name's start instead: the pixels to
    // the right of the ellipsis match the end, not the start.
    func rendering(withLabel text: String) throws -> RasterImage {
      var edited = scene
      edited.frames[index].label?.text = text
      return try CairoFixtures.png(edited)
    }
    let actual = try CairoFixtures.png(scene)
    let endOnly = try rendering(withLabel: kept)
    let startOnly = try rendering(withLabel: String(name.prefix(kept.count)))
    let frame = scene.frames[index]
    // The kept end starts where the ellipsis ends: the label's right end
    // less the kept part's width.
    let keptStart = label.x - CairoFixtures.measurer.width(of: kept[...], fontSize: scene.font.size)
    func differingPixels(_ other: RasterImage) -> Int {
      var count = 0
      for y in Int(frame.y)..<Int(frame.y + frame.height) {
        for x in Int(keptStart + 1)..<Int(frame.x + frame.width - 1)
        where channelDistance(actual.color(x: x, y: y), other.color(x: x, y: y)) > 40 {
          count += 1
        }
      }
      return count
    }
    #expect(differingPixels(endOnly) == 0)
    #expect(differingPixels(startOnly) > 50)
  }

  @Test func scaleTwoDoublesPixelsAndKeepsColors() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames) { $0.imageWidth = 800 }
    let single = try CairoFixtures.png(scene)
    let double = try CairoFixtures.png(scene, scale: 2)
    #expect(double.width == single.width * 2)
    #expect(double.height == single.height * 2)
    for frame in scene.frames where frame.width >= 3 {
      let point = CairoFixtures.samplePoint(frame)
      #expect(
        channelDistance(
          double.color(atPoint: point.x, point.y, scale: 2), single.color(atPoint: point.x, point.y)
        )
          <= 2)
    }
  }

  @Test func backgroundIsTheSVGGradient() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames)
    let image = try CairoFixtures.png(scene)
    // Default hot palette: light grey at the top, pale yellow at the bottom.
    let top = image.color(x: 2, y: 2)
    let bottom = image.color(x: 2, y: image.height - 3)
    #expect(channelDistance(top, RGBColor(red: 0xee, green: 0xee, blue: 0xee)) <= 2)
    #expect(channelDistance(bottom, RGBColor(red: 0xee, green: 0xee, blue: 0xb0)) <= 3)
  }

  @Test func tooLargeImageIsAClearError() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames)
    #expect(throws: CairoError.self) { try PNGRenderer(scale: 200).render(scene) }
  }
}
