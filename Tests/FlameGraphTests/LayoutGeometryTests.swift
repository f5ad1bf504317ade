import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// Lays out folded text with the given options.
func layOut(_ folded: String, _ configure: (inout Options) -> Void = { _ in }) throws -> Scene {
  var options = Options()
  configure(&options)
  let profile = try Profile(folded: folded, options: options)
  return FlameGraphLayout(options: options).scene(for: profile)
}

extension Scene {
  /// The only box with this name.
  func box(named name: String) throws -> FrameBox {
    let matches = frames.filter { $0.name == name }
    try #require(matches.count == 1, "\(matches.count) boxes named \(name)")
    return matches[0]
  }

  var root: FrameBox { frames.first { $0.depth == 0 }! }
}

@Suite("Layout geometry")
struct LayoutGeometryTests {
  @Test func theRootSpansTheWidthLessTheSidePadding() throws {
    for width in [1200.0, 800, 333.5] {
      let scene = try layOut("main;a 3\nmain;b 1\n") { $0.imageWidth = width }

      #expect(scene.width == width)
      #expect(scene.root.x == 10)
      #expect(scene.root.width == width - 20)
      #expect(scene.root.name == "all")
    }
  }

  @Test func widthsAreSharesOfTheDrawableWidth() throws {
    // 1180 points for 4 samples: 295 points a sample, exactly.
    let scene = try layOut("main;a 3\nmain;b 1\n")

    #expect(try scene.box(named: "main").width == 1180)
    #expect(try scene.box(named: "a").width == 885)
    #expect(try scene.box(named: "b").width == 295)
  }

  @Test func everyWidthIsItsTotalOverTheRootTotal() throws {
    var random = SeededRandom(seed: 3)
    let names = ["main", "a", "b", "c", "d", "e"]
    var text = ""
    for _ in 0..<200 {
      let depth = Int.random(in: 1...5, using: &random)
      let stack = (0..<depth).map { _ in names.randomElement(using: &random)! }
      text += "\(stack.joined(separator: ";")) \(Int.random(in: 1...999, using: &random))\n"
    }
    let scene = try layOut(text) {
      $0.imageWidth = 1000
      $0.minimumWidth = .points(0)
    }

    for box in scene.frames {
      let expected = box.total / scene.totalSamples * 980
      #expect(abs(box.width - expected) < 1e-9)
      #expect(box.x >= 10 && box.x + box.width <= 990 + 1e-9)
    }
  }

  @Test func childrenStartAtTheirParentsLeftEdgeAndSitSideBySide() throws {
    let scene = try layOut("main;a;x 2\nmain;a;y 3\nmain;b 4\nmain 1\n")
    let byNode = Dictionary(uniqueKeysWithValues: scene.frames.map { ($0.node, $0) })
    let profile = try Profile(folded: "main;a;x 2\nmain;a;y 3\nmain;b 4\nmain 1\n")
    let index = profile.tree.childIndex()

    for parent in scene.frames {
      let children = index.children(of: parent.node).compactMap { byNode[$0] }
        .sorted { $0.x < $1.x }
      guard let first = children.first else { continue }
      #expect(first.x == parent.x)
      for (left, right) in zip(children, children.dropFirst()) {
        #expect(abs(right.x - (left.x + left.width)) < 1e-9)
      }
      // Children never overflow their parent.
      let last = children.last!
      #expect(last.x + last.width <= parent.x + parent.width + 1e-9)
    }
  }

  @Test func parentsAreListedBeforeTheirChildren() throws {
    let folded = "main;a;x 2\nmain;a;y 3\nmain;b 4\n"
    let scene = try layOut(folded)
    let profile = try Profile(folded: folded)
    let position = Dictionary(uniqueKeysWithValues: scene.frames.enumerated().map { ($1.node, $0) })

    for box in scene.frames where box.depth > 0 {
      let parent = try #require(position[profile.tree.parent(of: box.node)])
      #expect(parent < position[box.node]!)
    }
  }

  @Test func aFlameGraphSortsChildrenAlphabetically() throws {
    let scene = try layOut("main;zeta 1\nmain;alpha 2\nmain;mid 3\nmain;Zulu 1\n")
    let row = scene.frames.filter { $0.depth == 2 }.sorted { $0.x < $1.x }

    // Byte-wise, as sorted folded input is: upper case before lower case.
    #expect(row.map(\.name) == ["Zulu", "alpha", "mid", "zeta"])
  }

  @Test func lineOrderDoesNotChangeTheGraph() throws {
    let lines = ["main;b;x 3", "main;a 2", "other 4", "main;b;y 1", "main;a;z 5"]
    func picture(_ lines: [String]) throws -> [String] {
      try layOut(lines.joined(separator: "\n")).frames.map {
        "\($0.name) \($0.depth) \($0.x) \($0.width) \($0.fill)"
      }
    }

    #expect(try picture(lines) == picture(lines.reversed()))
  }

  @Test func aFlameGraphHasItsRootAtTheBottom() throws {
    let scene = try layOut("main;a;b 1\n")
    let byDepth = scene.frames.sorted { $0.depth < $1.depth }

    #expect(byDepth.map(\.depth) == [0, 1, 2, 3])
    for (lower, upper) in zip(byDepth, byDepth.dropFirst()) {
      #expect(upper.y == lower.y - 16)
    }
    // The root row sits on the details line's space at the bottom.
    #expect(scene.root.y + 16 < scene.height)
    #expect(scene.root.y > scene.title.y)
  }

  @Test func anIcicleGraphHasItsRootAtTheTop() throws {
    let scene = try layOut("main;a;b 1\n") { $0.direction = .icicle }
    let byDepth = scene.frames.sorted { $0.depth < $1.depth }

    #expect(scene.direction == .icicle)
    #expect(scene.root.y == scene.frames.map(\.y).min())
    for (upper, lower) in zip(byDepth, byDepth.dropFirst()) {
      #expect(lower.y == upper.y + 16)
    }
    #expect(scene.root.y > scene.title.y)
  }

  @Test func boxesAreOneRowHighLessAGap() throws {
    let scene = try layOut("main 1\n") { $0.frameHeight = 20 }
    #expect(scene.frames.allSatisfy { $0.height == 19 })
  }

  @Test func theHeightGrowsByOneRowPerLevel() throws {
    let shallow = try layOut("a;b 1\n")
    let deep = try layOut("a;b;c;d;e 1\n")
    let deepTallRows = try layOut("a;b;c;d;e 1\n") { $0.frameHeight = 24 }

    #expect(deep.height - shallow.height == 3 * 16)
    #expect(deepTallRows.height - deep.height == 6 * 8)
  }

  @Test func aSubtitleAddsRoomAtTheTop() throws {
    let plain = try layOut("a 1\n")
    let subtitled = try layOut("a 1\n") { $0.subtitle = "run 42" }

    #expect(subtitled.height == plain.height + 12 * 1.5)
    #expect(subtitled.subtitle?.text == "run 42")
    #expect(plain.subtitle == nil)
  }

  @Test func framesTooNarrowForTheMinimumWidthInPointsAreDropped() throws {
    // 1000 drawable points for 1000 samples: one point a sample.
    let folded = "main;wide 994\nmain;four 4\nmain;one 1\nmain;one;deeper;still 1\n"
    let atFive = try layOut(folded) {
      $0.imageWidth = 1020
      $0.minimumWidth = .points(5)
    }
    let atOne = try layOut(folded) {
      $0.imageWidth = 1020
      $0.minimumWidth = .points(1)
    }

    #expect(Set(atFive.frames.map(\.name)) == ["all", "main", "wide"])
    #expect(
      Set(atOne.frames.map(\.name)) == ["all", "main", "wide", "four", "one", "deeper", "still"])
    // Dropped frames do not count towards the height either: `still` is
    // two levels deeper than `wide`.
    #expect(atOne.height - atFive.height == 2 * 16)
  }

  @Test func framesBelowAPercentageOfTheTotalAreDropped() throws {
    let folded = "main;wide 995\nmain;four 4\nmain;one 1\n"
    let scene = try layOut(folded) { $0.minimumWidth = .percent(0.4) }

    // 0.4% of 1000 samples is 4.
    #expect(Set(scene.frames.map(\.name)) == ["all", "main", "wide", "four"])
  }

  @Test func byDefaultFramesNarrowerThanATenthOfAPointAreDropped() throws {
    // 1 of 100,001 samples is about 0.012 points wide.
    let scene = try layOut("main 100000\ntiny 1\n")
    #expect(scene.frames.map(\.name) == ["all", "main"])
  }

  @Test func theSameInputGivesTheSameScene() throws {
    let folded = "main;a;x 2\nmain;a;y 3\nmain;b 4\nmain 1\nother_[k] 3\n"
    for palette in [Palette.hot, .java, .python] {
      let first = try layOut(folded) { $0.palette = palette }
      let second = try layOut(folded) { $0.palette = palette }
      #expect(first.frames == second.frames)
    }
  }

  @Test func theSceneCarriesTheFontAndTotals() throws {
    let scene = try layOut("main;a 3\nmain;b 1\n") {
      $0.fontSize = 14
      $0.countName = "bytes"
    }

    #expect(scene.font.size == 14)
    #expect(scene.font.characterWidth == 0.6)
    #expect(scene.totalSamples == 4)
    #expect(scene.countName == "bytes")
    #expect(scene.title.fontSize == 19)
  }

  @Test func theBackgroundFollowsThePaletteUnlessColorsEncodeValues() throws {
    #expect(try layOut("a 1\n").background == .yellowGradient)
    #expect(try layOut("a 1\n") { $0.palette = .mem }.background == .blueGradient)
    #expect(try layOut("a 1\n") { $0.colorDiffusion = true }.background == .greyGradient)
    #expect(try layOut("a 1 2\n").background == .greyGradient)
    let solid = Background.solid(RGBColor(red: 1, green: 2, blue: 3))
    #expect(try layOut("a 1\n") { $0.background = solid }.background == solid)
  }
}
