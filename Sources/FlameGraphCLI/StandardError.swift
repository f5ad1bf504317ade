#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes messages to standard error without Foundation, with every control
/// character escaped.
///
/// Messages quote frame and file names from the profile, which is untrusted:
/// a name holding `ESC[2J` must not clear the user's terminal, and one
/// holding a newline or a bidirectional override must not forge or reorder
/// a line of output.
enum StandardError {
  /// Writes one line: `message`, escaped, then a newline.
  static func writeLine(_ message: String) {
    var line = escaped(message) + "\n"
    line.withUTF8 { bytes in _ = write(STDERR_FILENO, bytes.baseAddress, bytes.count) }
  }

  /// The text with control characters written as escapes: `\n`, `\r`,
  /// `\t`, and `\u{1B}` for the others (C0, DEL, C1, and the Unicode
  /// format characters that reorder text or hide it).
  static func escaped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: needsEscape) else { return text }
    var result = ""
    result.reserveCapacity(text.utf8.count + 8)
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar) else {
        result.unicodeScalars.append(scalar)
        continue
      }
      switch scalar {
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      default: result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      }
    }
    return result
  }

  /// Whether a scalar could move the cursor, change the terminal's state,
  /// or make the text read differently from what it is.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F: return true
    // Line and paragraph separators, bidirectional embeddings, overrides
    // and isolates, and the byte order mark.
    case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0xFEFF: return true
    default: return false
    }
  }
}
