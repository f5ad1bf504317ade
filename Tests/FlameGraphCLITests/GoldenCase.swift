import FlameGraphCLI
import Foundation

/// One row of `Goldens/goldens.tsv`: an input, the flags, the formats, and
/// so the expected outputs `Goldens/<format>/<name>.<format>`.
struct GoldenCase: CustomStringConvertible, Sendable {
  var name: String
  var format: String
  var input: String
  var arguments: [String]

  var description: String { "\(name).\(format)" }

  /// The file name ending of the format (`tree.json` for `tree`).
  var fileExtension: String {
    FlameGraphCommand.formats.backend(named: format)?.fileExtension ?? format
  }

  /// The expected output.
  var expectedPath: URL { RepositoryPaths.file("Goldens/\(format)/\(name).\(fileExtension)") }

  /// Where a mismatching output is written for inspection (ignored by git).
  var actualPath: URL {
    RepositoryPaths.file("Goldens/\(format)/\(name).actual.\(fileExtension)")
  }

  /// Where the picture of the differences goes, for images.
  var differencePath: URL {
    RepositoryPaths.file("Goldens/\(format)/\(name).diff.\(fileExtension)")
  }

  /// The command line that renders it, input made absolute.
  var commandLine: [String] {
    arguments + ["--format", format, RepositoryPaths.file(input).path]
  }

  /// All rows of the manifest, one case per format.
  static func all() throws -> [GoldenCase] {
    let text = try String(contentsOf: RepositoryPaths.file("Goldens/goldens.tsv"), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.flatMap { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      let arguments = fields.count > 3 ? fields[3].split(separator: " ").map(String.init) : []
      return fields[1].split(separator: " ").map { format in
        GoldenCase(name: fields[0], format: String(format), input: fields[2], arguments: arguments)
      }
    }
  }
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
