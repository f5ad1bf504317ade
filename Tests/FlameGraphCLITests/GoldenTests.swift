import FlameGraph
import FlameGraphCLI
import FlameGraphTestSupport
import Foundation
import Testing

/// Every golden is rendered again and compared: SVG byte for byte, PNG
/// pixel by pixel with a tolerance for antialiasing only.
///
/// To change goldens on purpose:
/// `swift package --allow-writing-to-package-directory update-goldens`,
/// then review `git diff Goldens/`.
@Suite struct GoldenTests {
  static let cases = (try? GoldenCase.all()) ?? []

  @Test func manifestListsTheCases() throws {
    let cases = try GoldenCase.all()
    #expect(cases.filter { $0.format == "svg" }.count >= 7)
    #expect(cases.filter { $0.format == "png" }.count >= 6)
    for golden in cases {
      #expect(
        FileManager.default.fileExists(atPath: RepositoryPaths.file(golden.input).path),
        "\(golden.input)")
    }
  }

  @Test(arguments: cases)
  func outputMatchesGolden(_ golden: GoldenCase) throws {
    let command = try FlameGraphCommand.parse(golden.commandLine)
    let bytes = try command.prepareOutput().bytes()
    let expectedData = try Data(contentsOf: golden.expectedPath)
    if golden.format == "png" {
      let expected = try #require(RasterImage(png: Array(expectedData)))
      let actual = try #require(RasterImage(png: bytes))
      let comparison = ImageComparison(expected: expected, actual: actual)
      if !comparison.matches {
        try Data(bytes).write(to: golden.actualPath)
        comparison.difference?.write(toFile: golden.differencePath.path)
        Issue.record(
          """
          \(golden) differs from its golden: \(comparison.differingPixels.map { "\($0) pixels differ" } ?? "sizes differ \(expected.width)x\(expected.height) vs \(actual.width)x\(actual.height)"); \
          actual: \(golden.actualPath.path), differences in red: \(golden.differencePath.path)
          """)
      }
    } else if expectedData != Data(bytes) {
      try Data(bytes).write(to: golden.actualPath)
      Issue.record(
        """
        \(golden) differs from its golden; actual output written to \(golden.actualPath.path)
        \(firstDifference(expected: String(decoding: expectedData, as: UTF8.self), actual: String(decoding: bytes, as: UTF8.self)) ?? "")
        """)
    }
  }
}
