import FlameGraph
import FlameGraphJSON
import Foundation
import Testing

/// Counts in the JSON exports read back exactly, however small or large,
/// so the parts add up to the whole as they do in the profile.
@Suite struct NumberPrecisionTests {
  let tinyCounts = "main;a 0.0000001\nmain;b 0.0000002\nmain;c 0.00000000012345\n"

  func profile(_ folded: String) throws -> Profile { try Profile(folded: folded) }

  @Test func treeValuesAreExact() throws {
    let profile = try profile(tinyCounts)
    let root = try JSONFixtures.object(TreeJSONRenderer().render(profile, options: Options()))
    #expect(root["value"] as? Double == profile.totalSamples)
    let main = try #require((root["children"] as? [[String: Any]])?.first)
    let children = try #require(main["children"] as? [[String: Any]])
    #expect(children.map { $0["value"] as? Double } == [0.0000001, 0.0000002, 0.00000000012345])
    #expect(children.map { $0["self"] as? Double } == [0.0000001, 0.0000002, 0.00000000012345])
  }

  @Test func sceneTotalsAndSelfCountsAreExact() throws {
    let profile = try profile(tinyCounts)
    let scene = FlameGraphLayout(options: Options()).scene(for: profile)
    let document = try JSONFixtures.object(SceneJSONRenderer().render(scene))
    #expect(document["total"] as? Double == profile.totalSamples)
    let frames = try #require(document["frames"] as? [[String: Any]])
    let byName = Dictionary(
      uniqueKeysWithValues: frames.map { ($0["name"] as? String ?? "", $0) })
    #expect(byName["a"]?["total"] as? Double == 0.0000001)
    #expect(byName["b"]?["self"] as? Double == 0.0000002)
    #expect(byName["main"]?["total"] as? Double == profile.totalSamples)
  }

  @Test func speedscopeWeightsAddUpToTheEndValue() throws {
    let profile = try profile(tinyCounts)
    let document = try JSONFixtures.object(
      SpeedscopeRenderer().render(profile, options: Options()))
    let sampled = try #require((document["profiles"] as? [[String: Any]])?.first)
    let weights = try #require(sampled["weights"] as? [Double])
    #expect(weights == [0.0000001, 0.0000002, 0.00000000012345])
    #expect(sampled["endValue"] as? Double == profile.totalSamples)
  }

  @Test func differentialDeltasAreExact() throws {
    let profile = try profile("main;a 0.0000003 0.0000001\nmain;b 1 1\n")
    // The tree keeps what the graph draws: every frame, however thin.
    var options = Options()
    options.minimumWidth = .points(0)
    let root = try JSONFixtures.object(TreeJSONRenderer().render(profile, options: options))
    let main = try #require((root["children"] as? [[String: Any]])?.first)
    let a = try #require((main["children"] as? [[String: Any]])?.first)
    #expect(a["delta"] as? Double == 0.0000001 - 0.0000003)
  }

  @Test(
    arguments: [
      (3.0, "3"), (-12.0, "-12"), (0.5, "0.5"), (0.1, "0.1"), (0.0000001, "1e-07"),
      (Double("1e-320")!, "1e-320"), (2.5e300, "2.5e+300"),
      (9_007_199_254_740_992, "9007199254740992.0"), (1e17 + 16, "1.0000000000000002e+17"),
      (-0.0, "0"), (.infinity, "0"), (.nan, "0"),
    ])
  func exactNumbersAreShortestAndValidJSON(value: Double, text: String) throws {
    let writer = ByteWriter()
    writer.write(exactNumber: value)
    try writer.finish()
    let written = String(decoding: writer.collected, as: UTF8.self)
    #expect(written == text)
    let parsed =
      try JSONSerialization.jsonObject(
        with: Data("[\(written)]".utf8)) as? [NSNumber]
    #expect(parsed?.first?.doubleValue == (value.isFinite ? value : 0))
  }
}
