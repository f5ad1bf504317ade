import Foundation
import Testing

@testable import FlameGraph

@Suite("Smart labels: the longest shorter form that fits, then a meaningful cut")
struct SmartLabelFitterTests {
  static let ellipsis = "\u{2026}"
  static let name = "Basic._subs (sympy/core/basic.py:1285)"

  /// Monospace: 6 points a character at font size 10, 3 points of padding a side.
  static func fitter(
    _ truncation: LabelTruncation = .keepEnd, style: LabelStyle = .smart,
    measurer: any TextMeasurer = MonospaceTextMeasurer(characterWidth: 0.6)
  ) -> LabelFitter {
    LabelFitter(measurer: measurer, fontSize: 10, truncation: truncation, style: style)
  }

  /// The width of a box with room for `characters` monospace characters.
  static func width(_ characters: Int) -> Double { Double(characters) * 6 + 6 }

  static func label(_ name: String, _ characters: Int, _ fitter: LabelFitter = fitter())
    -> FittedText?
  {
    fitter.fit(name, ladder: LabelAbbreviator.ladder(for: name), width: width(characters))
  }

  @Test func theLongestRungThatFitsIsShown() throws {
    #expect(Self.label(Self.name, 38)?.text == Self.name)
    #expect(Self.label(Self.name, 37)?.text == "Basic._subs (basic.py:1285)")
    #expect(Self.label(Self.name, 27)?.text == "Basic._subs (basic.py:1285)")
    #expect(Self.label(Self.name, 26)?.text == "Basic._subs (basic.py)")
    #expect(Self.label(Self.name, 21)?.text == "Basic._subs")
    #expect(Self.label(Self.name, 10)?.text == "_subs")
    let rung = try #require(Self.label(Self.name, 21))
    #expect(rung.isTruncated && !rung.isCut)
  }

  @Test func theDocumentationExampleHolds() {
    let fitter = LabelFitter(
      measurer: MonospaceTextMeasurer(), fontSize: 10, truncation: .keepEnd, style: .smart)
    let name = "ones (numpy/core/numeric.py:232)"
    #expect(
      fitter.fit(name, ladder: LabelAbbreviator.ladder(for: name), width: 120)?.text
        == "ones (numeric.py)")
  }

  @Test func belowTheLastRungItIsCut() throws {
    let cut = try #require(Self.label(Self.name, 4))
    #expect(cut.text == Self.ellipsis + "ubs")
    #expect(cut.isCut)
    #expect(Self.label(Self.name, 4, Self.fitter(.keepStart))?.text == "_su" + Self.ellipsis)
  }

  @Test func aCutKeepsAtLeastThreeCharacters() {
    #expect(Self.label(Self.name, 3) == nil)
    #expect(Self.label("parse_everything", 4)?.text == Self.ellipsis + "ing")
    #expect(Self.label("parse_everything", 3) == nil)
    // Full labels keep their old minimum of two.
    #expect(
      Self.label("parse_everything", 3, Self.fitter(style: .full))?.text == Self.ellipsis + "ng")
  }

  @Test func aCutOfOnlyDigitsAndPunctuationIsNotDrawn() {
    // A name without rungs whose end is digits: `…:1285)` says nothing.
    #expect(Self.label("weird name:1285)", 7) == nil)
    #expect(
      Self.label("weird name:1285)", 7, Self.fitter(style: .full))?.text == Self.ellipsis + ":1285)"
    )
    #expect(
      Self.label("weird name:1285)", 7, Self.fitter(.keepStart))?.text == "weird " + Self.ellipsis)
    // Any non-ASCII character is meaningful.
    #expect(Self.label("x_é-1234", 4)?.text == nil)
    #expect(Self.label("x_é-1234", 7)?.text == Self.ellipsis + "é-1234")
  }

  @Test func aWholeNameOrRungIsAlwaysDrawn() {
    #expect(Self.label("f", 1)?.text == "f")
    #expect(Self.label("42", 2)?.text == "42")
    #expect(
      LabelAbbreviator.ladder(for: "github.com/x/y.(*T).F").rungs.map(\.text) == [
        "y.(*T).F", "(*T).F", "F",
      ])
    #expect(Self.label("github.com/x/y.(*T).F", 1)?.text == "F")
  }

  @Test func fullLabelsIgnoreTheLadder() {
    for characters in 0...40 {
      let full = Self.fitter(style: .full)
      let old = full.fit(Self.name, width: Self.width(characters))
      let new = Self.label(Self.name, characters, full)
      #expect(old?.text == new?.text)
    }
  }

  @Test func measuredFontsPickTheLongestRungThatFits() {
    let fitter = Self.fitter(measurer: ProportionalMeasurer())
    let name = "MulWM.flatten (sympy/core/Mul.py:1285)"
    let ladder = LabelAbbreviator.ladder(for: name)
    #expect(ladder.rungs.count == 4)
    for step in 0...400 {
      let width = Double(step)
      guard let fitted = fitter.fit(name, ladder: ladder, width: width) else { continue }
      let measured = ProportionalMeasurer().width(of: fitted.text[...], fontSize: 10)
      #expect(measured <= width - 6)
      // No longer form would have fitted.
      let forms = [name] + ladder.rungs.map(\.text)
      if let index = forms.firstIndex(of: fitted.text) {
        for longer in forms[..<index] {
          #expect(ProportionalMeasurer().width(of: longer[...], fontSize: 10) > width - 6)
        }
      } else {
        #expect(fitted.isCut)
        #expect(
          ProportionalMeasurer().width(of: (ladder.rungs.last?.text ?? name)[...], fontSize: 10)
            > width - 6)
      }
    }
  }

  @Test func layoutShowsTheFunctionOfEveryFrameWideEnoughForIt() throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../Goldens/inputs/sympy-cpu.folded")
    let profile = try Profile(reading: [.file(url.path)], options: Options())
    let scene = FlameGraphLayout(options: Options()).scene(for: profile)
    var checked = 0
    for frame in scene.frames {
      guard let function = FrameLocation(parsing: frame.name)?.function,
        Double(function.count) * 7.2 + 6 <= frame.width
      else { continue }
      let label = try #require(frame.label)
      #expect(label.text.contains(function), "\(frame.name): \(label.text)")
      checked += 1
    }
    #expect(checked > 20)
  }
}
