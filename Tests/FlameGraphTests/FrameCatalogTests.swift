import Testing

@testable import FlameGraph

/// The catalog interactive outputs search: every frame of the profile is
/// either a box or a listed thin frame, with its exact total, unless the
/// layout's limit leaves some out, and then they are accounted for.
@Suite struct FrameCatalogTests {
  /// `main` holds a wide frame and thin ones (below 10% of the total).
  static let folded = """
    main;wide;leaf 80
    main;thin;deeper;deepest 3
    main;thin;other 2
    main;tiny 1
    main;small;wide 4
    main 10

    """

  static func scene(limit: Int = 30_000, interactive: Bool = true) throws -> (
    frames: [FrameBox], catalog: FrameCatalog?
  ) {
    var options = Options()
    options.minimumWidth = .percent(10)
    options.interactive = interactive
    let profile = try Profile(folded: folded, options: options)
    var layout = FlameGraphLayout(options: options)
    layout.thinFrameLimit = limit
    let (scene, viewer) = layout.sceneWithViewer(for: profile)
    return (scene.frames, viewer?.catalog)
  }

  @Test func thinFramesAreListedWithTheirTotals() throws {
    let scene = try Self.scene()
    let catalog = try #require(scene.catalog)
    #expect(scene.frames.map(\.name) == ["all", "main", "wide", "leaf"])
    let thin = catalog.thinFrames.map { (catalog.names[Int($0.name)], $0.total) }
    #expect(thin.count == 7)
    #expect(Set(thin.map(\.0)) == ["thin", "deeper", "deepest", "other", "tiny", "small", "wide"])
    #expect(thin.first { $0.0 == "thin" }?.1 == 5)
    #expect(catalog.isComplete)
    // Parents come first; a thin frame's parent is a box or an earlier thin frame.
    for (index, frame) in catalog.thinFrames.enumerated() {
      #expect(Int(frame.parent) < scene.frames.count + index)
    }
  }

  @Test func framesKeepTheirNames() throws {
    let scene = try Self.scene()
    let catalog = try #require(scene.catalog)
    #expect(
      scene.frames.indices.allSatisfy {
        catalog.names[Int(catalog.frameNames[$0])] == scene.frames[$0].name
      })
    // "wide" is both drawn (under main) and thin (under small): one name.
    #expect(catalog.names.filter { $0 == "wide" }.count == 1)
  }

  @Test func everySampleIsInAFrameOrCounted() throws {
    for limit in [0, 2, 4, 30_000] {
      let scene = try Self.scene(limit: limit)
      let catalog = try #require(scene.catalog)
      #expect(catalog.thinFrames.count <= max(limit, 0) || limit == 30_000)
      // Per catalog entry: its total is its own samples, its listed
      // children's totals and its unlisted samples.
      let count = scene.frames.count + catalog.thinFrames.count
      var children = [Double](repeating: 0, count: count)
      for frame in scene.frames where frame.parent >= 0 { children[frame.parent] += frame.total }
      for frame in catalog.thinFrames { children[Int(frame.parent)] += frame.total }
      let unlisted =
        catalog.isComplete ? [Double](repeating: 0, count: count) : catalog.unlistedSamples
      #expect(unlisted.count == count)
      for index in scene.frames.indices {
        let frame = scene.frames[index]
        #expect(
          frame.total == frame.selfCount + children[index] + unlisted[index], "limit \(limit)")
      }
      // The thin frames here have no samples of their own but at their leaves.
      for (offset, frame) in catalog.thinFrames.enumerated() {
        let index = scene.frames.count + offset
        #expect(frame.total >= children[index] + unlisted[index], "limit \(limit)")
      }
      #expect(catalog.isComplete == (limit >= 7), "limit \(limit)")
    }
  }

  @Test func theWidestThinFramesAreListedFirst() throws {
    let scene = try Self.scene(limit: 2)
    let catalog = try #require(scene.catalog)
    let listed = catalog.thinFrames.map(\.total)
    // Listing keeps every thin frame at least as wide as the narrowest kept.
    let narrowest = listed.min() ?? .infinity
    #expect(listed.count <= 2)
    #expect(!catalog.isComplete)
    #expect(narrowest >= 4)
  }

  @Test func staticScenesHaveNoCatalog() throws {
    #expect(try Self.scene(interactive: false).catalog == nil)
  }

  @Test func aCatalogOfBoxesCountsUndrawnChildrenAsUnlisted() throws {
    let scene = try Self.scene()
    let catalog = FrameCatalog(boxes: scene.frames)
    #expect(catalog.thinFrames.isEmpty)
    #expect(catalog.names == ["all", "main", "wide", "leaf"])
    // main: 100 samples, 10 of its own, 80 in "wide": 10 not drawn.
    #expect(catalog.unlistedSamples == [0, 10, 0, 0])
  }

  @Test func labelColorsFollowTheFill() {
    #expect(RGBColor(red: 0, green: 0, blue: 60).labelColor == .white)
    #expect(RGBColor(red: 250, green: 200, blue: 60).labelColor == .black)
  }
}
