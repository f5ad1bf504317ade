extension ByteWriter {
  /// Where a JSON string literal goes, which decides what it must escape.
  public enum JSONStringContext: Sendable {
    /// A JSON document. Control characters become `\u00XX`; U+2028 and
    /// U+2029 are escaped too, so the output is also valid JavaScript.
    case document
    /// A JSON block inside an XML element (the SVG's viewer data). `<`, `>`
    /// and `&` become `\u003c`, `\u003e` and `\u0026`, so the block holds no
    /// markup, entity or `]]>`; control characters, U+FFFE and U+FFFF become
    /// U+FFFD, as the document's titles and labels show them.
    case markup
  }

  /// Appends a JSON string literal, quotes included.
  ///
  /// Everything not escaped, non-BMP characters included, is written as
  /// UTF-8, which JSON allows.
  public func writeJSONString(_ text: String, for context: JSONStringContext = .document) {
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
            context == .markup
            ? Array("\\ufffd".utf8)
            : Array("\\u00".utf8) + [hex.utf8Start[Int(byte >> 4)], hex.utf8Start[Int(byte & 0xf)]]
        case UInt8(ascii: "<") where context == .markup: escape = Array("\\u003c".utf8)
        case UInt8(ascii: ">") where context == .markup: escape = Array("\\u003e".utf8)
        case UInt8(ascii: "&") where context == .markup: escape = Array("\\u0026".utf8)
        case 0xEF
        where context == .markup && index + 2 < bytes.count && bytes[index + 1] == 0xBF
          && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
          escape = Array("\\ufffd".utf8)
          width = 3
        case 0xE2
        where context == .document && index + 2 < bytes.count && bytes[index + 1] == 0x80
          && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
          escape = Array((bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029").utf8)
          width = 3
        default: break
        }
        if let escape {
          write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          escape.withUnsafeBufferPointer { write(bytes: $0) }
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
