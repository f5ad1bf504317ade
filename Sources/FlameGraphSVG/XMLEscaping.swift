import FlameGraph

extension ByteWriter {
  /// Appends text escaped for XML content and attribute values.
  ///
  /// `&`, `<`, `>` and both quotes become entities (so `]]>` and attribute
  /// breakouts are impossible); characters XML 1.0 forbids (C0 controls other
  /// than tab, newline and carriage return, and U+FFFE, U+FFFF) become U+FFFD;
  /// tab, newline and carriage return become character references so that
  /// attribute normalization keeps them. Works on the UTF-8 bytes: Swift
  /// strings are always valid UTF-8, so only these bytes need a look.
  func writeEscaped(_ text: String) {
    var text = text
    Self.mayNeedXMLEscape.withUnsafeBufferPointer { mayNeedEscape in
      text.withUTF8 { bytes in
        var index = 0
        var runStart = 0
        while index < bytes.count {
          let byte = bytes[index]
          // Most bytes need no replacement: one table look-up tells.
          guard mayNeedEscape[Int(byte)] else {
            index += 1
            continue
          }
          let replacement: StaticString?
          var width = 1
          switch byte {
          case UInt8(ascii: "&"): replacement = "&amp;"
          case UInt8(ascii: "<"): replacement = "&lt;"
          case UInt8(ascii: ">"): replacement = "&gt;"
          case UInt8(ascii: "\""): replacement = "&quot;"
          case UInt8(ascii: "'"): replacement = "&#39;"
          case 0x09: replacement = "&#9;"
          case 0x0A: replacement = "&#10;"
          case 0x0D: replacement = "&#13;"
          case 0x00..<0x20: replacement = "\u{FFFD}"
          case 0xEF
          where index + 2 < bytes.count && bytes[index + 1] == 0xBF
            && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
            // U+FFFE and U+FFFF.
            replacement = "\u{FFFD}"
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
    }
  }

  /// The bytes that may start a replacement: controls, `&`, `<`, `>`, both
  /// quotes, and the lead byte of U+FFFE and U+FFFF.
  private static let mayNeedXMLEscape: [Bool] = (0..<256).map { byte in
    byte < 0x20 || [0x26, 0x3C, 0x3E, 0x22, 0x27, 0xEF].contains(byte)
  }
}

extension ByteWriter {
  /// Appends ` name="value"` for a number, the way every SVG coordinate is
  /// written.
  @inline(__always)
  func writeAttribute(_ name: StaticString, _ value: Double) {
    write(byte: UInt8(ascii: " "))
    write(name)
    write(byte: UInt8(ascii: "="))
    write(byte: UInt8(ascii: "\""))
    write(number: value)
    write(byte: UInt8(ascii: "\""))
  }

  /// Appends ` name="#rrggbb"`.
  @inline(__always)
  func writeAttribute(_ name: StaticString, _ color: RGBColor) {
    write(byte: UInt8(ascii: " "))
    write(name)
    write(byte: UInt8(ascii: "="))
    write(byte: UInt8(ascii: "\""))
    write(hexColor: color)
    write(byte: UInt8(ascii: "\""))
  }
}
