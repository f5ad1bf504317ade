import Foundation
import Testing

@testable import FlameGraph

/// Compares the importer with flamegraph.pl's `stackcollapse-perf.pl` on
/// inputs outside the repository: set `PERF_SCRIPT_COMPARE_DIR` to a folder
/// of `perf script` outputs (`*.txt`); each is imported with the options
/// of the Perl script's `--pid`, `--tid`, `--kernel`, `--jit`, `--all` and
/// `--addrs` and written as folded stacks to `NAME.OPTION.folded` beside
/// it, for `diff` against the Perl script's output.
@Suite("perf script against stackcollapse-perf.pl")
struct PerfScriptCompatibilityTests {
  static let directory = ProcessInfo.processInfo.environment["PERF_SCRIPT_COMPARE_DIR"]

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

  @Test(.enabled(if: directory != nil)) func writesFoldedStacksForEachFlag() throws {
    let folder = URL(fileURLWithPath: Self.directory!)
    let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    for input in inputs {
      for flag in ["pid", "tid", "kernel", "jit", "all", "addrs"] {
        let options = Self.options(flag)
        let profile = try ProfileReader.readProfile(
          from: [.file(folder.appendingPathComponent(input).path)], format: .perfScript,
          options: options)
        let name = input.dropLast(4) + ".\(flag).folded"
        try FoldedRenderer().write(
          profile, options: options, toFile: folder.appendingPathComponent(String(name)).path)
      }
    }
  }
}
