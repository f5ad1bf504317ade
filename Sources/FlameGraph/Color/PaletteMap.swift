/// Colors fixed per frame name, kept across runs (`palette.map`, `--cp`).
///
/// The file holds one `name->rgb(r,g,b)` line per name, as flamegraph.pl
/// writes it. Names already in the map keep their color; new names get the
/// palette's color and are added.
public struct PaletteMap: Sendable, Equatable {
  /// The colors by frame name.
  public var colors: [String: RGBColor] = [:]

  /// An empty map.
  public init() {}

  /// Parses a palette.map file's text; lines that do not parse are ignored.
  public init(parsing text: String) {
    // Character.isNewline also covers "\r\n", a single Character in Swift.
    for line in text.split(whereSeparator: \.isNewline) {
      // The last arrow separates: a name may itself contain "->".
      let bytes = Array(line.utf8)
      guard
        let arrow = stride(from: bytes.count - 2, through: 0, by: -1).first(where: {
          bytes[$0] == UInt8(ascii: "-") && bytes[$0 + 1] == UInt8(ascii: ">")
        })
      else { continue }
      let name = String(decoding: bytes[..<arrow], as: UTF8.self)
      if let color = RGBColor(parsing: String(decoding: bytes[(arrow + 2)...], as: UTF8.self)) {
        colors[name] = color
      }
    }
  }

  /// The file text: one line per name, sorted, so the file diffs well.
  public var serialized: String {
    colors.keys.sorted().map { "\($0)->\(colors[$0]!)\n" }.joined()
  }
}
