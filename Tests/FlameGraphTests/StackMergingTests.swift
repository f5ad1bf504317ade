import Testing

@testable import FlameGraph

@Suite("Flame charts: merging consecutive stacks only")
struct StackMergingTests {
  static var chart: Options {
    var options = Options()
    options.merging = .consecutive
    return options
  }

  @Test func aStackInterruptedByAnotherGetsANewNode() throws {
    let profile = try Profile(folded: "a;b 1\na;c 1\na;b 1\n", options: Self.chart)
    let a = try #require(profile.node(at: "a"))

    #expect(profile.childNames(of: a) == ["b", "c", "b"])
    #expect(profile.tree.total(of: a) == 3)
  }

  @Test func theSameInputMergedByNameHasOneNodePerName() throws {
    let profile = try Profile(folded: "a;b 1\na;c 1\na;b 1\n")
    let a = try #require(profile.node(at: "a"))

    #expect(profile.childNames(of: a) == ["b", "c"])
    #expect(profile.total(at: "a;b") == 2)
  }

  @Test func consecutiveIdenticalStacksMerge() throws {
    let profile = try Profile(folded: "a;b 1\na;b 2\na;b;x 4\na;c 1\n", options: Self.chart)
    let a = try #require(profile.node(at: "a"))

    #expect(profile.childNames(of: a) == ["b", "c"])
    #expect(profile.total(at: "a;b") == 7)
    #expect(profile.total(at: "a;b;x") == 4)
  }

  @Test func aChartIsLaidOutInInputOrder() throws {
    // Time runs left to right: no alphabetical sorting.
    let profile = try Profile(
      folded: "main;zeta 2\nmain;alpha 1\nmain;zeta 1\n", options: Self.chart)
    let scene = FlameGraphLayout(options: Self.chart).scene(for: profile)
    let row = scene.frames.filter { $0.depth == 2 }.sorted { $0.x < $1.x }

    #expect(row.map(\.name) == ["zeta", "alpha", "zeta"])
    #expect(row.map(\.total) == [2, 1, 1])
    #expect(scene.title.text == "Flame Chart")
  }
}
