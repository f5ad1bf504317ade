import Testing

@testable import FlameGraph

@Suite("Parsing colors, backgrounds and minimum widths")
struct OptionParsingTests {
  @Test(
    arguments: [
      ("#abc", RGBColor(red: 0xaa, green: 0xbb, blue: 0xcc)),
      ("#aabbcc", RGBColor(red: 0xaa, green: 0xbb, blue: 0xcc)),
      ("#AABBCC", RGBColor(red: 0xaa, green: 0xbb, blue: 0xcc)),
      ("#ff8000", RGBColor(red: 255, green: 128, blue: 0)),
      ("  #000000\t", RGBColor(red: 0, green: 0, blue: 0)),
      ("rgb(1,2,3)", RGBColor(red: 1, green: 2, blue: 3)),
      ("rgb( 0 , 128 ,255 )", RGBColor(red: 0, green: 128, blue: 255)),
    ])
  func colorsParse(text: String, color: RGBColor) {
    #expect(RGBColor(parsing: text) == color)
  }

  @Test(
    arguments: [
      "", "abc", "red", "#", "#ab", "#abcd", "#abcdefa", "#ggg", "#12345g", "rgb(1,2)",
      "rgb(1,2,3,4)", "rgb(256,0,0)", "rgb(-1,0,0)", "rgb(1,2,3", "rgb(a,b,c)", "1,2,3",
    ])
  func junkIsNotAColor(text: String) {
    #expect(RGBColor(parsing: text) == nil)
  }

  @Test(arguments: ["#+12345", "#-00000", "# 12345"])
  func hexDigitsAreOnlyHexDigits(text: String) {
    // A sign or a space is not a hex digit, whatever an integer parser
    // would make of it.
    #expect(RGBColor(parsing: text) == nil)
  }

  @Test func aWindowsLineEndingAfterAColorIsWhitespace() {
    // "\r\n" is a single Character in Swift, neither "\r" nor "\n".
    #expect(RGBColor(parsing: "#abcdef\r\n") == RGBColor(red: 0xab, green: 0xcd, blue: 0xef))
    #expect(RGBColor(parsing: "rgb(1,2,3)\r\n") == RGBColor(red: 1, green: 2, blue: 3))
  }

  @Test func colorsPrintAsHexAndAsRGB() {
    let color = RGBColor(red: 1, green: 171, blue: 255)
    #expect(color.hex == "#01abff")
    #expect(color.description == "rgb(1,171,255)")
    #expect(RGBColor(parsing: color.hex) == color)
    #expect(RGBColor(parsing: color.description) == color)
  }

  @Test func clampingRoundsAndLimitsChannels() {
    #expect(
      RGBColor(clampingRed: -20, green: 127.6, blue: 300) == RGBColor(red: 0, green: 128, blue: 255)
    )
  }

  @Test func luminanceRunsFromBlackToWhite() {
    #expect(RGBColor.black.luminance == 0)
    #expect(abs(RGBColor.white.luminance - 1) < 1e-9)
    // Green looks brighter than blue.
    let green = RGBColor(red: 0, green: 255, blue: 0)
    let blue = RGBColor(red: 0, green: 0, blue: 255)
    #expect(green.luminance > blue.luminance)
  }

  @Test func backgroundsParseByNameOrColor() {
    #expect(Background(parsing: "yellow") == .yellowGradient)
    #expect(Background(parsing: "blue") == .blueGradient)
    #expect(Background(parsing: "green") == .greenGradient)
    #expect(Background(parsing: "grey") == .greyGradient)
    #expect(Background(parsing: "Gray") == .greyGradient)
    #expect(Background(parsing: "#f0f0f0") == .solid(RGBColor(red: 0xf0, green: 0xf0, blue: 0xf0)))
    #expect(Background(parsing: "rgb(1,2,3)") == .solid(RGBColor(red: 1, green: 2, blue: 3)))
    #expect(Background(parsing: "purple-ish") == nil)
    #expect(Background(parsing: "") == nil)
  }

  @Test func minimumWidthsParseAsPercentUnlessInPixels() {
    // A bare number is a percentage, as inferno reads it.
    #expect(MinimumWidth(parsing: "0.1") == .percent(0.1))
    #expect(MinimumWidth(parsing: "3") == .percent(3))
    #expect(MinimumWidth(parsing: "0.1px") == .points(0.1))
    #expect(MinimumWidth(parsing: "3PX") == .points(3))
    #expect(MinimumWidth(parsing: "0px") == .points(0))
    #expect(MinimumWidth(parsing: "2%") == .percent(2))
    #expect(MinimumWidth(parsing: "0.5%") == .percent(0.5))
  }

  @Test(arguments: [
    "-1", "-1%", "abc", "%", "", "2%%", "nan", "inf", "1e999", "px", "-1px", "2%px", "2px%",
  ])
  func invalidMinimumWidthsAreRejected(text: String) {
    #expect(MinimumWidth(parsing: text) == nil)
  }

  @Test func defaultOptionsAreDocumented() {
    let options = Options()
    #expect(options.imageWidth == 1200)
    #expect(options.frameHeight == 16)
    #expect(options.minimumWidth == .points(0.1))
    #expect(options.fontSize == 12)
    #expect(options.fontWidth == 0.6)
    #expect(options.countName == nil)  // the profile's unit
    #expect(options.nameType == "Function:")
    #expect(options.labelTruncation == .keepEnd)
    #expect(options.palette == .hot)
    #expect(options.colorKeying == .seeded)
    #expect(options.merging == .byName)
    #expect(options.direction == .flame)
    #expect(options.factor == 1)
    #expect(!options.strict)
  }
}
