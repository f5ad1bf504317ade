import FlameGraph

extension ByteWriter {
  /// Appends text escaped for XML content and attribute values.
  ///
  /// `&`, `<`, `>` and both quotes become entities (so `]]>` and attribute
  /// breakouts are impossible); characters XML 1.0 forbids (C0 controls other
  /// than tab, newline and carriage return, and U+FFFE, U+FFFF) become U+FFFD;
  /// tab, newline and carriage return become character references so that
  /// attribute normalization keeps them.
  func writeEscaped(_ text: String) {
    var needsEscaping = false
    for byte in text.utf8 where byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E
      || byte == 0x22 || byte == 0x27 || byte == 0xEF
    {
      needsEscaping = true
      break
    }
    guard needsEscaping else {
      write(text)
      return
    }
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": write("&amp;")
      case "<": write("&lt;")
      case ">": write("&gt;")
      case "\"": write("&quot;")
      case "'": write("&#39;")
      case "\t": write("&#9;")
      case "\n": write("&#10;")
      case "\r": write("&#13;")
      case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": write("\u{FFFD}")
      default: write(bytes: String(scalar).utf8)
      }
    }
  }
}
