import FlameGraph
import FlameGraphCairo
import Foundation
import Testing

@Suite struct PDFRendererTests {
  func writePDF(_ scene: Scene) throws -> URL {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(UUID().uuidString).pdf")
    try PDFRenderer().write(scene, toFile: file.path)
    return file
  }

  @Test func functionNamesAreSearchableText() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.seedMemory) { $0.direction = .icicle }
    let file = try writePDF(scene)
    let text = try CairoFixtures.run(["pdftotext", file.path, "-"])
    #expect(text.status == 0, "pdftotext (poppler-utils) failed")
    #expect(text.output.contains("example.py:13 (main)"))
    #expect(text.output.contains("example.py:4 (make_big_array)"))
    #expect(text.output.contains("Icicle Graph"))
  }

  @Test func pageIsSizedToTheGraphAndTitled() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames) {
      $0.imageWidth = 800
      $0.title = "Billing service, CPU"
    }
    let file = try writePDF(scene)
    let info = try CairoFixtures.run(["pdfinfo", file.path])
    #expect(info.status == 0)
    // pdfinfo aligns its values with runs of spaces.
    let lines = info.output.split(separator: "\n").map {
      $0.split(separator: " ").joined(separator: " ")
    }
    #expect(lines.contains("Title: Billing service, CPU"))
    #expect(lines.contains("Pages: 1"))
    #expect(lines.contains("Page size: 800 x \(Int(scene.height)) pts"))
  }

  @Test func framesAreVectorsNotAnImage() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames)
    let file = try writePDF(scene)
    let images = try CairoFixtures.run(["pdfimages", "-list", file.path])
    // pdfimages prints a two-line header and one line per embedded image.
    #expect(images.output.split(separator: "\n").count == 2)
  }
}
