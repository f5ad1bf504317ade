import Foundation
import Testing

@testable import FlameGraphCLI

/// `flamegraph report`'s command line, read as the graph command reads its
/// own: flamegraph.pl's one-dash long names and abbreviations, help only
/// when asked for alone, and one style of error.
@Suite struct ReportCommandLineTests {
  let stacks = "main;work 3\nmain;rest 1\n"

  /// A folder holding `s.folded`; the report goes beside it as `r.pdf`.
  func folder() throws -> URL {
    let directory = try CommandRunner.temporaryDirectory()
    try stacks.write(
      to: directory.appendingPathComponent("s.folded"), atomically: true, encoding: .utf8)
    return directory
  }

  func files(in directory: URL) throws -> Set<String> {
    Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
  }

  @Test func oneDashLongNamesAndAbbreviationsWriteTheReport() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try ReportRunner.run(
      ["-title", "Checkout latency", "--pap", "letter", "-hot-paths=0", "s.folded", "-o", "r.pdf"],
      in: directory)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
    let pdf = directory.appendingPathComponent("r.pdf").path
    #expect(try ReportRunner.text(ofPDF: pdf).contains("Checkout latency"))
    // Letter paper is 612 by 792 points.
    #expect(try ReportRunner.poppler("pdfinfo", [pdf]).contains("612 x 792 pts"))
  }

  @Test func helpGoesToStandardOutputOnlyWhenAskedAlone() throws {
    let alone = try ReportRunner.run(["--help"])
    #expect(alone.status == 0)
    let help = String(decoding: alone.standardOutput, as: UTF8.self)
    #expect(help.contains("USAGE: flamegraph report"))
    #expect(alone.standardError.isEmpty)
    // `-width` is not a report option: read as short flags, it holds `-h`.
    for arguments in [
      ["-width", "900", "s.folded", "-o", "r.pdf"], ["--help", "s.folded"],
      ["s.folded", "-o", "r.pdf", "-h"], ["-help", "s.folded"],
    ] {
      let directory = try folder()
      defer { try? FileManager.default.removeItem(at: directory) }
      let result = try ReportRunner.run(arguments, in: directory)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.standardOutput.isEmpty, "\(arguments)")
      #expect(result.standardError.hasPrefix("flamegraph: error: "), "\(result.standardError)")
      #expect(
        result.standardError.contains("run `flamegraph report --help` alone"),
        "\(result.standardError)")
      #expect(try files(in: directory) == ["s.folded"], "\(arguments)")
    }
  }

  @Test func errorsHaveTheGraphCommandsStyle() throws {
    let hint = "flamegraph: see `flamegraph report --help` for the options"
    for (arguments, status, expected) in [
      (["--bogus", "s.folded"], Int32(64), "flamegraph: error: unknown option '--bogus'"),
      (["--paper", "a5", "s.folded"], 64, "flamegraph: error: the value 'a5' is invalid"),
      (["--top", "0", "s.folded"], 64, "flamegraph: error: --top must be 1 to 100."),
      (["--co", "x", "s.folded"], 64, "flamegraph: error: --co is ambiguous"),
      (["none.folded", "-o", "r.pdf"], 66, "flamegraph: error: "),
    ] {
      let directory = try folder()
      defer { try? FileManager.default.removeItem(at: directory) }
      let result = try ReportRunner.run(arguments, in: directory)
      #expect(result.status == status, "\(arguments)")
      #expect(result.standardOutput.isEmpty, "\(arguments)")
      let lines = result.standardError.split(separator: "\n").map(String.init)
      #expect(lines.first?.hasPrefix(expected) == true, "\(result.standardError)")
      #expect(!result.standardError.contains("Usage:"), "\(result.standardError)")
      // The hint is for options the parser refuses, as the graph command gives it.
      let parserError = status == 64 && !arguments.contains("--co")
      #expect(lines.count == (parserError ? 2 : 1), "\(result.standardError)")
      if parserError { #expect(lines.last == hint) }
      #expect(try files(in: directory) == ["s.folded"], "\(arguments)")
    }
  }

  @Test func warningsHaveTheGraphCommandsStyle() throws {
    let directory = try folder()
    defer { try? FileManager.default.removeItem(at: directory) }
    try (stacks + "broken line\n").write(
      to: directory.appendingPathComponent("s.folded"), atomically: true, encoding: .utf8)
    let result = try ReportRunner.run(["s.folded", "-o", "r.pdf"], in: directory)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(result.standardError.hasPrefix("flamegraph: warning: skipped 1 malformed line"))
  }

  @Test func theGraphCommandsHelpAndManualNameTheReport() throws {
    let help = try CommandRunner.run(["--help"])
    #expect(
      String(decoding: help.standardOutput, as: UTF8.self).contains(
        "`flamegraph report PROFILE... -o report.pdf` writes a performance report"))
    // The manual is generated from this description of the tool.
    let dump = try CommandRunner.run(["--experimental-dump-help"])
    #expect(dump.status == 0)
    let root = try #require(
      try JSONSerialization.jsonObject(with: dump.standardOutput) as? [String: Any])
    let command = try #require(root["command"] as? [String: Any])
    #expect(
      try ArgumentNormalizerTests.declaredLongOptions(command: command)
        == ArgumentNormalizerTests.declaredLongOptions(FlameGraphCommand._dumpHelp()))
    let subcommands = try #require(command["subcommands"] as? [[String: Any]])
    let report = try #require(subcommands.first { $0["commandName"] as? String == "report" })
    // The argument parser gives every subcommand the root's --version;
    // scripts/install drops it from the page.
    var options = try ArgumentNormalizerTests.declaredLongOptions(command: report)
    #expect(options.removeValue(forKey: "version") == false)
    #expect(options == (try ArgumentNormalizerTests.declaredLongOptions(ReportCommand._dumpHelp())))
  }
}
