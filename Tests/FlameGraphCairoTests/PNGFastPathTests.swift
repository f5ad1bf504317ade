import CCairo
import FlameGraph
import FlameGraphTestSupport
import Testing

@testable import FlameGraphCairo

/// The PNG fast paths agree with the simple ones: the encoder gives back
/// exactly the pixels drawn, and frames painted into the pixels look as
/// Cairo's fills of the same boxes.
@Suite struct PNGFastPathTests {
  /// The largest difference of one channel between painted and filled
  /// frames: rounding of the edge coverage, never a visible change.
  static let paintingTolerance = 3

  @Test(arguments: [(1, 1), (7, 3), (300, 41), (1201, 64)])
  func encodedPixelsAreThePixelsDrawn(width: Int, height: Int) throws {
    var random = SeededRandom(seed: UInt64(width * 1000 + height))
    let surface = try #require(
      cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)))
    defer { cairo_surface_destroy(surface) }
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = try #require(cairo_image_surface_get_data(surface))
    var expected = [UInt32]()
    for row in 0..<height {
      let line = UnsafeMutableRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
      // Some rows repeat the one above (the Up filter's case), others not.
      let repeats = row > 0 && Bool.random(using: &random)
      for column in 0..<width {
        let value =
          repeats
          ? expected[(row - 1) * width + column] : UInt32.random(in: 0...0xFF_FFFF, using: &random)
        line[column] = 0xFF00_0000 | value
        expected.append(value)
      }
    }
    cairo_surface_mark_dirty(surface)
    let writer = ByteWriter()
    try PNGEncoder.write(surface, to: writer)
    try writer.finish()
    let decoded = try #require(RasterImage(png: writer.collected))
    #expect(decoded.width == width)
    #expect(decoded.height == height)
    #expect(decoded.pixels == expected)
  }

  @Test func aGraphsPNGIsCompressed() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.sympy)
    let bytes = try PNGRenderer().render(scene)
    let image = try #require(RasterImage(png: bytes))
    #expect(image.width == Int(scene.width))
    // Far below the 3 bytes a pixel of the raw image.
    #expect(bytes.count < image.width * image.height / 2)
  }

  @Test(arguments: [1.0, 2.0])
  func paintedFramesLookAsCairoFillsThem(scale: Double) throws {
    let scene = try CairoFixtures.scene(CairoFixtures.sympy) { $0.direction = .icicle }
    try expectPaintedLikeFilled(scene, scale: scale)
  }

  @Test(arguments: [1.0, 1.5, 3.0])
  func randomBoxesArePaintedAsCairoFillsThem(scale: Double) throws {
    var scene = try CairoFixtures.scene(CairoFixtures.seedMemory)
    var random = SeededRandom(seed: UInt64(scale * 10))
    let template = try #require(scene.frames.first)
    // Boxes thinner and shorter than a pixel, at fractional places, over
    // each other and over the canvas's edges.
    scene.frames = (0..<600).map { _ in
      var frame = template
      frame.x = Double.random(in: -20...(scene.width + 10), using: &random)
      frame.y = Double.random(in: -5...(scene.height + 5), using: &random)
      frame.width =
        Bool.random(using: &random)
        ? Double.random(in: 0...1.5, using: &random) : Double.random(in: 0...200, using: &random)
      frame.height = Double.random(in: 0...20, using: &random)
      frame.fill = RGBColor(
        red: UInt8.random(in: 0...255, using: &random),
        green: UInt8.random(in: 0...255, using: &random),
        blue: UInt8.random(in: 0...255, using: &random))
      frame.label = nil
      frame.code = nil
      return frame
    }
    try expectPaintedLikeFilled(scene, scale: scale)
  }

  @Test func boxesWithoutAPlaceAreLeftOut() throws {
    let scene = try CairoFixtures.scene(CairoFixtures.seedMemory)
    var broken = scene
    var frame = try #require(scene.frames.last)
    frame.label = nil
    frame.code = nil
    for (x, width) in [(Double.nan, 10.0), (10, .infinity), (-.infinity, 5), (1e300, 1e300)] {
      frame.x = x
      frame.width = width
      broken.frames.append(frame)
    }
    let expected = try CairoFixtures.png(scene)
    let actual = try #require(RasterImage(png: try PNGRenderer().render(broken)))
    #expect(actual.pixels == expected.pixels)
  }

  /// Renders the scene with frames painted and with frames filled by Cairo,
  /// and compares every pixel.
  func expectPaintedLikeFilled(_ scene: Scene, scale: Double) throws {
    var simple = PNGRenderer(scale: scale)
    simple.paintsFramesDirectly = false
    let filled = try #require(RasterImage(png: try simple.render(scene)))
    let painted = try #require(RasterImage(png: try PNGRenderer(scale: scale).render(scene)))
    #expect(painted.width == filled.width && painted.height == filled.height)
    var largest = 0
    for (left, right) in zip(filled.pixels, painted.pixels) where left != right {
      for shift: UInt32 in [16, 8, 0] {
        largest = max(largest, abs(Int(left >> shift & 0xFF) - Int(right >> shift & 0xFF)))
      }
    }
    #expect(largest <= Self.paintingTolerance)
    // The frames are there at all: the picture is not the background alone.
    #expect(Set(painted.pixels).count > 20)
  }
}
