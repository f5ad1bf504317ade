/// Makes a source line fit for a frame: tabs expanded to the next multiple
/// of eight columns, indentation and trailing spaces removed, as Python's
/// tracebacks show them.
public enum SourceLineCleaner {
  /// The cleaned line; empty when the line is blank.
  ///
  /// ```swift
  /// SourceLineCleaner.clean("\treturn np.zeros((1024, 1024, 50))\n")
  /// // "return np.zeros((1024, 1024, 50))"
  /// ```
  public static func clean(_ line: String) -> String {
    var expanded = ""
    var column = 0
    for character in line {
      if character == "\t" {
        let spaces = 8 - column % 8
        expanded += String(repeating: " ", count: spaces)
        column += spaces
      } else if character.isNewline {
        continue
      } else if let ascii = character.asciiValue, ascii < 0x20 || ascii == 0x7F {
        expanded.append("\u{FFFD}")
        column += 1
      } else {
        expanded.append(character)
        column += 1
      }
    }
    guard let first = expanded.firstIndex(where: { $0 != " " }) else { return "" }
    let last = expanded.lastIndex(where: { $0 != " " })!
    return String(expanded[first...last])
  }
}
