/// Colors fixed per frame name, kept across runs (`palette.map`, `--cp`).
///
/// The file holds one `name->rgb(r,g,b)` line per name, as flamegraph.pl
/// and inferno write it, so their files keep working. Names already in the
/// map keep their color; new names get the palette's color and are added.
///
/// A name is written as it is, except for the characters that could end a
/// line or hide one (control characters such as `\n`, `\r` and `\t`, DEL,
/// U+0085, U+2028, U+2029), which are written `\u{HEX}`: `\u{D}`,
/// `\u{2028}`. A backslash is escaped (`\u{5C}`) only before `u{`. A name
/// from the profile can thus never split its line and recolor another
/// frame, and names with backslashes (`C:\new\app.py`) read and write as
/// they always have.
///
/// ```swift
/// var map = PaletteMap()
/// map.colors["main\u{2028}other"] = RGBColor(red: 1, green: 2, blue: 3)
/// map.serialized  // "main\\u{2028}other->rgb(1,2,3)\n"
/// ```
public struct PaletteMap: Sendable, Equatable {
  /// The colors by frame name.
  public var colors: [String: RGBColor] = [:]

  /// An empty map.
  public init() {}

  /// Parses a palette.map file's text; lines that do not parse are ignored.
  ///
  /// Lines end at `\n` (a `\r` before it is dropped), as flamegraph.pl
  /// reads them: any other character, escaped or not, belongs to the name.
  public init(parsing text: String) {
    for rawLine in text.utf8.split(separator: UInt8(ascii: "\n")) {
      var line = rawLine
      if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
      // The last arrow separates: a name may itself contain "->".
      let bytes = Array(line)
      guard
        let arrow = stride(from: bytes.count - 2, through: 0, by: -1).first(where: {
          bytes[$0] == UInt8(ascii: "-") && bytes[$0 + 1] == UInt8(ascii: ">")
        })
      else { continue }
      let name = Self.unescaped(String(decoding: bytes[..<arrow], as: UTF8.self))
      if let color = RGBColor(parsing: String(decoding: bytes[(arrow + 2)...], as: UTF8.self)) {
        colors[name] = color
      }
    }
  }

  /// The file text: one line per name, sorted, so the file diffs well.
  public var serialized: String {
    colors.keys.sorted().map { "\(Self.escaped($0))->\(colors[$0]!)\n" }.joined()
  }

  /// Whether a character must be written as an escape: it could end a line
  /// (for this parser, a text editor or a terminal) or is invisible.
  static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// `name` with the characters that could break its line written as
  /// `\u{HEX}`, and a backslash that precedes `u{` written as `\u{5C}`.
  static func escaped(_ name: String) -> String {
    let scalars = Array(name.unicodeScalars)
    guard scalars.contains(where: { needsEscape($0) || $0 == "\\" }) else { return name }
    var result = ""
    result.reserveCapacity(name.utf8.count + 8)
    for (index, scalar) in scalars.enumerated() {
      let beginsEscape =
        scalar == "\\" && index + 2 < scalars.count && scalars[index + 1] == "u"
        && scalars[index + 2] == "{"
      if needsEscape(scalar) || beginsEscape {
        result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// Reads back what ``escaped(_:)`` wrote: `\u{HEX}` (1 to 6 hex digits)
  /// is that character; any other backslash is kept as it is, so the names
  /// in older files (`C:\new\app.py`) read unchanged.
  static func unescaped(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    let scalars = Array(text.unicodeScalars)
    var result = String.UnicodeScalarView()
    var index = 0
    while index < scalars.count {
      if scalars[index] == "\\", index + 1 < scalars.count, scalars[index + 1] == "u",
        let (decoded, length) = hexEscape(scalars, from: index + 2)
      {
        result.append(decoded)
        index += 2 + length
      } else {
        result.append(scalars[index])
        index += 1
      }
    }
    return String(result)
  }

  /// The scalar of `{HEX}` at `start` (1 to 6 hex digits) and the count of
  /// characters from `{` to `}`, or nil.
  private static func hexEscape(
    _ scalars: [Unicode.Scalar], from start: Int
  ) -> (Unicode.Scalar, Int)? {
    guard start < scalars.count, scalars[start] == "{" else { return nil }
    var value: UInt32 = 0
    var index = start + 1
    while index < scalars.count, index - start <= 6, let digit = hexDigit(scalars[index]) {
      value = value * 16 + digit
      index += 1
    }
    guard index > start + 1, index < scalars.count, scalars[index] == "}",
      let decoded = Unicode.Scalar(value)
    else { return nil }
    return (decoded, index - start + 1)
  }

  private static func hexDigit(_ scalar: Unicode.Scalar) -> UInt32? {
    switch scalar.value {
    case 0x30...0x39: return scalar.value - 0x30
    case 0x41...0x46: return scalar.value - 0x41 + 10
    case 0x61...0x66: return scalar.value - 0x61 + 10
    default: return nil
    }
  }
}
