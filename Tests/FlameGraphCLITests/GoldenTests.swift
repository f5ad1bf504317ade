import FlameGraph
import FlameGraphCLI
import Foundation
import Testing

/// Every golden is rendered again and compared byte for byte.
///
/// To change goldens on purpose: `UPDATE_GOLDENS=1 swift test --filter GoldenTests`,
/// then review `git diff Goldens/`.
@Suite struct GoldenTests {
  static let cases = (try? GoldenCase.all()) ?? []

  @Test func manifestListsTheCases() throws {
    let cases = try GoldenCase.all()
    #expect(cases.count >= 7)
    for golden in cases {
      #expect(
        FileManager.default.fileExists(atPath: RepositoryPaths.file(golden.input).path),
        "\(golden.input)")
    }
  }

  @Test(arguments: cases)
  func svgMatchesGolden(_ golden: GoldenCase) throws {
    let command = try FlameGraphCommand.parse(
      golden.arguments + [RepositoryPaths.file(golden.input).path])
    let rendered = try command.makeScene()
    let bytes = try rendered.format.renderer.render(rendered.scene)
    let actual = String(decoding: bytes, as: UTF8.self)
    if ProcessInfo.processInfo.environment["UPDATE_GOLDENS"] == "1" {
      try Data(bytes).write(to: golden.svgPath)
      return
    }
    let expected = try String(contentsOf: golden.svgPath, encoding: .utf8)
    if expected != actual {
      try Data(bytes).write(to: golden.actualPath)
      Issue.record(
        """
        \(golden.name) differs from \(golden.svgPath.lastPathComponent); actual output written to \
        \(golden.actualPath.path)
        \(firstDifference(expected: expected, actual: actual) ?? "")
        """)
    }
  }
}
