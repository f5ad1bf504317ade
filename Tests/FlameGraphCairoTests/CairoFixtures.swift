import FlameGraph
import FlameGraphCairo
import FlameGraphSVG
import FlameGraphTestSupport
import Foundation

/// Profiles, scenes and rasterizers shared by the Cairo tests.
enum CairoFixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static let seedMemory = path("Examples/seed-memory.folded")
  static let longNames = path("Goldens/inputs/long-names.folded")
  static let sympy = path("Goldens/inputs/sympy-cpu.folded")

  static let measurer = CairoTextMeasurer(font: CairoFont(familyList: Options.defaultFontFamily))

  /// The scene of a file, laid out for Cairo.
  static func scene(_ file: String, _ configure: (inout Options) -> Void = { _ in }) throws -> Scene
  {
    var options = Options()
    configure(&options)
    let profile = try Profile(reading: [.file(file)], options: options)
    return FlameGraphLayout(options: options, measurer: measurer).scene(for: profile)
  }

  static func png(_ scene: Scene, scale: Double = 1) throws -> RasterImage {
    guard let image = RasterImage(png: try PNGRenderer(scale: scale).render(scene)) else {
      throw FixtureError.undecodable
    }
    return image
  }

  /// The scene as SVG, rasterized by rsvg-convert, as a browser-like viewer would.
  static func rsvgPNG(_ scene: Scene) throws -> RasterImage {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let svg = directory.appendingPathComponent("scene.svg")
    let png = directory.appendingPathComponent("scene.png")
    try Data(try SVGRenderer().render(scene)).write(to: svg)
    let status = try run(["rsvg-convert", svg.path, "-o", png.path]).status
    guard status == 0, let image = RasterImage(contentsOfFile: png.path) else {
      throw FixtureError.toolFailed("rsvg-convert (install librsvg2-bin)")
    }
    return image
  }

  /// Runs a tool from the PATH and returns its status and standard output.
  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    try ToolOutput.run(arguments)
  }

  /// A point inside a frame, above its label's glyphs: the top row, centered.
  static func samplePoint(_ frame: FrameBox) -> (x: Double, y: Double) {
    (frame.x + frame.width / 2, frame.y + 1.2)
  }
}

enum FixtureError: Error {
  case undecodable
  case toolFailed(String)
}

extension RGBColor {
  /// HSV saturation, 0 for greys to 1 for pure hues.
  var saturation: Double {
    let high = Double(max(red, green, blue))
    let low = Double(min(red, green, blue))
    return high == 0 ? 0 : (high - low) / high
  }
}
