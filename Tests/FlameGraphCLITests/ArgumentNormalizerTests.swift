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

  /// The normalizer's table is the command's options, no more, no less.
  @Test func knowsEveryLongOptionOfTheCommand() throws {
    let help = try #require(FlameGraphCommand._dumpHelp().data(using: .utf8))
    let root = try #require(try JSONSerialization.jsonObject(with: help) as? [String: Any])
    let command = try #require(root["command"] as? [String: Any])
    let arguments = try #require(command["arguments"] as? [[String: Any]])
    var declared: [String: Bool] = [:]
    for argument in arguments {
      let kind = argument["kind"] as? String
      for name in argument["names"] as? [[String: String]] ?? [] where name["kind"] == "long" {
        declared[name["name"]!] = kind == "option"
      }
    }
    let table = Dictionary(
      uniqueKeysWithValues: FlameGraphCommand.longOptions.map { ($0.name, $0.takesValue) })
    #expect(table == declared)
  }
}
