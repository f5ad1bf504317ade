import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// Large scenes finish their boxes (tooltip, label, code) on every core;
/// the boxes must be those one core makes, in the same order.
@Suite("Boxes finished on every core")
struct ParallelFinishingTests {
  /// ``LaddersAheadTests/profileText(seed:)``, made differential when
  /// `firstCountsBelow` is given: a first count (line number modulo it)
  /// before each line's count.
  static func profileText(seed: UInt64, firstCountsBelow cycle: Int?) -> String {
    let text = LaddersAheadTests.profileText(seed: seed)
    guard let cycle else { return text }
    return text.split(separator: "\n").enumerated().map { index, line in
      let count = line.split(separator: " ").last!
      return line.dropLast(count.count) + "\(index % cycle) \(count)"
    }.joined(separator: "\n")
  }

  /// The scene's boxes finished on one core and on every core.
  static func bothWays(_ profile: Profile, options: Options) -> (one: [FrameBox], all: [FrameBox]) {
    var oneCore = FlameGraphLayout(options: options)
    oneCore.finishesInParallelFrom = .max
    var everyCore = oneCore
    everyCore.finishesInParallelFrom = 1
    return (oneCore.scene(for: profile).frames, everyCore.scene(for: profile).frames)
  }

  @Test(arguments: [(7, false), (8, true)])
  func theCatalogBuiltWhileBoxesAreFinishedIsTheCatalogBuiltAfter(seed: UInt64, differential: Bool)
    throws
  {
    let text = Self.profileText(seed: seed, firstCountsBelow: differential ? 5 : nil)
    let options = Options()
    let profile = try Profile(folded: text, options: options)
    var ahead = FlameGraphLayout(options: options)
    ahead.finishesInParallelFrom = 1
    var after = ahead
    after.buildsCatalogAhead = false
    // Fewer listed thin frames than the profile has, so that the listing
    // threshold and the unlisted samples are part of what is compared.
    ahead.thinFrameLimit = 200
    after.thinFrameLimit = 200
    let (aheadScene, aheadViewer) = ahead.sceneWithViewer(for: profile)
    let (afterScene, afterViewer) = after.sceneWithViewer(for: profile)

    #expect(aheadScene.frames == afterScene.frames)
    let catalog = try #require(aheadViewer?.catalog)
    #expect(catalog == afterViewer?.catalog)
    #expect(catalog.frameNames.count == aheadScene.frames.count)
    #expect(!catalog.thinFrames.isEmpty)
    #expect(!catalog.unlistedSamples.isEmpty)
  }

  @Test(arguments: [(4, false, false), (5, true, false), (6, false, true)])
  func everyCoreMakesTheBoxesOfOne(seed: UInt64, differential: Bool, categories: Bool) throws {
    let text = Self.profileText(seed: seed, firstCountsBelow: differential ? 7 : nil)
    var options = Options()
    if categories { options.categories = CategoryRules.python }
    let profile = try Profile(folded: text, options: options)
    let (one, all) = Self.bothWays(profile, options: options)

    #expect(profile.isDifferential == differential)
    #expect(one.count > 500)
    #expect(one.count == all.count)
    let differing = zip(one, all).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
    #expect(differing.isEmpty, "boxes \(differing.prefix(5)) differ")
    // The boxes carry what finishing adds: labels and tooltips.
    #expect(all.filter { $0.label != nil }.count > 10)
    #expect(all.allSatisfy { $0.tooltip.hasPrefix($0.name) })
  }
}
