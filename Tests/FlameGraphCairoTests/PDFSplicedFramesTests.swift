import FlameGraph
import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraphCairo

/// The PDF whose frames are written into Cairo's page shows what drawing
/// every frame through Cairo shows: same pixels (within antialiasing), same
/// text, same page, a file that parses cleanly.
@Suite struct PDFSplicedFramesTests {
  /// A scene's PDF both ways, checked to have taken the spliced path.
  func bothWays(_ scene: Scene) throws -> (spliced: [UInt8], cairo: [UInt8]) {
    let fit = PDFRenderer.pageScale(width: scene.width, height: scene.height)
    let spliced = try #require(try PDFRenderer().splicedPage(scene, fit: fit))
    // The renderer takes that path (the two differ at most in the creation
    // date, the clock's unless SOURCE_DATE_EPOCH is set).
    #expect(Self.withoutDates(try PDFRenderer().render(scene)) == Self.withoutDates(spliced))
    return (spliced, try PDFRenderer(frameDrawing: .cairo).render(scene))
  }

  /// The page rasterized by pdftoppm, failing on anything it complains about.
  func rasterize(_ pdf: [UInt8], resolution: Int = 72) throws -> RasterImage {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("page.pdf")
    try Data(pdf).write(to: file)
    let prefix = directory.appendingPathComponent("page").path
    let run = try Self.run([
      "pdftoppm", "-r", String(resolution), "-png", "-singlefile", file.path, prefix,
    ])
    #expect(run.status == 0, "pdftoppm failed: \(run.errors)")
    #expect(!run.errors.contains("Error"), "pdftoppm: \(run.errors)")
    return try #require(RasterImage(contentsOfFile: prefix + ".png"))
  }

  /// What pdfinfo or pdftotext print about the PDF, failing on complaints.
  func tool(_ name: String, _ pdf: [UInt8], _ arguments: [String] = []) throws -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(UUID().uuidString).pdf")
    try Data(pdf).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    // pdftotext writes to standard output when told `-`; pdfinfo always does.
    let run = try Self.run([name] + arguments + [file.path] + (name == "pdftotext" ? ["-"] : []))
    #expect(run.status == 0, "\(name) failed: \(run.errors)")
    #expect(!run.errors.contains("Error"), "\(name): \(run.errors)")
    return run.output
  }

  /// Checks that both PDFs of `scene` look and read the same.
  func expectSamePage(_ scene: Scene, resolution: Int = 72) throws {
    let (spliced, cairo) = try bothWays(scene)
    let comparison = ImageComparison(
      expected: try rasterize(cairo, resolution: resolution),
      actual: try rasterize(spliced, resolution: resolution))
    #expect(
      comparison.matches, "\(comparison.differingPixels.map(String.init) ?? "size") pixels differ")
    #expect(try tool("pdftotext", spliced) == tool("pdftotext", cairo))
    let info = try tool("pdfinfo", spliced)
    let pageSize = info.split(separator: "\n").first { $0.hasPrefix("Page size:") }
    #expect(pageSize != nil)
    #expect(
      pageSize
        == (try tool("pdfinfo", cairo)).split(separator: "\n").first {
          $0.hasPrefix("Page size:")
        })
  }

  @Test func flameGraphOfARealProfileWithItsGradient() throws {
    try expectSamePage(try CairoFixtures.scene(CairoFixtures.sympy))
  }

  @Test func icicleGraphOnASolidBackgroundZoomedIn() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.seedMemory) {
      $0.direction = .icicle
      $0.background = .solid(RGBColor(red: 0xf4, green: 0xf0, blue: 0xe8))
    }
    try expectSamePage(scene, resolution: 144)
  }

  @Test func graphScaledDownToFitAPage() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.sympy) { $0.imageWidth = 30_000 }
    #expect(PDFRenderer.pageScale(width: scene.width, height: scene.height) < 1)
    try expectSamePage(scene)
  }

  @Test func categoriesWithTheirLegend() throws {
    let rules = try CategoryRules(
      parsing: "sympy/core -> Core #d55e00\nsympy/ -> SymPy\n<frozen -> Imports\n")
    let scene = try CairoFixtures.scene(CairoFixtures.sympy) { $0.categories = rules }
    #expect(!scene.legend.isEmpty)
    try expectSamePage(scene)
  }

  @Test func framesWithAnOutline() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.longNames) {
      $0.frameStroke = RGBColor(red: 0x20, green: 0x20, blue: 0x60)
    }
    try expectSamePage(scene, resolution: 144)
  }

  @Test func outlinedGraphScaledDownToFitAPage() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.sympy) {
      $0.imageWidth = 30_000
      $0.frameStroke = RGBColor(red: 0x20, green: 0x20, blue: 0x60)
    }
    try expectSamePage(scene)
  }

  @Test func linksKeepTheirAnnotations() throws {
    var options = Options()
    options.frameAttributes = FrameAttributeMap(parsing: "work\thref=https://example.com/work\n")
    let profile = try Profile(folded: "main;work 3\nmain;rest 1\n", options: options)
    let scene = FlameGraphLayout(options: options, measurer: CairoFixtures.measurer).scene(
      for: profile)
    let (spliced, cairo) = try bothWays(scene)
    func rectangles(_ pdf: [UInt8]) -> [Substring] {
      String(decoding: pdf, as: UTF8.self).split(separator: "\n").filter {
        $0.contains("/Rect") || $0.contains("/URI")
      }
    }
    #expect(rectangles(spliced).contains { $0.contains("/URI (https://example.com/work)") })
    #expect(rectangles(spliced).contains { $0.contains("/Rect [") })
    #expect(rectangles(spliced) == rectangles(cairo))
    try expectSamePage(scene)
  }

  @Test func framesUnderAPixelAreStillDrawn() throws {
    // A frame of a fifth of a point: under a pixel at 72 dpi, seen when zoomed in.
    let profile = try Profile(folded: "main;big 9998\nmain;thin 2\n", options: Options())
    let scene = FlameGraphLayout(options: Options(), measurer: CairoFixtures.measurer).scene(
      for: profile)
    let thin = try #require(scene.frames.first { $0.name == "thin" })
    #expect(thin.width < 0.5)
    let (spliced, _) = try bothWays(scene)
    let content = try #require(Self.pageContent(spliced))
    // Each frame's `x y w h re f`, as numbers.
    let boxes = content.split(separator: "\n").filter { $0.hasSuffix(" re f") }.map {
      $0.split(separator: " ").dropLast(2).compactMap { Double($0) }
    }
    #expect(boxes.count == scene.frames.count)
    #expect(
      boxes.contains {
        $0.count == 4 && abs($0[0] - thin.x) < 0.01 && abs($0[2] - thin.width) < 0.01
          && $0[3] == thin.height
      })
    // And zoomed in, it is there: 8 pixels a point.
    let image = try rasterize(spliced, resolution: 576)
    let color = image.color(atPoint: thin.x + thin.width / 2, thin.y + thin.height / 2, scale: 8)
    #expect(channelDistance(color, thin.fill) <= 8, "\(color) \(thin.fill)")
  }

  @Test func sameSceneGivesTheSameBytes() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.sympy)
    let first = try PDFRenderer().render(scene)
    let second = try PDFRenderer().render(scene)
    // Apart from the creation date, which is the clock's unless
    // SOURCE_DATE_EPOCH is set.
    #expect(Self.withoutDates(first) == Self.withoutDates(second))
  }

  @Test func framesAreMostlyOurNumbersNotCairos() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.sympy)
    let (spliced, cairo) = try bothWays(scene)
    let content = try #require(Self.pageContent(spliced))
    let cairoContent = try #require(Self.pageContent(cairo))
    // Every frame is a rectangle in both.
    #expect(content.components(separatedBy: " re f").count - 1 == scene.frames.count)
    #expect(cairoContent.components(separatedBy: " re f").count - 1 == scene.frames.count)
    #expect(content.utf8.count < cairoContent.utf8.count)
  }

  /// Runs a tool; its status, standard output and standard error.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(UUID().uuidString).txt")
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errors) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      process.terminationStatus, String(decoding: data, as: UTF8.self),
      (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
    )
  }

  static func withoutDates(_ pdf: [UInt8]) -> String {
    String(decoding: pdf, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
      .map { $0.contains("Date (") ? "" : $0 }.joined(separator: "\n")
  }

  /// The inflated content of the page, through the splicer's own reader.
  static func pageContent(_ pdf: [UInt8]) -> String? {
    pdf.withUnsafeBufferPointer { bytes in
      guard let file = PDFFile(bytes), let content = file.pageContent(),
        let inflated = PDFFrameSplicer.inflate(UnsafeBufferPointer(rebasing: bytes[content.data]))
      else { return nil }
      return String(decoding: inflated, as: UTF8.self)
    }
  }
}
