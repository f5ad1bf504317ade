#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of one source file and where its lines start.
///
/// Lines end at `\n`, `\r\n` or `\r`, as Python counts them. Only every
/// 32nd line start is kept, so the index costs at most an eighth of the
/// file's size whatever its lines; a lookup walks at most 31 lines from
/// the nearest kept start.
struct SourceFileText {
  /// Bytes examined for a NUL to call a file binary.
  static let binaryProbeLength = 8192
  private static let checkpointStride = 32

  let bytes: [UInt8]
  /// The start of lines 1, 33, 65...
  private let checkpoints: [Int]
  /// How many lines the file has (a last line without an ending counts).
  let lineCount: Int

  init(bytes: [UInt8]) {
    self.bytes = bytes
    var checkpoints = [0]
    var count = 0
    var index = 0
    bytes.withUnsafeBufferPointer { buffer in
      while index < buffer.count {
        let byte = buffer[index]
        index += 1
        guard byte == 0x0A || byte == 0x0D else { continue }
        if byte == 0x0D, index < buffer.count, buffer[index] == 0x0A { index += 1 }
        count += 1
        if count % Self.checkpointStride == 0, index < buffer.count { checkpoints.append(index) }
      }
    }
    // A last line without an ending is a line; an empty file has none.
    if let last = bytes.last, last != 0x0A, last != 0x0D { count += 1 }
    self.checkpoints = checkpoints
    lineCount = count
  }

  /// Whether the first block holds a NUL byte.
  static func looksBinary(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.prefix(binaryProbeLength).contains(0)
  }

  /// Line `number` (1-based) without its ending, cut to `maximumBytes` at
  /// a character boundary (with `…` after the cut); nil when out of range.
  func line(_ number: Int, maximumBytes: Int) -> String? {
    guard number >= 1, number <= lineCount else { return nil }
    return bytes.withUnsafeBufferPointer { buffer -> String in
      let checkpoint = (number - 1) / Self.checkpointStride
      var start = checkpoints[checkpoint]
      for _ in 0..<((number - 1) % Self.checkpointStride) {
        start = Self.endOfLine(in: buffer, from: start).next
      }
      var end = Self.endOfLine(in: buffer, from: start).end
      // Python ignores a byte order mark at the start of a file.
      if start == 0, end >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF {
        start = 3
      }
      guard end - start > maximumBytes else {
        return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
      }
      end = start + maximumBytes
      // Back off continuation bytes so no character is cut in two.
      while end > start, buffer[end] & 0xC0 == 0x80 { end -= 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        + "\u{2026}"
    }
  }

  /// The end of the line starting at `start` and the start of the next.
  private static func endOfLine(in buffer: UnsafeBufferPointer<UInt8>, from start: Int)
    -> (end: Int, next: Int)
  {
    var index = start
    while index < buffer.count {
      let byte = buffer[index]
      if byte == 0x0A { return (index, index + 1) }
      if byte == 0x0D {
        let next = index + 1 < buffer.count && buffer[index + 1] == 0x0A ? index + 2 : index + 1
        return (index, next)
      }
      index += 1
    }
    return (index, index)
  }
}
