import Foundation
import Testing

@testable import FlameGraph

/// Compares the importer with flamegraph.pl's `stackcollapse-perf.pl` on
/// that project's own `perf script` test inputs, which are not part of
/// this repository: set `FLAMEGRAPH_REPO` to a checkout of
/// brendangregg/FlameGraph (and have `perl`). Each input is collapsed by
/// the Perl script and by the importer with the options of the script's
/// `--pid`, `--tid`, `--kernel`, `--jit`, `--all` and `--addrs`, and the
/// folded lines must be the same. The Perl script is given each input
/// followed by a blank line: it drops a last sample that no blank line
/// ends, which the importer counts.
@Suite("perf script against stackcollapse-perf.pl")
struct PerfScriptCompatibilityTests {
  static let repository = ProcessInfo.processInfo.environment["FLAMEGRAPH_REPO"]

  /// Inputs where the two are known to differ, and why: a frame without a
  /// symbol in a DSO whose path has no slash is `[libc-2.15.so]` here,
  /// where the Perl script writes an empty name.
  static let knownDifferent = ["perf-vertx-stacks-01.txt"]

  static let flags = ["pid", "tid", "kernel", "jit", "all", "addrs"]

  /// The Perl script's flags as options; it always weighs by period.
  static func options(_ flag: String) -> Options {
    var options = Options()
    options.importing.perfScript.usePeriod = true
    switch flag {
    case "pid": options.importing.perfScript.includePID = true
    case "tid": options.importing.perfScript.includeTID = true
    case "kernel": options.importing.perfScript.annotateKernel = true
    case "jit": options.importing.perfScript.annotateJIT = true
    case "all": options.importing.perfScript.annotateAll()
    case "addrs": options.importing.perfScript.includeAddresses = true
    default: break
    }
    return options
  }

  /// The Perl script's folded lines for one input and flag, sorted.
  static func perlLines(script: String, input: String, flag: String) throws -> [String] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["perl", script, "--\(flag)", input]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init).sorted()
  }

  @Test(
    .enabled(if: repository != nil, "set FLAMEGRAPH_REPO to a checkout of brendangregg/FlameGraph"))
  func foldedStacksAreThoseOfThePerlScript() throws {
    let root = URL(fileURLWithPath: Self.repository!)
    let script = root.appendingPathComponent("stackcollapse-perf.pl").path
    let tests = root.appendingPathComponent("test")
    let inputs = try FileManager.default.contentsOfDirectory(atPath: tests.path)
      .filter { $0.hasPrefix("perf-") && $0.hasSuffix(".txt") }.sorted()
    #expect(inputs.count >= 10)
    var same = 0
    var different: [String] = []
    let ended = FileManager.default.temporaryDirectory
      .appendingPathComponent("perf-compare-\(getpid()).txt")
    defer { try? FileManager.default.removeItem(at: ended) }
    for input in inputs {
      let path = tests.appendingPathComponent(input).path
      try (Data(contentsOf: URL(fileURLWithPath: path)) + Data("\n".utf8)).write(to: ended)
      for flag in Self.flags {
        let options = Self.options(flag)
        let profile = try ProfileReader.readProfile(
          from: [.file(path)], format: .perfScript, options: options)
        let ours = String(
          decoding: try FoldedRenderer().render(profile, options: options), as: UTF8.self
        )
        .split(separator: "\n").map(String.init).sorted()
        if ours == (try Self.perlLines(script: script, input: ended.path, flag: flag)) {
          same += 1
        } else {
          different.append("\(input) --\(flag)")
        }
      }
    }
    // Every difference is a known one.
    let unexplained = different.filter { name in
      !Self.knownDifferent.contains { name.hasPrefix($0) }
    }
    #expect(unexplained.isEmpty, "differ from stackcollapse-perf.pl: \(unexplained)")
    #expect(same + different.count == inputs.count * Self.flags.count)
    #expect(same >= (inputs.count - Self.knownDifferent.count) * Self.flags.count)
  }
}
