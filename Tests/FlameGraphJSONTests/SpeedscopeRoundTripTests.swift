import FlameGraph
import FlameGraphJSON
import Foundation
import Testing

/// What `SpeedscopeRenderer` writes, `SpeedscopeImporter` reads back as the
/// same tree.
@Suite struct SpeedscopeRoundTripTests {
  /// Every node's total and self count by its path of names.
  func counts(_ profile: Profile, renaming: [String: String] = [:]) -> [String: [Double]] {
    var counts: [String: [Double]] = [:]
    let tree = profile.tree
    for node in 1..<NodeID(tree.nodeCount) {
      var names: [String] = []
      var current = node
      while current != tree.root {
        let name = profile.frames.rawName(of: tree.frame(of: current))
        names.append(renaming[name] ?? name)
        current = tree.parent(of: current)
      }
      counts[names.reversed().joined(separator: ";")] = [
        tree.total(of: node), tree.selfCount(of: node),
      ]
    }
    return counts
  }

  func exported(_ folded: String) throws -> (Profile, [UInt8]) {
    let options = Options()
    let profile = try Profile(folded: folded, options: options)
    return (profile, try SpeedscopeRenderer().render(profile, options: options))
  }

  @Test func ourExportReadsBackAsTheSameTree() throws {
    let folded = """
      main;parse (json/decoder.py:337);loads 5
      main;compute;numpy/core/numeric.py:232 7
      main;compute 3
      main;compute;C++ thing<int>::f 0.5
      main 1
      run (cpu.py);work 2

      """
    let (original, bytes) = try exported(folded)
    let builder = CallTreeBuilder()
    var diagnostics = ParseDiagnostics()
    try SpeedscopeImporter().importStacks(
      from: InputByteStream(bytes: bytes, name: "export.speedscope.json"), into: builder,
      diagnostics: &diagnostics)
    let imported = builder.finish(diagnostics: diagnostics)
    #expect(diagnostics.malformedLineCount == 0)
    #expect(imported.totalSamples == original.totalSamples)
    #expect(counts(imported) == counts(original))
    // The locations survive too.
    let id = try #require(imported.frames.id(of: "parse (json/decoder.py:337)"))
    #expect(imported.frames.location(of: id) == original.frames.location(of: id))
  }

  @Test func otherLocationSyntaxesKeepTheirPlaceUnderPyspyNames() throws {
    // Fil's and austin's names are exported as function, file and line:
    // they come back in the one structured syntax, with the same tree.
    let (original, bytes) = try exported(
      "example.py:12 (main);app/x.py:work:3 4\nexample.py:12 (main) 1\n")
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("round-trip-\(UUID().uuidString).speedscope.json").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    // Read as the command-line tool reads files: told by content.
    let imported = try ProfileReader.readProfile(from: [.file(path)])
    #expect(
      counts(imported)
        == counts(
          original,
          renaming: [
            "example.py:12 (main)": "main (example.py:12)", "app/x.py:work:3": "work (app/x.py:3)",
          ]))
  }
}
