import Testing

@testable import FlameGraph

/// In a flame chart x is time: a frame continues only while every stack in
/// between ran it, at every depth.
@Suite("Flame charts keep time order at every level")
struct FlameChartTimeOrderTests {
  static var chart: Options {
    var options = Options()
    options.merging = .consecutive
    return options
  }

  @Test func aCallInterruptedByItsCallersOwnTimeIsTwoFrames() throws {
    // `compress` runs, then `main` runs on its own, then `compress` again:
    // two calls, not one twice as long.
    let profile = try Profile(
      folded: "main;compress 1\nmain 1\nmain;compress 1\n", options: Self.chart)
    let main = try #require(profile.node(at: "main"))

    #expect(profile.childNames(of: main) == ["compress", "compress"])
    #expect(profile.tree.total(of: main) == 3)
  }

  @Test func deeperFramesSplitWhenAShallowerStackComesBetween() throws {
    let profile = try Profile(
      folded: "main;run;compress 1\nmain;run 1\nmain;run;compress 2\n", options: Self.chart)
    let run = try #require(profile.node(at: "main;run"))

    #expect(profile.childNames(of: run) == ["compress", "compress"])
    #expect(profile.tree.total(of: run) == 4)
    #expect(profile.childNames(of: try #require(profile.node(at: "main"))) == ["run"])
  }

  @Test func idleSamplesBetweenStacksSplitThem() throws {
    let profile = try Profile(folded: "main;work 1\n 5\nmain;work 1\n", options: Self.chart)

    #expect(profile.childNames(of: profile.tree.root) == ["main", "main"])
  }

  @Test func unbrokenRunsStillMerge() throws {
    let profile = try Profile(
      folded: "main;run;compress 1\nmain;run;compress 2\nmain;run;write 1\n", options: Self.chart)

    #expect(profile.total(at: "main;run;compress") == 3)
    #expect(
      profile.childNames(of: try #require(profile.node(at: "main;run"))) == ["compress", "write"])
  }
}
