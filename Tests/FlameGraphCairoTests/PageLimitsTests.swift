import FlameGraph
import FlameGraphCairo
import Foundation
import Testing

/// PNGs have a pixel budget checked before anything is allocated; PDF pages
/// stay within PDF's 14,400 points a side by scaling the drawing down.
@Suite struct PageLimitsTests {
  func scene(_ folded: String, _ configure: (inout Options) -> Void) throws -> Scene {
    var options = Options()
    configure(&options)
    let profile = try Profile(folded: folded, options: options)
    return FlameGraphLayout(options: options, measurer: CairoFixtures.measurer).scene(
      for: profile)
  }

  @Test func aPNGOverOneHundredMegapixelsIsRefusedBeforeAnyByte() throws {
    let scene = try scene("main;a 3\nmain;b 1\n") {
      $0.imageWidth = 20_000
      $0.frameHeight = 2_000
    }
    let writer = ByteWriter()
    #expect {
      try PNGRenderer().write(scene, to: writer)
    } throws: { error in
      "\(error)".contains("100 megapixels")
    }
    try writer.finish()
    #expect(writer.collected.isEmpty)
  }

  @Test(arguments: [1e300, .infinity, .nan, 0])
  func anAbsurdScaleIsAnErrorNotACrash(scale: Double) throws {
    let scene = try scene("main;a 3\n") { _ in }
    #expect(throws: CairoError.self) { try PNGRenderer(scale: scale).render(scene) }
  }

  @Test func aSceneWiderThanAPDFPageIsScaledUniformlyToFit() throws {
    let scene = try scene("main;a 3\nmain;b 1\n") { $0.imageWidth = 100_000 }
    let fit = PDFRenderer.pageScale(width: scene.width, height: scene.height)
    #expect(fit == 0.144)
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(UUID().uuidString).pdf")
    defer { try? FileManager.default.removeItem(at: file) }
    try PDFRenderer().write(scene, toFile: file.path)
    let info = try CairoFixtures.run(["pdfinfo", file.path]).output
    let size = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }
      .map { $0.split(separator: " ").joined(separator: " ") }
    let height = (scene.height * fit * 1000).rounded() / 1000
    #expect(size == "Page size: 14400 x \(height.formatted()) pts", "\(info)")
    #expect(try CairoFixtures.run(["pdftotext", file.path, "-"]).output.contains("main"))
  }

  @Test func aSceneTooNarrowOnceScaledIsRefusedBeforeAnyByte() throws {
    let deep = (0..<40).map { "f\($0)" }.joined(separator: ";") + " 1\n"
    let scene = try scene(deep) {
      $0.imageWidth = 20
      $0.frameHeight = 10_000
    }
    let writer = ByteWriter()
    #expect {
      try PDFRenderer().write(scene, to: writer)
    } throws: { error in
      "\(error)".contains("too tall for a PDF page")
    }
    try writer.finish()
    #expect(writer.collected.isEmpty)
  }

  @Test func aSceneThatFitsIsNotScaled() {
    #expect(PDFRenderer.pageScale(width: 1200, height: 14_400) == 1)
  }
}
