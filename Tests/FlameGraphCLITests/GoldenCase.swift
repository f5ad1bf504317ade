import Foundation

/// One row of `Goldens/goldens.tsv`: an input, the flags, and the expected output.
struct GoldenCase: CustomStringConvertible, Sendable {
  var name: String
  var input: String
  var arguments: [String]

  var description: String { name }

  /// The expected SVG file.
  var svgPath: URL { RepositoryPaths.file("Goldens/svg/\(name).svg") }

  /// All rows of the manifest.
  static func all() throws -> [GoldenCase] {
    let text = try String(contentsOf: RepositoryPaths.file("Goldens/goldens.tsv"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return GoldenCase(
        name: fields[0], input: fields[1],
        arguments: fields.count > 2 ? fields[2].split(separator: " ").map(String.init) : [])
    }
  }

  /// Where a mismatching output is written for inspection (ignored by git).
  var actualPath: URL { RepositoryPaths.file("Goldens/svg/\(name).actual.svg") }
}

/// The first line where two texts differ, with a few lines of context.
func firstDifference(expected: String, actual: String) -> String? {
  let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
  let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
  for index in 0..<max(expectedLines.count, actualLines.count) {
    let left = index < expectedLines.count ? String(expectedLines[index]) : "<end of file>"
    let right = index < actualLines.count ? String(actualLines[index]) : "<end of file>"
    if left != right {
      return "line \(index + 1):\n  expected: \(left.prefix(300))\n  actual:   \(right.prefix(300))"
    }
  }
  return nil
}
