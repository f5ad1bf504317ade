import FlameGraph

extension ByteWriter {
  /// Appends `text` as a JSON string literal that is also plain XML
  /// character data, for a JSON block inside an SVG element.
  ///
  /// Besides JSON's own escapes, `<`, `>` and `&` become `\u003c`, `\u003e`
  /// and `\u0026`, so the block holds no markup, no entity and no `]]>`,
  /// whatever the names. Control characters other than tab, newline and
  /// carriage return, and U+FFFE and U+FFFF, become U+FFFD, as in the
  /// document's titles and labels (see ``writeEscaped(_:)``).
  func writeJSONString(_ text: String) {
    var text = text
    write(byte: UInt8(ascii: "\""))
    text.withUTF8 { bytes in
      var index = 0
      var runStart = 0
      while index < bytes.count {
        let byte = bytes[index]
        let replacement: StaticString?
        var width = 1
        switch byte {
        case UInt8(ascii: "\""): replacement = "\\\""
        case UInt8(ascii: "\\"): replacement = "\\\\"
        case UInt8(ascii: "<"): replacement = "\\u003c"
        case UInt8(ascii: ">"): replacement = "\\u003e"
        case UInt8(ascii: "&"): replacement = "\\u0026"
        case 0x09: replacement = "\\t"
        case 0x0A: replacement = "\\n"
        case 0x0D: replacement = "\\r"
        case 0x00..<0x20: replacement = "\\ufffd"
        case 0xEF
        where index + 2 < bytes.count && bytes[index + 1] == 0xBF
          && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
          replacement = "\\ufffd"
          width = 3
        default: replacement = nil
        }
        if let replacement {
          write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
          write(
            bytes: UnsafeBufferPointer(
              start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
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

  /// Appends a number as JSON that reads back as exactly `value`: whole
  /// numbers as integers, others in Swift's shortest round-trip form.
  func writeJSONNumber(_ value: Double) {
    guard value.isFinite else {
      write(byte: UInt8(ascii: "0"))
      return
    }
    // Below 2^53 every whole number is exact as an integer.
    if value == value.rounded(.towardZero) && abs(value) < 9_007_199_254_740_992 {
      writeJSONInteger(Int(value))
    } else {
      write(String(value))
    }
  }

  /// Appends an integer as JSON.
  func writeJSONInteger(_ value: Int) {
    if value < 0 { write(byte: UInt8(ascii: "-")) }
    writeInteger(Int64(value.magnitude))
  }

  /// Appends `[a,b,c]`.
  func writeJSONArray<Values: Sequence>(_ values: Values, _ element: (Values.Element) -> Void) {
    write(byte: UInt8(ascii: "["))
    var first = true
    for value in values {
      if !first { write(byte: UInt8(ascii: ",")) }
      first = false
      element(value)
    }
    write(byte: UInt8(ascii: "]"))
  }
}
