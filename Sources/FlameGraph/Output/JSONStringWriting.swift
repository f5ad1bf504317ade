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
    var text = text
    text.withUTF8 { writeJSONString(utf8: $0, for: context) }
  }

  /// Appends a JSON string literal of valid UTF-8 bytes, quotes included,
  /// as ``writeJSONString(_:for:)`` writes the string of those bytes.
  package func writeJSONString(
    utf8 bytes: UnsafeBufferPointer<UInt8>, for context: JSONStringContext
  ) {
    write(byte: UInt8(ascii: "\""))
    var runStart = 0
    var index = 0
    let markup = context == .markup
    // Read once: the static's accessor is not free per byte.
    let mayNeedEscape = Self.mayNeedEscape
    while index < bytes.count {
      let byte = bytes[index]
      // Most bytes need no escape: one table look-up tells.
      guard mayNeedEscape[Int(byte)] else {
        index += 1
        continue
      }
      let escape: StaticString?
      var width = 1
      switch byte {
      case UInt8(ascii: "\""): escape = "\\\""
      case UInt8(ascii: "\\"): escape = "\\\\"
      case 0x0A: escape = "\\n"
      case 0x0D: escape = "\\r"
      case 0x09: escape = "\\t"
      case 0x00..<0x20: escape = markup ? "\\ufffd" : nil
      case UInt8(ascii: "<"): escape = markup ? "\\u003c" : nil
      case UInt8(ascii: ">"): escape = markup ? "\\u003e" : nil
      case UInt8(ascii: "&"): escape = markup ? "\\u0026" : nil
      case 0xEF
      where markup && index + 2 < bytes.count && bytes[index + 1] == 0xBF
        && (bytes[index + 2] == 0xBE || bytes[index + 2] == 0xBF):
        escape = "\\ufffd"
        width = 3
      case 0xE2
      where !markup && index + 2 < bytes.count && bytes[index + 1] == 0x80
        && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
        escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
        width = 3
      default: escape = nil
      }
      let isControl = byte < 0x20 && escape == nil
      guard escape != nil || isControl else {
        index += 1
        continue
      }
      write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
      if let escape {
        write(escape)
      } else {
        // A control character in a document: `\u00XX`.
        let hex: StaticString = "0123456789abcdef"
        write("\\u00")
        write(byte: hex.utf8Start[Int(byte >> 4)])
        write(byte: hex.utf8Start[Int(byte & 0xf)])
      }
      index += width
      runStart = index
    }
    write(bytes: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
    write(byte: UInt8(ascii: "\""))
  }

  /// The bytes that may start an escape in some context: controls, `"`,
  /// `\\`, `<`, `>`, `&`, and the lead bytes of U+2028, U+2029, U+FFFE
  /// and U+FFFF.
  private static let mayNeedEscape: [Bool] = (0..<256).map { byte in
    byte < 0x20 || [0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xE2, 0xEF].contains(byte)
  }
}
