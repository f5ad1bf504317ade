import CCairo
import FlameGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes the pixels of a Cairo `RGB24` image surface as a PNG file: 8-bit
/// RGB, not interlaced.
///
/// It replaces `cairo_surface_write_to_png_stream`, whose libpng defaults
/// try every row filter on every row and compress hard, which costs four
/// times the drawing of a large graph. A flame graph's rows mostly repeat
/// the row above (a frame is many pixel rows of one color): such a row is
/// written with the Up filter, as zeros, and any other row unfiltered,
/// which deflate at a low level compresses about as well as libpng's
/// adaptive choice (the file is within a third of Cairo's size) for a
/// fraction of the work. The pixels decoded are the same.
enum PNGEncoder {
  /// zlib's level: higher levels cost twice the time for a file a sixth smaller.
  static let compressionLevel: Int32 = 2
  /// The size of each IDAT chunk's data.
  static let chunkSize = 1 << 16

  /// Encodes the surface, which must be a finished (flushed) `RGB24` image.
  static func write(_ surface: OpaquePointer, to writer: ByteWriter) throws {
    let width = Int(cairo_image_surface_get_width(surface))
    let height = Int(cairo_image_surface_get_height(surface))
    let stride = Int(cairo_image_surface_get_stride(surface))
    guard cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24, width > 0, height > 0,
      let data = cairo_image_surface_get_data(surface)
    else { throw CairoError(message: "cairo: the image to encode is not an RGB image") }
    writer.write(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    var header = [UInt8]()
    header.appendBigEndian(UInt32(width))
    header.appendBigEndian(UInt32(height))
    header += [8, 2, 0, 0, 0]  // 8 bits, RGB, deflate, adaptive filters, no interlace
    writeChunk("IHDR", header, to: writer)
    try writeImageData(
      UnsafeRawPointer(data), width: width, height: height, stride: stride, to: writer)
    writeChunk("IEND", [], to: writer)
  }

  /// Deflates the filtered rows into IDAT chunks.
  private static func writeImageData(
    _ pixels: UnsafeRawPointer, width: Int, height: Int, stride: Int, to writer: ByteWriter
  ) throws {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, compressionLevel, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { throw CairoError(message: "zlib: cannot start compressing the image") }
    defer { deflateEnd(&stream) }
    let rowLength = 1 + width * 3
    var row = [UInt8](repeating: 0, count: rowLength)
    // The Up filter's row for a row that repeats the one above: every
    // difference is zero.
    var repeatedRow = [UInt8](repeating: 0, count: rowLength)
    repeatedRow[0] = 2
    var output = Output()
    for y in 0..<height {
      // Rows are `stride` bytes apart and hold `width` native 32-bit words
      // (`stride` is at least `4 * width`), so both rows compared and the
      // row read lie inside the surface.
      let words = (pixels + y * stride).assumingMemoryBound(to: UInt32.self)
      if y > 0, memcmp(pixels + (y - 1) * stride, words, width * 4) == 0 {
        try deflate(&repeatedRow, &stream, &output, flush: Z_NO_FLUSH, to: writer)
        continue
      }
      row.withUnsafeMutableBufferPointer { bytes in
        // RGB24 keeps each pixel as 0x00RRGGBB; row[0] stays 0, no filter.
        var index = 1
        for x in 0..<width {
          let pixel = words[x]
          bytes[index] = UInt8(truncatingIfNeeded: pixel >> 16)
          bytes[index + 1] = UInt8(truncatingIfNeeded: pixel >> 8)
          bytes[index + 2] = UInt8(truncatingIfNeeded: pixel)
          index += 3
        }
      }
      try deflate(&row, &stream, &output, flush: Z_NO_FLUSH, to: writer)
    }
    var nothing = [UInt8]()
    try deflate(&nothing, &stream, &output, flush: Z_FINISH, to: writer)
  }

  /// Feeds `input` to the stream, writing an IDAT chunk whenever
  /// `output` is full, and what is left once `Z_FINISH` ends the stream.
  private static func deflate(
    _ input: inout [UInt8], _ stream: inout z_stream, _ output: inout Output, flush: Int32,
    to writer: ByteWriter
  ) throws {
    try input.withUnsafeMutableBufferPointer { input in
      stream.next_in = input.baseAddress
      stream.avail_in = UInt32(input.count)
      defer { stream.next_in = nil }
      while true {
        let capacity = output.bytes.count
        let filled = output.filled
        let status = output.bytes.withUnsafeMutableBufferPointer { out in
          stream.next_out = out.baseAddress! + filled
          stream.avail_out = UInt32(capacity - filled)
          return CCairo.deflate(&stream, flush)
        }
        stream.next_out = nil
        output.filled = capacity - Int(stream.avail_out)
        // Z_BUF_ERROR only says that no progress was possible.
        guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
          throw CairoError(message: "zlib: compressing the image failed")
        }
        if output.filled == capacity || status == Z_STREAM_END {
          writeChunk("IDAT", output.bytes[0..<output.filled], to: writer)
          output.filled = 0
        }
        if status == Z_STREAM_END { return }
        if flush == Z_FINISH, status == Z_BUF_ERROR {
          throw CairoError(message: "zlib: compressing the image failed")
        }
        // zlib leaves room in the output only once it has taken all the input.
        if flush != Z_FINISH, stream.avail_out != 0 { return }
      }
    }
  }

  /// The compressed bytes not yet written as a chunk.
  private struct Output {
    var bytes = [UInt8](repeating: 0, count: chunkSize)
    var filled = 0
  }

  /// A chunk: length, type, data, and the CRC of type and data.
  private static func writeChunk<Data: Collection>(
    _ type: StaticString, _ data: Data, to writer: ByteWriter
  ) where Data.Element == UInt8 {
    var typed = [UInt8]()
    typed.reserveCapacity(4 + data.count)
    typed.append(contentsOf: UnsafeBufferPointer(start: type.utf8Start, count: 4))
    typed.append(contentsOf: data)
    var length = [UInt8]()
    length.appendBigEndian(UInt32(data.count))
    writer.write(bytes: length)
    writer.write(bytes: typed)
    let checksum = typed.withUnsafeBufferPointer { crc32(0, $0.baseAddress, UInt32($0.count)) }
    var crc = [UInt8]()
    crc.appendBigEndian(UInt32(checksum))
    writer.write(bytes: crc)
  }
}

extension Array where Element == UInt8 {
  fileprivate mutating func appendBigEndian(_ value: UInt32) {
    append(contentsOf: [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) })
  }
}
