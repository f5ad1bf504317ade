import ArgumentParser
import Foundation
import Testing

@testable import FlameGraphCLI

/// The README's table of the peers' options, checked against the peers'
/// option lists and against the command.
@Suite struct CompatibilityTableTests {
  /// The long options of inferno-flamegraph 0.12.8 (`src/bin/flamegraph.rs`).
  static let infernoOptions: Set<String> = [
    "cp", "hash", "deterministic", "inverted", "truncate-text-right", "negate", "no-javascript",
    "no-sort", "pretty-xml", "quiet", "reverse", "verbose", "bgcolors", "colors",
    "colordiffusion", "countname", "factor", "fontsize", "fonttype", "fontwidth", "uicolor",
    "height", "minwidth", "nameattr", "nametype", "notes", "search-color", "stroke-color",
    "subtitle", "title", "width", "base", "flamechart", "help", "version",
  ]
  /// The options of flamegraph.pl (its `GetOptions` call).
  static let flamegraphPLOptions: Set<String> = [
    "fonttype", "width", "height", "encoding", "fontsize", "fontwidth", "minwidth", "title",
    "subtitle", "nametype", "countname", "nameattr", "total", "factor", "colors", "bgcolors",
    "hash", "random", "cp", "reverse", "inverted", "flamechart", "negate", "notes", "help",
  ]

  struct Row {
    var example: [String]
    var inferno: String
    var flamegraphPL: String
    var here: String
    /// The long option the example names.
    var option: String
  }

  static func rows() throws -> [Row] {
    let readme = try String(contentsOf: RepositoryPaths.file("README.md"), encoding: .utf8)
    let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex { $0.hasPrefix("| example | inferno |") })
    let shorts = ["c": "colors", "i": "inverted", "q": "quiet", "vv": "verbose"]
    return lines[(start + 2)...].prefix { $0.hasPrefix("|") }.map { line in
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      let example = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
        .split(separator: " ").map(String.init)
      let flag = example[0].drop { $0 == "-" }
      return Row(
        example: example, inferno: cells[1], flamegraphPL: cells[2], here: cells[3],
        option: shorts[String(flag)] ?? String(flag))
    }
  }

  @Test func everyPeerOptionHasARowThatSaysWhichPeerHasIt() throws {
    let rows = try Self.rows()
    let options = Set(rows.map(\.option))
    #expect(Self.infernoOptions.subtracting(options).isEmpty)
    #expect(Self.flamegraphPLOptions.subtracting(options).isEmpty)
    // A peer has an option when a row of it says so (`-c chain` is one
    // value of `--colors`, which only flamegraph.pl has).
    for option in options {
      let mine = rows.filter { $0.option == option }
      #expect(
        mine.contains { $0.inferno != "no" } == Self.infernoOptions.contains(option), "\(option)")
      #expect(
        mine.contains { $0.flamegraphPL != "no" } == Self.flamegraphPLOptions.contains(option),
        "\(option)")
    }
  }

  @Test func everyExampleIsAcceptedOrRefusedAsTheTableSays() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let attributes = directory.appendingPathComponent("nameattr.txt")
    try "main\tclass=entry\n".write(to: attributes, atomically: true, encoding: .utf8)
    for row in try Self.rows() {
      let arguments = row.example.map { $0 == "FILE" ? attributes.path : $0 }
      var status = ExitCode.success
      do {
        _ = try FlameGraphCommand.parse(try FlameGraphCommand.normalizer.normalize(arguments))
      } catch {
        status = FlameGraphCommand.exitCode(for: error)
      }
      if row.here.hasPrefix("refused") {
        #expect(status == ExitStatus.usage, "\(arguments)")
      } else {
        #expect(status == .success, "\(arguments)")
      }
    }
  }
}
