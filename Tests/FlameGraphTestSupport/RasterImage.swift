import CCairo
import FlameGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A decoded PNG, read through Cairo, for tests that look at pixels.
public struct RasterImage {
  /// Width in pixels.
  public let width: Int
  /// Height in pixels.
  public let height: Int
  /// Row-major pixels, 0x00RRGGBB.
  public let pixels: [UInt32]

  /// Decodes a PNG file; nil when it cannot be read.
  public init?(contentsOfFile path: String) {
    guard let surface = cairo_image_surface_create_from_png(path) else { return nil }
    defer { cairo_surface_destroy(surface) }
    guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { return nil }
    self.init(surface: surface)
  }

  /// Decodes PNG bytes.
  public init?(png bytes: [UInt8]) {
    let path = "/tmp/flamegraph-test-\(UInt64.random(in: 0...UInt64.max)).png"
    guard let file = fopen(path, "wb") else { return nil }
    _ = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    defer { unlink(path) }
    self.init(contentsOfFile: path)
  }

  private init(surface: OpaquePointer) {
    cairo_surface_flush(surface)
    width = Int(cairo_image_surface_get_width(surface))
    height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    var pixels = [UInt32](repeating: 0, count: width * height)
    for row in 0..<height {
      let line = UnsafeRawPointer(data + row * stride)
      for column in 0..<width {
        pixels[row * width + column] =
          line.load(fromByteOffset: column * 4, as: UInt32.self) & 0x00ff_ffff
      }
    }
    self.pixels = pixels
  }

  /// A blank image of one color.
  public init(width: Int, height: Int, pixels: [UInt32]) {
    self.width = width
    self.height = height
    self.pixels = pixels
  }

  /// The color at a pixel.
  public func color(x: Int, y: Int) -> RGBColor {
    let value = pixels[y * width + x]
    return RGBColor(
      red: UInt8(value >> 16 & 0xff), green: UInt8(value >> 8 & 0xff), blue: UInt8(value & 0xff))
  }

  /// The color at a point of a scene drawn at `scale` pixels per point.
  public func color(atPoint x: Double, _ y: Double, scale: Double = 1) -> RGBColor {
    color(
      x: min(width - 1, max(0, Int(x * scale))), y: min(height - 1, max(0, Int(y * scale))))
  }

  /// Writes the image as a PNG file.
  public func write(toFile path: String) {
    let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height))!
    defer { cairo_surface_destroy(surface) }
    cairo_surface_flush(surface)
    let stride = Int(cairo_image_surface_get_stride(surface))
    let data = cairo_image_surface_get_data(surface)!
    for row in 0..<height {
      let line = UnsafeMutableRawPointer(data + row * stride)
      for column in 0..<width {
        line.storeBytes(of: pixels[row * width + column], toByteOffset: column * 4, as: UInt32.self)
      }
    }
    cairo_surface_mark_dirty(surface)
    cairo_surface_write_to_png(surface, path)
  }
}

/// Largest difference between two colors over their channels, 0...255.
public func channelDistance(_ first: RGBColor, _ second: RGBColor) -> Int {
  max(
    abs(Int(first.red) - Int(second.red)), abs(Int(first.green) - Int(second.green)),
    abs(Int(first.blue) - Int(second.blue)))
}
