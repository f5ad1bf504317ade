import FlameGraphTestSupport
import Testing

@testable import FlameGraph

@Suite("Building the call tree")
struct CallTreeBuilderTests {
  /// Random stacks over a small alphabet, so paths share prefixes often.
  static func randomLines(count: Int, seed: UInt64) -> [(stack: [String], count: Double)] {
    var random = SeededRandom(seed: seed)
    let names = ["main", "a", "b", "c", "d"]
    return (0..<count).map { _ in
      let depth = Int.random(in: 1...5, using: &random)
      let stack = (0..<depth).map { _ in names.randomElement(using: &random)! }
      return (stack, Double(Int.random(in: 1...50, using: &random)))
    }
  }

  static func folded(_ lines: [(stack: [String], count: Double)]) -> String {
    lines.map { "\($0.stack.joined(separator: ";")) \(Int($0.count))\n" }.joined()
  }

  @Test func totalsAreTheSumOfEveryStackThroughTheNode() throws {
    let lines = Self.randomLines(count: 300, seed: 7)
    let profile = try Profile(folded: Self.folded(lines))

    #expect(profile.totalsByPath == expectedTotals(of: lines))
    #expect(profile.totalSamples == lines.reduce(0) { $0 + $1.count })
  }

  @Test func selfCountsAreTheSamplesOfStacksEndingAtTheNode() throws {
    let lines = Self.randomLines(count: 300, seed: 8)
    let profile = try Profile(folded: Self.folded(lines))
    let selfCounts = profile.tree.selfCounts()

    var expected: [String: Double] = [:]
    for (stack, count) in lines { expected[stack.joined(separator: ";"), default: 0] += count }
    for node in 1..<NodeID(profile.tree.nodeCount) {
      #expect(selfCounts[Int(node)] == expected[profile.path(of: node), default: 0])
    }
    #expect(selfCounts[0] == 0)
    #expect(selfCounts.count == profile.tree.nodeCount)
  }

  @Test func aNodesTotalIsItsSelfPlusItsChildren() throws {
    let profile = try Profile(folded: "main;a;x 2\nmain;a 3\nmain;b 4\nmain 1\n")
    let tree = profile.tree
    let selfCounts = tree.selfCounts()
    let index = tree.childIndex()

    for node in 0..<NodeID(tree.nodeCount) {
      let children = index.children(of: node).reduce(0) { $0 + tree.total(of: $1) }
      #expect(tree.total(of: node) == selfCounts[Int(node)] + children)
    }
    let main = try #require(profile.node(at: "main"))
    #expect(selfCounts[Int(main)] == 1)
    #expect(tree.total(of: main) == 10)
  }

  @Test func parentsHaveSmallerIdsThanTheirChildren() throws {
    let profile = try Profile(folded: Self.folded(Self.randomLines(count: 200, seed: 9)))
    let tree = profile.tree

    #expect(tree.parent(of: tree.root) == -1)
    #expect(tree.frame(of: tree.root) == -1)
    for node in 1..<NodeID(tree.nodeCount) {
      #expect(tree.parent(of: node) >= 0)
      #expect(tree.parent(of: node) < node)
    }
  }

  @Test func depthCountsFramesFromTheRoot() throws {
    let profile = try Profile(folded: "main;parse;read 1\n")
    let tree = profile.tree

    #expect(tree.depth(of: tree.root) == 0)
    #expect(tree.depth(of: try #require(profile.node(at: "main"))) == 1)
    #expect(tree.depth(of: try #require(profile.node(at: "main;parse;read"))) == 3)
  }

  @Test func eachDistinctPathIsOneNode() throws {
    // main, main;a, main;a;b, main;b and the root: `b` under `main` and
    // under `a` are different nodes of the same frame.
    let profile = try Profile(folded: "main;a;b 1\nmain;b 1\nmain;a;b 1\n")

    #expect(profile.tree.nodeCount == 5)
    #expect(profile.frames.count == 3)
  }

  @Test func childIndexListsOnlyNodesReachingTheMinimum() throws {
    let profile = try Profile(folded: "main;big 10\nmain;small 1\nmain;mid 5\nother 2\n")
    let tree = profile.tree
    let main = try #require(profile.node(at: "main"))
    func names(_ nodes: [NodeID]) -> [String] { nodes.map { profile.name(of: $0) } }

    // In creation order, not sorted.
    #expect(names(tree.childIndex().children(of: main)) == ["big", "small", "mid"])
    #expect(names(tree.childIndex(minimumTotal: 5).children(of: main)) == ["big", "mid"])
    #expect(names(tree.childIndex(minimumTotal: 5).children(of: tree.root)) == ["main"])
    #expect(names(tree.childIndex(minimumTotal: 2).children(of: tree.root)) == ["main", "other"])
    #expect(tree.childIndex(minimumTotal: 100).children(of: tree.root).isEmpty)
    let leaf = try #require(profile.node(at: "main;big"))
    #expect(tree.childIndex().children(of: leaf).isEmpty)
  }

  @Test func aParentWithHundredsOfChildrenMergesEachChildOnce() throws {
    // More than a dozen children moves a parent's children to the builder's
    // lookup table; hundreds, inserted in random order three times over,
    // with grandchildren and a wide root, exercise it.
    var random = SeededRandom(seed: 500)
    let children = (0..<500).map { "child\($0)" }
    var lines: [(stack: [String], count: Double)] = []
    for round in 0..<3 {
      for (index, child) in children.enumerated().shuffled(using: &random) {
        lines.append((["main", "wide", child], Double(index % 7 + 1)))
        if index % 5 == round { lines.append((["main", "wide", child, "leaf"], 1)) }
        if index % 25 == 0 { lines.append(([child], 2)) }
      }
    }
    let profile = try Profile(folded: Self.folded(lines))
    let wide = try #require(profile.node(at: "main;wide"))
    let names = profile.childNames(of: wide)

    #expect(names.count == 500)
    #expect(Set(names) == Set(children))
    #expect(profile.totalsByPath == expectedTotals(of: lines))
    for index in [0, 1, 12, 13, 250, 499] {
      let leaves = (0..<3).filter { index % 5 == $0 }.count
      #expect(profile.total(at: "main;wide;child\(index)") == Double(3 * (index % 7 + 1) + leaves))
    }
    // main and its 20 wide-root siblings, each once.
    #expect(profile.childNames(of: profile.tree.root).count == 21)
  }

  @Test func thousandsOfChildrenUnderSeveralParentsStayDistinct() throws {
    // Enough children that the lookup table has to grow, spread over
    // parents that share child names.
    var random = SeededRandom(seed: 4000)
    var lines: [(stack: [String], count: Double)] = []
    for parent in ["p1", "p2", "p3"] {
      for index in 0..<3000 { lines.append(([parent, "c\(index)"], Double(index % 3 + 1))) }
    }
    lines.shuffle(using: &random)
    let repeated = lines + lines.shuffled(using: &random)
    let profile = try Profile(folded: Self.folded(repeated))

    #expect(profile.tree.nodeCount == 1 + 3 + 3 * 3000)
    #expect(profile.totalsByPath == expectedTotals(of: repeated))
    for parent in ["p1", "p2", "p3"] {
      let node = try #require(profile.node(at: parent))
      #expect(Set(profile.childNames(of: node)).count == 3000)
      // 2999 % 3 + 1 samples, twice.
      #expect(profile.total(at: "\(parent);c2999") == 6)
    }
  }

  @Test func aProfileOfOnlyIdleSamplesIsJustTheRoot() throws {
    let profile = try Profile(folded: " 5\n 2\n")
    #expect(profile.tree.nodeCount == 1)
    #expect(profile.totalSamples == 7)
    let scene = FlameGraphLayout(options: Options()).scene(for: profile)
    #expect(scene.frames.map(\.name) == ["all"])
  }

  @Test func theBuilderAcceptsStacksDirectly() {
    let builder = CallTreeBuilder()
    builder.addStack(["main", "parse"], count: 3)
    builder.addStack(["main"], count: 1)
    builder.addStack([], count: 2)
    #expect(!builder.isDifferential)
    let profile = builder.finish()

    #expect(profile.totalSamples == 6)
    #expect(profile.total(at: "main") == 4)
    #expect(profile.total(at: "main;parse") == 3)
    #expect(profile.tree.selfCounts()[0] == 2)
  }

  @Test func theBuilderMakesDifferentialTrees() {
    let builder = CallTreeBuilder()
    builder.addStack(["main", "a"], count: 5, before: 2)
    builder.addStack(["main", "b"], count: 1)
    #expect(builder.isDifferential)
    let profile = builder.finish(factor: 2)

    #expect(profile.totalSamples == 12)
    #expect(profile.tree.beforeTotal(of: profile.tree.root) == 6)
  }

  @Test func manyShortStacksAddUp() throws {
    // Far more lines than the builder keeps as sparse records: counts fold
    // into a dense column part way, and the first pair of counts then copies
    // them for the "before" side.
    var text = ""
    var lines: [(stack: [String], count: Double)] = []
    for index in 0..<10_000 {
      text += "f\(index) 1\n"
      lines.append((["f\(index)"], 1))
    }
    text += "f0;g 2 3\n"
    lines.append((["f0", "g"], 3))
    for index in 0..<10_000 {
      text += "f\(index) 2\n"
      lines.append((["f\(index)"], 2))
    }
    let profile = try Profile(folded: text)

    #expect(profile.totalsByPath == expectedTotals(of: lines))
    #expect(profile.totalSamples == 30_003)
    #expect(profile.tree.beforeTotal(of: profile.tree.root) == 30_002)
    let g = try #require(profile.node(at: "f0;g"))
    #expect(profile.tree.beforeTotal(of: g) == 2)
  }
}
