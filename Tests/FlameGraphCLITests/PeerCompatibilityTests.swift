import Foundation
import Testing

/// The peers' own test cases, rendered with this command and the peers'
/// flags: every frame (name, count, depth) of the peer's expected graph is
/// in ours, and no other. The inputs and inferno's expected SVGs are copies
/// from the peers' repositories (`Tests/Compatibility/README.md`);
/// flamegraph.pl itself is run on its inputs when `FLAMEGRAPH_PL` names it.
@Suite("Compatibility with inferno and flamegraph.pl")
struct PeerCompatibilityTests {
  /// A case of inferno's `tests/flamegraph.rs`.
  struct InfernoCase: CustomStringConvertible, Sendable {
    var name: String
    var inputs: [String]
    /// inferno's options in its test, as command-line flags.
    var flags: [String]
    var expected: String
    /// A documented difference (README, "Coming from inferno"), for which
    /// only what it leaves equal is compared.
    var difference: Difference? = nil
    var description: String { name }
  }

  /// What a known difference leaves to compare.
  enum Difference: Sendable {
    /// inferno truncates fractional counts (and trims spaces that start a
    /// frame name); frames and depths still agree.
    case fractionalCounts
    /// inferno re-roots at the innermost `--base` frame (and drops stacks
    /// that start or end with it), here at the outermost: the same
    /// functions are drawn.
    case innermostBase
  }

  static let pl = "Tests/Compatibility/flamegraph-pl/"
  static let inferno = "Tests/Compatibility/inferno/"

  /// inferno's cases whose inputs are small enough to copy.
  static let infernoCases: [InfernoCase] = [
    InfernoCase(
      name: "flamegraph_nameattr", inputs: [pl + "perf-cycles-instructions-01-collapsed-all.txt"],
      flags: ["--hash", "--nameattr", inferno + "nameattr/nameattr.txt"],
      expected: "nameattr/nameattr.svg"),
    InfernoCase(
      name: "flamegraph_nameattr_empty_line",
      inputs: [pl + "perf-cycles-instructions-01-collapsed-all.txt"],
      flags: ["--hash", "--nameattr", inferno + "nameattr/nameattr_empty_first_line.txt"],
      expected: "nameattr/nameattr.svg"),
    InfernoCase(
      name: "flamegraph_nameattr_duplicate_attributes",
      inputs: [pl + "perf-cycles-instructions-01-collapsed-all.txt"],
      flags: ["--hash", "--nameattr", inferno + "nameattr/nameattr_duplicate_attributes.txt"],
      expected: "nameattr/nameattr_duplicate_attributes.svg"),
    InfernoCase(
      name: "flamegraph_differential",
      inputs: [inferno + "differential/perf-cycles-instructions-01-collapsed-all-diff.txt"],
      flags: [], expected: "differential/diff.svg"),
    InfernoCase(
      name: "flamegraph_differential_negated",
      inputs: [inferno + "differential/perf-cycles-instructions-01-collapsed-all-diff.txt"],
      flags: ["--negate"], expected: "differential/diff-negated.svg"),
    InfernoCase(
      name: "flamegraph_grey_frames", inputs: [inferno + "grey-frames/grey-frames.txt"],
      flags: ["--hash"], expected: "grey-frames/grey-frames.svg"),
    InfernoCase(
      name: "flamegraph_should_prune_narrow_blocks",
      inputs: [inferno + "narrow-blocks/narrow-blocks.txt"], flags: ["--hash"],
      expected: "narrow-blocks/narrow-blocks.svg"),
    InfernoCase(
      name: "flamegraph_reversed_stack_ordering_with_fractional_samples",
      inputs: [inferno + "fractional-samples/fractional.txt"], flags: ["--hash", "--reverse"],
      expected: "fractional-samples/fractional-reversed.svg", difference: .fractionalCounts),
    InfernoCase(
      name: "flamegraph_reversed_stack_ordering_with_space",
      inputs: [inferno + "fractional-samples/with-space.txt"], flags: ["--hash", "--reverse"],
      expected: "fractional-samples/with-space-reversed.svg", difference: .fractionalCounts),
    InfernoCase(
      name: "flamegraph_austin", inputs: [inferno + "austin/flames.txt"], flags: [],
      expected: "austin/flame.svg"),
    InfernoCase(
      name: "flamegraph_base_symbol", inputs: [inferno + "base/flames.txt.gz"],
      flags: ["--base", "Final"], expected: "base/single-base.svg", difference: .innermostBase),
    InfernoCase(
      name: "flamegraph_multiple_base_symbol", inputs: [inferno + "base/flames.txt.gz"],
      flags: ["--base", "Final", "--base", "Samples"], expected: "base/multi-base.svg",
      difference: .innermostBase),
    InfernoCase(
      name: "flamegraph_colors_js", inputs: [pl + "perf-js-stacks-01-collapsed-all.txt"],
      flags: ["--colors", "js", "--bgcolors", "green", "--hash"], expected: "colors/js.svg"),
  ]

  /// Our SVG of the inputs with these flags: static, so that its frames are
  /// the elements of the document as in the peers' test outputs.
  static func ours(_ inputs: [String], _ flags: [String]) throws -> (String, CommandResult) {
    let arguments =
      flags.map { $0.hasPrefix("Tests/") ? RepositoryPaths.file($0).path : $0 }
      + ["--no-javascript"] + inputs.map { RepositoryPaths.file($0).path }
    let result = try CommandRunner.run(arguments)
    return (String(decoding: result.standardOutput, as: UTF8.self), result)
  }

  /// What differs between two graphs' frames, for the failure message.
  static func difference(_ peer: PeerSVGFrames, _ ours: PeerSVGFrames) -> String {
    let theirs = peer.counted
    let mine = ours.counted
    let missing = theirs.filter { mine[$0.key, default: 0] < $0.value }.keys.map(\.description)
    let extra = mine.filter { theirs[$0.key, default: 0] < $0.value }.keys.map(\.description)
    return "missing: \(missing.sorted().prefix(8)); extra: \(extra.sorted().prefix(8))"
  }

  @Test(arguments: infernoCases)
  func infernoTestCase(_ test: InfernoCase) throws {
    // inferno's default --minwidth is 0.01 (percent): the same flag here.
    let (svg, result) = try Self.ours(test.inputs, ["--minwidth", "0.01"] + test.flags)
    #expect(result.status == 0, "\(result.standardError)")
    let expected = try String(
      contentsOf: RepositoryPaths.file(Self.inferno + test.expected), encoding: .utf8)
    let peer = PeerSVGFrames(svg: expected)
    let mine = PeerSVGFrames(svg: svg)
    #expect(peer.frames.count > 1)
    switch test.difference {
    case nil:
      #expect(mine.counted == peer.counted, "\(Self.difference(peer, mine))")
    case .fractionalCounts:
      // inferno also trims the space that starts ` _]>::default` (split from `[T; _]`).
      let shape = { (frames: PeerSVGFrames) in
        frames.frames.map { "\($0.depth) \($0.name.trimmingCharacters(in: .whitespaces))" }.sorted()
      }
      #expect(shape(mine) == shape(peer))
    case .innermostBase:
      #expect(Set(mine.frames.map(\.name)) == Set(peer.frames.map(\.name)))
    }
    #expect(mine.attributes == peer.attributes)
  }

  @Test func infernoInvalidAttributeIsNamedInAWarning() throws {
    let (_, result) = try Self.ours(
      [Self.pl + "perf-cycles-instructions-01-collapsed-all.txt"],
      ["--nameattr", Self.inferno + "nameattr/nameattr_invalid_attribute.txt"])
    #expect(result.status == 0)
    #expect(result.standardError.contains("flamegraph: warning: --nameattr: line 1 (main):"))
    #expect(result.standardError.contains("invalid"))
  }

  // MARK: inferno through pyinferno, where it is installed

  /// Loads pyinferno's compiled inferno (0.11, default options) without its
  /// package's other imports, and writes the SVG of the file it is given.
  static let pyinfernoScript = """
    import glob, importlib.util, os, site, sys
    roots = site.getsitepackages() + [site.getusersitepackages()]
    hits = [h for r in roots for h in glob.glob(os.path.join(r, "pyinferno", "pyinferno*.so"))]
    if not hits: sys.exit(3)
    spec = importlib.util.spec_from_file_location("pyinferno", hits[0])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
    sys.stdout.write(module.flamegraph_from_lines(lines, "Flame Graph"))
    """

  /// inferno's SVG of a file, or nil when pyinferno is not installed.
  static func pyinferno(_ path: String) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", pyinfernoScript, path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let svg = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: svg, as: UTF8.self) : nil
  }

  static let hasPyinferno =
    (try? pyinferno(RepositoryPaths.file(inferno + "austin/flames.txt").path)) != nil

  @Test(.enabled(if: hasPyinferno, "python3 -m pip install pyinferno==0.2.6"))
  func infernoOnFlamegraphPLTestInputs() throws {
    let folder = RepositoryPaths.file(Self.pl)
    let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".txt") }.sorted().map { Self.pl + $0 }
    for input in inputs + [Self.inferno + "austin/flames.txt"] {
      let expected = try #require(try Self.pyinferno(RepositoryPaths.file(input).path))
      let peer = PeerSVGFrames(svg: expected)
      let (svg, result) = try Self.ours([input], ["--minwidth", "0.01"])
      #expect(result.status == 0)
      let mine = PeerSVGFrames(svg: svg)
      #expect(peer.frames.count > 1, "\(input)")
      let same = mine.counted == peer.counted
      #expect(same, "\(input): \(Self.difference(peer, mine))")
    }
  }

  // MARK: flamegraph.pl, run where it is installed

  static let flamegraphPL = ProcessInfo.processInfo.environment["FLAMEGRAPH_PL"].flatMap {
    $0.isEmpty ? nil : $0
  }

  /// flamegraph.pl's flags, and ours where they are spelled differently:
  /// its bare `--minwidth` is pixels, written `px` here.
  static let flamegraphPLFlags: [(theirs: [String], ours: [String])] = [
    ([], []), (["--reverse"], ["--reverse"]), (["--inverted"], ["--inverted"]),
    (["--flamechart"], ["--flamechart"]), (["--factor", "2.5"], ["--factor", "2.5"]),
    (["--minwidth", "5"], ["--minwidth", "5px"]), (["--minwidth", "2%"], ["--minwidth", "2%"]),
    (["--total", "100000"], ["--total", "100000"]), (["-width", "700"], ["-width", "700"]),
    (["--colors", "chain"], ["-c", "chain"]),
  ]

  @Test(.enabled(if: flamegraphPL != nil, "set FLAMEGRAPH_PL to flamegraph.pl's path"))
  func flamegraphPLOnItsOwnTestInputs() throws {
    let folder = RepositoryPaths.file(Self.pl)
    let inputs = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      .filter { $0.hasSuffix(".txt") }.sorted()
    #expect(inputs.count >= 5)
    for input in inputs {
      for (theirs, ours) in Self.flamegraphPLFlags {
        let path = folder.appendingPathComponent(input).path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["perl", Self.flamegraphPL!] + theirs + [path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let expected = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let inverted = theirs.contains("--inverted")
        // Perl's sprintf rounds halves to even (`--factor 2.5`).
        var peer = PeerSVGFrames(
          svg: String(decoding: expected, as: UTF8.self), inverted: inverted,
          rounding: .toNearestOrEven)
        let (svg, result) = try Self.ours([Self.pl + input], ours)
        #expect(result.status == 0, "\(input) \(ours): \(result.standardError)")
        var mine = PeerSVGFrames(svg: svg, inverted: inverted, rounding: .toNearestOrEven)
        // The documented differences (README, "Coming from inferno / flamegraph.pl").
        if theirs.contains("--total") {
          // flamegraph.pl gives the root the --total as its count, and
          // prunes it when it is narrower than --minwidth; the root here
          // keeps its own count and is always drawn.
          peer.frames.removeAll { $0.depth == 0 }
          mine.frames.removeAll { $0.depth == 0 }
        }
        if theirs.contains("chain") {
          // flamegraph.pl's chain palette appends a `--` frame to stacks without one.
          peer.frames.removeAll { $0.name == "--" }
        }
        #expect(mine.frames.count > 1 || theirs.contains("--total"), "\(input) \(theirs)")
        let same = mine.counted == peer.counted
        #expect(same, "\(input) \(theirs): \(Self.difference(peer, mine))")
      }
    }
  }
}
