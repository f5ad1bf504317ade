import FlameGraph

extension ByteWriter {
  /// Appends a JSON string literal, quotes included.
  ///
  /// Quotes, backslashes and control characters are escaped; everything else,
  /// non-BMP characters included, is written as UTF-8, which JSON allows.
  /// U+2028 and U+2029 are escaped too, so the output is also valid
  /// JavaScript.
  func writeJSONString(_ text: String) {
    write(byte: UInt8(ascii: "\""))
    var text = text
    text.withUTF8 { bytes in
      var runStart = 0
      var index = 0
      let hex: StaticString = "0123456789abcdef"
      while index < bytes.count {
        let byte = bytes[index]
        var escape: [UInt8]?
        var width = 1
        switch byte {
        case UInt8(ascii: "\""): escape = Array("\\\"".utf8)
        case UInt8(ascii: "\\"): escape = Array("\\\\".utf8)
        case 0x0A: escape = Array("\\n".utf8)
        case 0x0D: escape = Array("\\r".utf8)
        case 0x09: escape = Array("\\t".utf8)
        case 0x00..<0x20:
          escape =
            Array("\\u00".utf8) + [hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xf)]]
        case 0xE2
        where index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          width = 3
        default: break
        }
        if let escape {
          write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          write(bytes: escape)
          index += width
          runStart = index
        } else {
          index += 1
        }
      }
      write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    }
    write(byte: UInt8(ascii: "\""))
  }
}
