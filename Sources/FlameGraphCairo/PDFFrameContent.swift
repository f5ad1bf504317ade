import FlameGraph

/// The content-stream operators of a scene's frames, as Cairo would draw
/// them (`r g b rg x y w h re f`, or `B` to fill and outline), but printed
/// by ``PDFNumber``: coordinates to 1/1000 of a point (finer than Cairo's
/// own 1/256), colors to 4 decimals (exact once read back as 8 bits), the
/// color left out when it is the previous frame's.
///
/// Every frame is written, however thin, since a PDF is zoomed into; one
/// costs about 40 bytes. Writing them is wrapped in `q` ... `Q`, so that
/// whatever Cairo drew before or draws after sees the graphics state it
/// left.
enum PDFFrameContent {
  /// Decimals of a coordinate.
  static let coordinateDecimals = 3

  /// The most bytes one frame takes: a color (3 channels of at most 6
  /// bytes, spaces, `rg`, a newline), four numbers, spaces and ` re f\n`.
  static let maximumFrameLength = 3 * 7 + 3 + 4 * (PDFNumber.maximumLength + 1) + 6

  /// The frames' operators appended to `output`; false when a number cannot
  /// be written (a frame too far off for a page).
  static func write(
    _ scene: Scene, mapping: PDFPageMapping, to output: inout [UInt8]
  ) -> Bool {
    var prologue: [UInt8] = Array("q\n".utf8)
    if let stroke = scene.frameStroke {
      // A stroke's width is in content units, one for both axes when the
      // page is scaled alike both ways, as Cairo scales it (the markers'
      // scales differ by Cairo's rounding of their sizes, far under 1/1000).
      let xScale = mapping.x.scale.magnitude
      let yScale = mapping.y.scale.magnitude
      guard (xScale - yScale).magnitude <= 1e-3 * xScale else { return false }
      let scale = (xScale + yScale) / 2
      for (index, channel) in [stroke.red, stroke.green, stroke.blue].enumerated() {
        if index > 0 { prologue.append(UInt8(ascii: " ")) }
        prologue += channels[Int(channel)]
      }
      prologue += Array(" RG\n".utf8)
      // Cairo's outline: mitered joins (limit 10), butt caps, no dashes.
      guard PDFNumber.write(scene.frameStrokeWidth * scale, decimals: 4, to: &prologue) else {
        return false
      }
      prologue += Array(" w 0 J 0 j 10 M [] 0 d\n".utf8)
    }
    output += prologue
    let paint: StaticString = scene.frameStroke == nil ? " re f\n" : " re B\n"
    let capacity = scene.frames.count * maximumFrameLength
    let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(capacity, 1))
    defer { buffer.deallocate() }
    var current: RGBColor? = nil
    // Each frame writes at most maximumFrameLength bytes at `end`, so
    // `end` stays within the buffer's capacity.
    var end = 0
    /// Writes one coordinate at `end`, and a space after it unless it is
    /// the last; false when it cannot be written.
    @inline(__always) func number(_ value: Double, then isFollowed: Bool) -> Bool {
      let length = PDFNumber.write(value, decimals: coordinateDecimals, at: buffer + end)
      end += length
      if isFollowed {
        buffer[end] = UInt8(ascii: " ")
        end += 1
      }
      return length > 0
    }
    // Read in place: a copy of each box would retain and release its strings.
    let written = scene.frames.withUnsafeBufferPointer { frames -> Bool in
      for index in frames.indices {
        let x = mapping.x.interval(frames[index].x, frames[index].width)
        let y = mapping.y.interval(frames[index].y, frames[index].height)
        // A box that is not finite is not drawn (Cairo would refuse the path).
        guard x.start.isFinite, x.size.isFinite, y.start.isFinite, y.size.isFinite else {
          continue
        }
        let fill = frames[index].fill
        if fill != current {
          end += writeColor(fill, at: buffer + end)
          current = fill
        }
        // Numbers one at a time: a literal array here would be allocated per frame.
        guard number(x.start, then: true), number(y.start, then: true),
          number(x.size, then: true), number(y.size, then: false)
        else { return false }
        (buffer + end).update(from: paint.utf8Start, count: paint.utf8CodeUnitCount)
        end += paint.utf8CodeUnitCount
      }
      return true
    }
    guard written else { return false }
    output.append(contentsOf: UnsafeBufferPointer(start: buffer, count: end))
    output += Array("Q\n".utf8)
    return true
  }

  /// Writes `r g b rg\n` for a color at `target` and returns its length.
  @inline(__always)
  private static func writeColor(_ color: RGBColor, at target: UnsafeMutablePointer<UInt8>) -> Int {
    var end = 0
    channelBytes.withUnsafeBufferPointer { table in
      @inline(__always) func channel(_ level: UInt8) {
        let entry = Int(level) * channelStride
        let length = Int(table[entry])
        (target + end).update(from: table.baseAddress! + entry + 1, count: length)
        end += length
        target[end] = UInt8(ascii: " ")
        end += 1
      }
      channel(color.red)
      channel(color.green)
      channel(color.blue)
    }
    target[end] = UInt8(ascii: "r")
    target[end + 1] = UInt8(ascii: "g")
    target[end + 2] = UInt8(ascii: "\n")
    return end + 3
  }

  /// Each 8-bit channel as a PDF number from 0 to 1, 4 decimals.
  private static let channels: [[UInt8]] = (0...255).map { level in
    var text: [UInt8] = []
    PDFNumber.write(Double(level) / 255, decimals: 4, to: &text)
    return text
  }

  /// ``channels`` flat: for each level, its length then its (at most 6) bytes.
  private static let channelStride = 8
  private static let channelBytes: [UInt8] = channels.flatMap { text in
    [UInt8(text.count)] + text + [UInt8](repeating: 0, count: channelStride - 1 - text.count)
  }
}
