import FlameGraph
import FlameGraphJSON
import Foundation
import Testing

/// The JSON exports name the profile's unit unless a count name is given:
/// the scene's and the tree's `countName`, speedscope's `unit`.
@Suite struct CountUnitExportTests {
  static let fixtures = "Tests/FlameGraphTests/Fixtures/"

  func exports(_ file: String, countName: String? = nil, sampleType: String? = nil) throws -> (
    scene: [String: Any], tree: [String: Any], speedscope: [String: Any]
  ) {
    var options = Options()
    options.countName = countName
    options.importing.sampleType = sampleType
    let profile = try Profile(reading: [.file(JSONFixtures.path(file))], options: options)
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    return (
      try JSONFixtures.object(try SceneJSONRenderer().render(scene)),
      try JSONFixtures.object(try TreeJSONRenderer().render(profile, options: options)),
      try JSONFixtures.object(try SpeedscopeRenderer().render(profile, options: options))
    )
  }

  func speedscopeUnit(_ document: [String: Any]) -> String? {
    ((document["profiles"] as? [[String: Any]])?.first)?["unit"] as? String
  }

  @Test func aCPUProfileIsInNanoseconds() throws {
    let (scene, tree, speedscope) = try exports(Self.fixtures + "pprof/cpu.pb")
    #expect(scene["countName"] as? String == "nanoseconds")
    #expect(tree["countName"] as? String == "nanoseconds")
    #expect(speedscopeUnit(speedscope) == "nanoseconds")
  }

  @Test func aHeapProfileIsInBytes() throws {
    let (scene, _, speedscope) = try exports(Self.fixtures + "pprof/heap.pb")
    #expect(scene["countName"] as? String == "bytes")
    #expect(speedscopeUnit(speedscope) == "bytes")
  }

  @Test func theCountNameOverridesIt() throws {
    let (scene, tree, speedscope) = try exports(
      Self.fixtures + "pprof/cpu.pb", countName: "samples")
    #expect(scene["countName"] as? String == "samples")
    #expect(tree["countName"] as? String == "samples")
    #expect(speedscopeUnit(speedscope) == "none")
  }

  @Test func foldedStacksAreSamples() throws {
    let (scene, _, speedscope) = try exports("Goldens/inputs/small-cpu.folded")
    #expect(scene["countName"] as? String == "samples")
    #expect(speedscopeUnit(speedscope) == "none")
  }

  @Test func aSpeedscopeExportReadsBackInItsUnit() throws {
    var options = Options()
    options.minimumWidth = .points(0)
    let profile = try Profile(
      reading: [.file(JSONFixtures.path(Self.fixtures + "speedscope/sampled.speedscope.json"))],
      options: options)
    let bytes = try SpeedscopeRenderer().render(profile, options: options)
    let builder = CallTreeBuilder()
    var diagnostics = ParseDiagnostics()
    try SpeedscopeImporter().importStacks(
      from: InputByteStream(bytes: bytes, name: "export.json"), into: builder,
      diagnostics: &diagnostics)
    #expect(builder.finish(diagnostics: diagnostics).unit.kind == .time(.milliseconds))
  }
}
