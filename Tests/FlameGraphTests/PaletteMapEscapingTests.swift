import Testing

@testable import FlameGraph

/// A frame name in palette.map can never split its line and recolor another
/// frame, and the files of flamegraph.pl and inferno still read as before.
@Suite("Palette map names with line breaks and backslashes")
struct PaletteMapEscapingTests {
  static let otherColor = RGBColor(red: 10, green: 20, blue: 30)
  static let evilColor = RGBColor(red: 1, green: 2, blue: 3)

  /// Names that would end a line for this parser, an editor or a terminal.
  static let hostileNames = [
    "zzz\rother", "zzz\rother->rgb(1,2,3)", "\rother->rgb(1,2,3)", "zzz\nother", "zzz\r\nother",
    "zzz\u{85}other", "zzz\u{2028}other", "zzz\u{2029}other", "zzz\u{0B}other", "zzz\u{0C}other",
    "tab\there", "nul\u{0}byte",
  ]

  @Test(arguments: hostileNames)
  func aNameWithALineBreakDoesNotRecolorAnotherFrame(name: String) {
    var map = PaletteMap()
    map.colors["other"] = Self.otherColor
    map.colors[name] = Self.evilColor

    let text = map.serialized
    let reread = PaletteMap(parsing: text)

    #expect(reread.colors["other"] == Self.otherColor)
    #expect(reread == map)
    // One line per name, whatever counts as a line end.
    #expect(text.split(whereSeparator: \.isNewline).count == 2)
    #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
  }

  @Test func escapesAreReadable() {
    var map = PaletteMap()
    map.colors["a\u{2028}b\rc"] = Self.evilColor
    #expect(map.serialized == "a\\u{2028}b\\u{D}c->rgb(1,2,3)\n")
  }

  @Test(arguments: [
    #"C:\new\app.py:12 (main)"#, #"C:\users\tests\x.py"#, #"trailing\"#, #"\\server\share"#,
    #"looks\u{41}escaped"#, #"\u{2028}"#, #"\\u{5C}"#, "back\\\nslash before a newline",
  ])
  func backslashesRoundTrip(name: String) {
    var map = PaletteMap()
    map.colors[name] = Self.evilColor
    #expect(PaletteMap(parsing: map.serialized) == map)
  }

  @Test func namesWithoutLineBreaksAreWrittenAsFlamegraphPlWritesThem() {
    var map = PaletteMap()
    map.colors[#"C:\new\app.py:12 (main)"#] = Self.evilColor
    map.colors["ünïcode ✓ -> arrow"] = Self.otherColor
    #expect(
      map.serialized
        == "C:\\new\\app.py:12 (main)->rgb(1,2,3)\nünïcode ✓ -> arrow->rgb(10,20,30)\n")
  }

  @Test func filesOfFlamegraphPlAndInfernoReadAsBefore() {
    let text = """
      C:\\new\\tests\\app.py:12 (main)->rgb(1,2,3)
      perl::main->rgb(225,108,30)
      with\u{2028}separator->rgb(4,5,6)
      crlf->rgb(7,8,9)\r

      """
    let map = PaletteMap(parsing: text)
    #expect(
      map.colors == [
        #"C:\new\tests\app.py:12 (main)"#: RGBColor(red: 1, green: 2, blue: 3),
        "perl::main": RGBColor(red: 225, green: 108, blue: 30),
        // An unescaped separator in an old file belongs to the name, as it
        // does for flamegraph.pl, which splits lines at \n only.
        "with\u{2028}separator": RGBColor(red: 4, green: 5, blue: 6),
        "crlf": RGBColor(red: 7, green: 8, blue: 9),
      ])
  }
}
