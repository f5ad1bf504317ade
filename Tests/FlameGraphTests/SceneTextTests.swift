import Testing

@testable import FlameGraph

@Suite("Titles and tooltips")
struct SceneTextTests {
  @Test func defaultTitlesNameTheKindOfChart() throws {
    #expect(try layOut("a 1\n").title.text == "Flame Graph")
    #expect(try layOut("a 1\n") { $0.direction = .icicle }.title.text == "Icicle Graph")
    #expect(try layOut("a 1\n") { $0.merging = .consecutive }.title.text == "Flame Chart")
  }

  @Test func aCustomTitleWins() throws {
    let scene = try layOut("a 1\n") {
      $0.title = "Allocations"
      $0.direction = .icicle
    }
    #expect(scene.title.text == "Allocations")
    // Centered over the canvas.
    #expect(scene.title.x == 600)
    #expect(scene.title.anchor == .middle)
  }

  @Test func tooltipsGiveTheCountAndShare() throws {
    // 1,234 of 21,766 samples is 5.669...%, shown as 5.67%.
    let scene = try layOut("main;work 1234\nmain;idle 20532\n")

    #expect(try scene.box(named: "work").tooltip == "work (1,234 samples, 5.67%)")
    #expect(try scene.box(named: "idle").tooltip == "idle (20,532 samples, 94.33%)")
    #expect(scene.root.tooltip == "all (21,766 samples, 100.00%)")
  }

  @Test func tooltipsUseTheCountName() throws {
    let scene = try layOut("main;alloc 1536\nmain;free 512\n") { $0.countName = "bytes" }
    #expect(try scene.box(named: "alloc").tooltip == "alloc (1,536 bytes, 75.00%)")
  }

  @Test func tooltipsShowFractionalCounts() throws {
    let scene = try layOut("main;a 2.5\nmain;b 7.5\n")
    #expect(try scene.box(named: "a").tooltip == "a (2.5 samples, 25.00%)")
  }

  @Test func differentialTooltipsEndWithTheChangeAsAShareOfTheTotal() throws {
    // After: 15 + 5 + 2 = 22 samples. `grew` gained 5, which is 22.73% of
    // 22; `shrank` lost as much; `same` did not change.
    let scene = try layOut("main;grew 10 15\nmain;shrank 10 5\nmain;same 2 2\n")

    #expect(try scene.box(named: "grew").tooltip == "grew (15 samples, 68.18%; +22.73%)")
    #expect(try scene.box(named: "shrank").tooltip == "shrank (5 samples, 22.73%; -22.73%)")
    #expect(try scene.box(named: "same").tooltip == "same (2 samples, 9.09%; 0.00%)")
    #expect(try scene.box(named: "grew").beforeTotal == 10)
  }

  @Test func nonDifferentialBoxesHaveNoBeforeTotal() throws {
    let scene = try layOut("main 3\n")
    #expect(scene.frames.allSatisfy { $0.beforeTotal == nil })
  }

  @Test func theDetailsLineAndNotesComeFromTheOptions() throws {
    let scene = try layOut("a 1\n") {
      $0.nameType = "Frame:"
      $0.notes = "captured on ci"
    }

    #expect(scene.details.nameType == "Frame:")
    #expect(scene.details.position.x == 10)
    #expect(scene.notes == "captured on ci")
  }
}
