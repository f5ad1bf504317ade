import Foundation
import Testing

@testable import FlameGraphCLI

/// flamegraph.pl's and inferno's ways of writing options, rewritten into
/// what the argument parser reads.
@Suite struct ArgumentNormalizerTests {
  let normalizer = FlameGraphCommand.normalizer

  @Test func oneDashLongNamesGetTwoDashes() throws {
    #expect(
      try normalizer.normalize(["-width", "900", "-title=X", "in.folded"]) == [
        "--width", "900", "--title=X", "in.folded",
      ])
    #expect(try normalizer.normalize(["-cp", "-inverted"]) == ["--cp", "--inverted"])
  }

  @Test func unambiguousAbbreviationsAreWrittenOut() throws {
    #expect(
      try normalizer.normalize(["--inv", "--flame", "-countn", "bytes"]) == [
        "--inverted", "--flamechart", "--countname", "bytes",
      ])
    // An exact name wins over the longer names it starts.
    #expect(try normalizer.normalize(["--collapse-recursion"]) == ["--collapse-recursion"])
  }

  @Test func ambiguousAbbreviationsNameTheCandidates() {
    #expect {
      try normalizer.normalize(["--co", "x"])
    } throws: { error in
      let text = "\(error)"
      return text.contains("--co is ambiguous") && text.contains("--colors")
        && text.contains("--countname")
    }
  }

  @Test func valuesPassThroughAndDashValuesAreJoined() throws {
    #expect(try normalizer.normalize(["--title", "-width"]) == ["--title=-width"])
    #expect(try normalizer.normalize(["--width", "-5"]) == ["--width=-5"])
    #expect(try normalizer.normalize(["-o", "-", "-title", "x"]) == ["-o", "-", "--title", "x"])
    #expect(try normalizer.normalize(["-c", "chain"]) == ["-c", "chain"])
  }

  @Test func shortFlagsUnknownNamesAndEverythingAfterTheSeparatorAreKept() throws {
    #expect(try normalizer.normalize(["-i", "-vv", "-q"]) == ["-i", "-vv", "-q"])
    #expect(try normalizer.normalize(["--no-such-flag"]) == ["--no-such-flag"])
    #expect(try normalizer.normalize(["--", "-width", "--inv"]) == ["--", "-width", "--inv"])
  }

  @Test func theReportsOwnOptionsAreWrittenOut() throws {
    let report = ReportCommand.normalizer
    #expect(
      try report.normalize(["-title", "X", "--hot", "3", "-pap=letter", "-o", "r.pdf", "-c", "io"])
        == ["--title", "X", "--hot-paths", "3", "--paper=letter", "-o", "r.pdf", "-c", "io"])
    // `--flame` is the report's own flag, not the graph command's `--flamechart`.
    #expect(try report.normalize(["--flame", "-fla"]) == ["--flame", "--flame"])
    // The graph command's `-width` is no report option: left to the parser.
    #expect(try report.normalize(["-width", "900"]) == ["-width", "900"])
    #expect(throws: ArgumentNormalizer.Ambiguity.self) { try report.normalize(["--col"]) }
  }

  /// Each normalizer's table is its command's options, no more, no less.
  @Test func knowsEveryLongOptionOfTheCommand() throws {
    #expect(
      try Self.declaredLongOptions(FlameGraphCommand._dumpHelp())
        == table(FlameGraphCommand.longOptions))
    #expect(
      try Self.declaredLongOptions(ReportCommand._dumpHelp()) == table(ReportCommand.longOptions))
  }

  func table(_ options: [ArgumentNormalizer.LongOption]) -> [String: Bool] {
    Dictionary(uniqueKeysWithValues: options.map { ($0.name, $0.takesValue) })
  }

  /// The long names a command declares, with whether each takes a value,
  /// from the argument parser's description of it.
  static func declaredLongOptions(_ dump: String) throws -> [String: Bool] {
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(dump.utf8)) as? [String: Any])
    return try declaredLongOptions(command: try #require(root["command"] as? [String: Any]))
  }

  /// The long names of one command of a description, with whether each
  /// takes a value.
  static func declaredLongOptions(command: [String: Any]) throws -> [String: Bool] {
    let arguments = try #require(command["arguments"] as? [[String: Any]])
    var declared: [String: Bool] = [:]
    for argument in arguments {
      let kind = argument["kind"] as? String
      for name in argument["names"] as? [[String: String]] ?? [] where name["kind"] == "long" {
        declared[name["name"]!] = kind == "option"
      }
    }
    return declared
  }
}
