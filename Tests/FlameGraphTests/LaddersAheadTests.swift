import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// Ladders are worked out on every core before placing; placing alone
/// works each out when a box asks. Both must give the same scene.
@Suite("Ladders worked out ahead")
struct LaddersAheadTests {
  /// Random py-spy, Java, C++ and Rust style names in random stacks, so
  /// frames of one name are drawn at many widths.
  static func profileText(seed: UInt64) -> String {
    var random = SeededRandom(seed: seed)
    let names = (0..<300).map { index -> String in
      switch index % 4 {
      case 0:
        return "handle_\(index) (app/service/module_\(index % 17)/file_\(index).py:\(index * 7))"
      case 1:
        return "com.example.pkg\(index % 9).Type\(index).method\(index)(Type\(index).java:\(index))"
      case 2: return "std::vector<ns\(index)::Item<int>>::push_back(ns\(index)::Item<int> const&)"
      default: return "core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h\(index)abc\(index)"
      }
    }
    var lines = ""
    for _ in 0..<3000 {
      let depth = Int.random(in: 1...12, using: &random)
      // Few names near the root, more below: wide frames and narrow ones.
      let stack = (0..<depth).map { level in
        names[Int.random(in: 0..<min(names.count, 2 + level * level * 4), using: &random)]
      }
      // A name drawn only full width needs no ladder in either way.
      lines +=
        (["serve (app/entry/main.py:10)"] + stack).joined(separator: ";")
        + " \(Int.random(in: 1...500, using: &random))\n"
    }
    return lines
  }

  @Test(arguments: [(1, 1200.0, true), (2, 500.0, true), (3, 900.0, false)])
  func theSceneIsTheSameWithLaddersWorkedOutAhead(seed: UInt64, width: Double, fluid: Bool) throws {
    var options = Options()
    options.imageWidth = width
    options.fluidWidth = fluid
    let profile = try Profile(folded: Self.profileText(seed: seed), options: options)
    var ahead = FlameGraphLayout(options: options)
    var asked = ahead
    ahead.worksOutLaddersAhead = true
    asked.worksOutLaddersAhead = false
    let (aheadScene, aheadViewer) = ahead.sceneWithViewer(for: profile)
    let (askedScene, askedViewer) = asked.sceneWithViewer(for: profile)

    #expect(aheadScene.frames.count > 500)
    // Positions of differing boxes, not the boxes: a failure's message
    // stays short.
    #expect(aheadScene.frames.count == askedScene.frames.count)
    let differing = zip(aheadScene.frames, askedScene.frames).enumerated()
      .filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(differing.isEmpty, "boxes \(differing.prefix(5)) differ")
    #expect(aheadViewer?.catalog == askedViewer?.catalog)
    // Some labels were shortened by their ladders, not only cut.
    let laddered = aheadScene.frames.filter { box in
      box.label.map { !$0.text.hasSuffix("…") && !$0.text.hasPrefix("…") && $0.text != box.name }
        ?? false
    }
    #expect(laddered.count >= 2)
  }
}
