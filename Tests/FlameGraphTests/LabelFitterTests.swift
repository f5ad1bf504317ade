import Foundation
import Testing

@testable import FlameGraph

/// A proportional font: `W` and `M` are twice as wide as other characters.
struct ProportionalMeasurer: TextMeasurer {
  func width(of text: Substring, fontSize: Double) -> Double {
    text.reduce(0) { $0 + ($1 == "W" || $1 == "M" ? 1.0 : 0.5) * fontSize }
  }
}

@Suite("Fitting labels into boxes")
struct LabelFitterTests {
  static let ellipsis = "\u{2026}"

  /// Monospace: 6 points a character at font size 10.
  static func monospace(_ truncation: LabelTruncation = .keepEnd) -> LabelFitter {
    LabelFitter(
      measurer: MonospaceTextMeasurer(characterWidth: 0.6), fontSize: 10, truncation: truncation)
  }

  @Test func aLabelThatFitsIsWhole() throws {
    // 10 characters of 6 points and 3 points of padding on each side.
    let fitted = try #require(Self.monospace().fit("0123456789", width: 66))
    #expect(fitted.text == "0123456789")
    #expect(!fitted.isTruncated)
  }

  @Test func aLabelThatDoesNotFitKeepsItsEnd() throws {
    // Room for 10 characters: the ellipsis and the last 9.
    let fitted = try #require(Self.monospace().fit("parser/tokenize.py:120", width: 66))
    #expect(fitted.text == Self.ellipsis + "ze.py:120")
    #expect(fitted.isTruncated)
  }

  @Test func keepStartCutsTheEnd() throws {
    let fitted = try #require(Self.monospace(.keepStart).fit("parser/tokenize.py:120", width: 66))
    #expect(fitted.text == "parser/to" + Self.ellipsis)
    #expect(fitted.isTruncated)
  }

  @Test func tooNarrowForTwoCharactersAndTheEllipsisGetsNoLabel() {
    let fitter = Self.monospace()
    #expect(fitter.fit("abcdef", width: 6 + 18)?.text == Self.ellipsis + "ef")
    #expect(fitter.fit("abcdef", width: 6 + 17.9) == nil)
    #expect(fitter.fit("abcdef", width: 6) == nil)
    #expect(fitter.fit("abcdef", width: 0) == nil)
    // A short name fits where a cut one would not.
    #expect(fitter.fit("ab", width: 6 + 12)?.text == "ab")
    #expect(fitter.fit("a", width: 6 + 6)?.text == "a")
  }

  @Test func monospaceLabelsNeverOverflowAndUseAllTheRoom() {
    let name = "numpy/_core/_add_newdocs.py:3411 (_array_method_doc)"
    for truncation in [LabelTruncation.keepEnd, .keepStart] {
      let fitter = Self.monospace(truncation)
      for step in 0...800 {
        let width = Double(step) * 0.5
        let available = width - 6
        guard let fitted = fitter.fit(name, width: width) else {
          // No label only when two characters and the ellipsis do not fit.
          #expect(available < 3 * 6)
          continue
        }
        let used = Double(fitted.text.count) * 6
        #expect(used <= available + 1e-9)
        if fitted.isTruncated {
          // One more character would not have fitted.
          #expect(Double(fitted.text.count + 1) * 6 > available)
          #expect(fitted.text.count < name.count)
          let kept = String(fitted.text.filter { String($0) != Self.ellipsis })
          #expect(truncation == .keepEnd ? name.hasSuffix(kept) : name.hasPrefix(kept))
        } else {
          #expect(fitted.text == name)
        }
      }
    }
  }

  @Test func proportionalLabelsAreTheLongestThatFit() {
    let measurer = ProportionalMeasurer()
    let names = ["WWWWWWWWWW", "aWbWcWdWeW", "MainWindow.render(WebView)", "short", "W"]
    for truncation in [LabelTruncation.keepEnd, .keepStart] {
      let fitter = LabelFitter(measurer: measurer, fontSize: 10, truncation: truncation)
      for name in names {
        let characters = Array(name)
        func cut(keeping kept: Int) -> String {
          truncation == .keepEnd
            ? Self.ellipsis + String(characters.suffix(kept))
            : String(characters.prefix(kept)) + Self.ellipsis
        }
        func width(_ text: String) -> Double { measurer.width(of: text[...], fontSize: 10) }

        for step in 0...300 {
          let boxWidth = Double(step)
          let available = boxWidth - 6
          let fitted = fitter.fit(name, width: boxWidth)
          if width(name) <= available {
            #expect(fitted?.text == name)
            #expect(fitted?.isTruncated == false)
            continue
          }
          // The longest cut, worked out by trying every length.
          let longest = (0..<characters.count).last { width(cut(keeping: $0)) <= available }
          guard let longest, longest >= LabelFitter.minimumKeptCharacters else {
            #expect(fitted == nil, "\(name) at \(boxWidth)")
            continue
          }
          #expect(fitted?.text == cut(keeping: longest), "\(name) at \(boxWidth)")
          #expect(fitted?.isTruncated == true)
          #expect(width(fitted?.text ?? "") <= available)
        }
      }
    }
  }

  @Test func theMeasurerDecidesWhatFits() throws {
    // Eight W's are 80 points wide in the proportional font, 48 in monospace.
    let proportional = LabelFitter(
      measurer: ProportionalMeasurer(), fontSize: 10, truncation: .keepEnd)
    #expect(try #require(Self.monospace().fit("WWWWWWWW", width: 60)).isTruncated == false)
    #expect(try #require(proportional.fit("WWWWWWWW", width: 60)).text == Self.ellipsis + "WWWW")
  }
}

@Suite("Labels in the laid-out scene")
struct SceneLabelTests {
  static let ellipsis = "\u{2026}"

  /// 1000 drawable points for 1000 samples: a box is as wide as its count.
  /// The default font is 12 points with 0.6 advance: 7.2 points a character.
  static func scene(_ truncation: LabelTruncation = .keepEnd) throws -> Scene {
    try layOut("main;abcdefghijklmnop 78\nmain;ab 22\nmain;zz 2\nmain;rest 898\n") {
      $0.imageWidth = 1020
      $0.labelTruncation = truncation
    }
  }

  @Test func aLabelThatFitsStartsAfterTheLeftPadding() throws {
    let main = try Self.scene().box(named: "main")
    let label = try #require(main.label)

    #expect(label.text == "main")
    #expect(label.alignment == .leading)
    #expect(!label.isTruncated)
    #expect(label.x == main.x + 3)
  }

  @Test func aCutLabelKeepsItsEndAndHangsFromTheRightEdge() throws {
    // 78 points less 6 of padding hold 10 characters: the ellipsis and 9.
    let box = try Self.scene().box(named: "abcdefghijklmnop")
    let label = try #require(box.label)

    #expect(label.text == Self.ellipsis + "hijklmnop")
    #expect(label.isTruncated)
    #expect(label.alignment == .trailing)
    #expect(label.x == box.x + box.width - 3)
  }

  @Test func keepStartCutsTheEndAndStaysLeading() throws {
    let box = try Self.scene(.keepStart).box(named: "abcdefghijklmnop")
    let label = try #require(box.label)

    #expect(label.text == "abcdefghi" + Self.ellipsis)
    #expect(label.isTruncated)
    #expect(label.alignment == .leading)
    #expect(label.x == box.x + 3)
  }

  @Test func narrowFramesHaveNoLabel() throws {
    let scene = try Self.scene()
    // 2 points wide: no room at all.
    #expect(try scene.box(named: "zz").label == nil)
    // 22 points: 16 of room, two 7.2-point characters fit whole.
    #expect(try scene.box(named: "ab").label?.text == "ab")
  }

  @Test func everyLabelFitsItsBox() throws {
    let folded = try String(
      contentsOf: repositoryRoot().appendingPathComponent("Examples/seed-memory.folded"),
      encoding: .utf8)
    for width in [300.0, 1200, 2400] {
      let scene = try layOut(folded) { $0.imageWidth = width }
      let labels = scene.frames.compactMap { box in box.label.map { (box, $0) } }
      #expect(!labels.isEmpty)
      for (box, label) in labels {
        #expect(Double(label.text.count) * 12 * 0.6 <= box.width - 6 + 1e-9)
        #expect(label.text == box.name || label.isTruncated)
      }
    }
  }

  @Test func labelsAreCenteredInTheirRow() throws {
    let scene = try Self.scene()
    for box in scene.frames {
      guard let label = box.label else { continue }
      #expect(label.y > box.y && label.y < box.y + 16)
    }
  }
}
