import Testing

@testable import FlameGraph

@Suite("Palette maps (name->rgb(r,g,b) files)")
struct PaletteMapTests {
  @Test func parsesOneColorPerLine() {
    let map = PaletteMap(parsing: "main->rgb(1,2,3)\nparse->rgb(250,128,0)\n")

    #expect(
      map.colors == [
        "main": RGBColor(red: 1, green: 2, blue: 3),
        "parse": RGBColor(red: 250, green: 128, blue: 0),
      ])
  }

  @Test func theLastArrowSeparatesSoNamesMayContainArrows() {
    let map = PaletteMap(parsing: "Foo->bar (x.c:1)->rgb(9,8,7)\n")
    #expect(map.colors == ["Foo->bar (x.c:1)": RGBColor(red: 9, green: 8, blue: 7)])
  }

  @Test func linesThatDoNotParseAreIgnored() {
    let map = PaletteMap(
      parsing: "junk\n\nmain->rgb(1,2,3)\nnocolor->\nbad->rgb(1,2)\narrowless rgb(1,2,3)\n->")

    #expect(map.colors == ["main": RGBColor(red: 1, green: 2, blue: 3)])
  }

  @Test func theLastLineNeedsNoNewline() {
    let map = PaletteMap(parsing: "a->rgb(1,1,1)\nb->rgb(2,2,2)")
    #expect(map.colors.count == 2)
  }

  @Test func windowsLineEndingsAreAccepted() {
    // A map edited on Windows: CRLF line endings.
    let map = PaletteMap(parsing: "main->rgb(1,2,3)\r\nparse->rgb(4,5,6)\r\n")

    #expect(
      map.colors == [
        "main": RGBColor(red: 1, green: 2, blue: 3),
        "parse": RGBColor(red: 4, green: 5, blue: 6),
      ])
  }

  @Test func serializedIsSortedAndParsesBackToTheSameMap() {
    var map = PaletteMap()
    map.colors["zeta"] = RGBColor(red: 1, green: 2, blue: 3)
    map.colors["alpha (a.py:1)"] = RGBColor(red: 255, green: 0, blue: 128)
    map.colors["x->y"] = RGBColor(red: 0, green: 0, blue: 0)

    #expect(
      map.serialized
        == "alpha (a.py:1)->rgb(255,0,128)\nx->y->rgb(0,0,0)\nzeta->rgb(1,2,3)\n")
    #expect(PaletteMap(parsing: map.serialized) == map)
  }

  @Test func anEmptyMapSerializesToNothing() {
    #expect(PaletteMap().serialized == "")
    #expect(PaletteMap(parsing: "") == PaletteMap())
  }

  @Test func layoutKeepsKnownColorsAndAddsNewNames() throws {
    let fixed = RGBColor(red: 1, green: 2, blue: 3)
    let scene = try layOut("main;parse 2\nmain;render 1\n") {
      $0.paletteMap = PaletteMap(parsing: "main->rgb(1,2,3)\n")
    }

    #expect(try scene.box(named: "main").fill == fixed)
    let map = try #require(scene.paletteMap)
    #expect(map.colors["main"] == fixed)
    #expect(Set(map.colors.keys) == ["all", "main", "parse", "render"])
    // The colors recorded are the colors drawn.
    #expect(try map.colors["parse"] == scene.box(named: "parse").fill)
  }

  @Test func aNameKeepsItsColorAcrossProfiles() throws {
    let first = try layOut("main;parse 2\n") { $0.paletteMap = PaletteMap() }
    let map = try #require(first.paletteMap)
    // Another profile, where `parse` is drawn in a different order.
    let second = try layOut("a;b;c 5\nmain;zzz 1\nmain;parse 1\n") { $0.paletteMap = map }

    #expect(try second.box(named: "parse").fill == first.box(named: "parse").fill)
  }

  @Test func withoutAMapTheSceneHasNone() throws {
    #expect(try layOut("a 1\n").paletteMap == nil)
  }
}
