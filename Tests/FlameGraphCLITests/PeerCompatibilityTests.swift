import FlameGraphTestSupport
import Foundation
import Testing

/// The peers' own test suites, read from checkouts of their repositories
/// when environment variables name them (nothing of theirs is in this
/// repository): every frame (name, count, depth) of the peer's graph is in
/// ours, and no other. Each test is skipped, and says so, when its
/// checkout or program is not given.
@Suite("Compatibility with inferno's and flamegraph.pl's own tests")
struct PeerCompatibilityTests {
  /// A checkout of github.com/jonhoo/inferno.
  static let infernoRepo = PeerCompatibility.environment("INFERNO_REPO")
  /// A checkout of github.com/brendangregg/FlameGraph.
  static let flamegraphRepo = PeerCompatibility.environment("FLAMEGRAPH_REPO")
  /// flamegraph.pl: `FLAMEGRAPH_PL`, or the one in `FLAMEGRAPH_REPO`.
  static let flamegraphPL =
    PeerCompatibility.environment("FLAMEGRAPH_PL")
    ?? flamegraphRepo.map { $0 + "/flamegraph.pl" }.flatMap {
      FileManager.default.fileExists(atPath: $0) ? $0 : nil
    }

  /// FlameGraph's test inputs, `test/results/*-collapsed-*.txt`.
  static func flamegraphInputs(only suffix: String = "") throws -> [String] {
    let folder = flamegraphRepo! + "/test/results"
    return try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.contains("-collapsed-\(suffix)") && $0.hasSuffix(".txt") }.sorted()
      .map { folder + "/" + $0 }
  }

  /// Our static SVG of absolute paths with the flags.
  static func ours(_ inputs: [String], _ flags: [String], inverted: Bool = false) throws -> (
    PeerSVGFrames, CommandResult
  ) {
    let result = try CommandRunner.run(flags + ["--no-javascript"] + inputs)
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    return (PeerSVGFrames(svg: svg, inverted: inverted), result)
  }

  /// Whether a folded file has counts with a fractional part.
  static func hasFractionalCounts(_ path: String) -> Bool {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    return InfernoTestCase.firstMatch(#"(\.\d*[1-9]\d*)[ \t]*(?:\n|$)"#, in: text) != nil
  }

  @Test(.enabled(if: infernoRepo != nil, "set INFERNO_REPO to a checkout of jonhoo/inferno"))
  func infernoTestCasesAgree() throws {
    let (cases, notCompared) = try InfernoTestCase.read(
      inferno: Self.infernoRepo!, flamegraphRepo: Self.flamegraphRepo)
    #expect(cases.count >= 10)
    var agreeing = 0
    for test in cases {
      // inferno's default --minwidth is 0.01 (percent): the same flag here.
      let (mine, result) = try Self.ours(
        test.inputs, ["--minwidth", "0.01"] + test.flags, inverted: test.inverted)
      let expected = try String(contentsOfFile: test.expected, encoding: .utf8)
      let peer = PeerSVGFrames(svg: expected, inverted: test.inverted)
      var same: Bool
      if test.flags.contains("--base") {
        // The documented difference: the outermost --base frame here,
        // the innermost in inferno; the same functions are drawn.
        same = Set(mine.frames.map(\.name)) == Set(peer.frames.map(\.name))
      } else if test.inputs.contains(where: Self.hasFractionalCounts) {
        // The documented difference: fractional counts kept here.
        same = PeerCompatibility.shape(mine) == PeerCompatibility.shape(peer)
      } else {
        same = mine.counted == peer.counted
      }
      same =
        same && mine.attributes == peer.attributes && result.status == 0
        && peer.frames.count > 1
      #expect(
        same,
        "\(test.name) \(test.flags): \(PeerCompatibility.difference(peer.frames, mine.frames))")
      if same { agreeing += 1 }
    }
    print(
      "inferno's test cases: \(agreeing) of \(cases.count) agree; not compared: "
        + notCompared.joined(separator: "; "))
  }

  @Test(
    .enabled(if: Pyinferno.isInstalled, "python3 -m pip install pyinferno==0.2.6"),
    .enabled(
      if: flamegraphRepo != nil, "set FLAMEGRAPH_REPO to a checkout of brendangregg/FlameGraph"))
  func infernoOnFlamegraphTestInputsAgrees() throws {
    let inputs = try Self.flamegraphInputs()
    #expect(inputs.count >= 10)
    var agreeing = 0
    for input in inputs {
      let peer = PeerSVGFrames(svg: try #require(try Pyinferno.svg(input)))
      let (mine, result) = try Self.ours([input], ["--minwidth", "0.01"])
      let same = result.status == 0 && peer.frames.count > 1 && mine.counted == peer.counted
      #expect(same, "\(input): \(PeerCompatibility.difference(peer.frames, mine.frames))")
      if same { agreeing += 1 }
    }
    print("inferno (pyinferno) on FlameGraph's test inputs: \(agreeing) of \(inputs.count) agree")
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

  /// flamegraph.pl's SVG of a file with its flags.
  static func flamegraphPLSVG(_ path: String, _ flags: [String]) throws -> String {
    try ToolOutput.run(["perl", flamegraphPL!] + flags + [path]).output
  }

  /// Whether our graph of a file has the frames of flamegraph.pl's, with
  /// each set of flags (all of them, or only the first).
  static func agreesWithFlamegraphPL(_ path: String, allFlags: Bool) throws -> Bool {
    var agrees = true
    let hasSeparators =
      (try? String(contentsOfFile: path, encoding: .utf8))?.contains(";--") ?? false
    for (theirs, ours) in allFlags ? flamegraphPLFlags : [flamegraphPLFlags[0]]
    // The chain palette's `--` frames cannot be told from the input's own.
    where !(hasSeparators && theirs.contains("chain")) {
      let inverted = theirs.contains("--inverted")
      // Perl's sprintf rounds halves to even (`--factor 2.5`).
      var peer = PeerSVGFrames(
        svg: try flamegraphPLSVG(path, theirs), inverted: inverted, rounding: .toNearestOrEven)
      let result = try CommandRunner.run(ours + ["--no-javascript", path])
      var mine = PeerSVGFrames(
        svg: String(decoding: result.standardOutput, as: UTF8.self), inverted: inverted,
        rounding: .toNearestOrEven)
      // The documented differences (README, "Coming from inferno or flamegraph.pl").
      if theirs.contains("--total") {
        // flamegraph.pl gives the root the --total as its count, and
        // prunes it when it is narrower than --minwidth; the root here
        // keeps its own count and is always drawn.
        peer.frames.removeAll { $0.depth == 0 }
        mine.frames.removeAll { $0.depth == 0 }
      }
      // `;  3` ends a stack with a frame of one space for flamegraph.pl, an
      // empty one for inferno and here: names of spaces are compared empty.
      for index in peer.frames.indices where peer.frames[index].name.allSatisfy({ $0 == " " }) {
        peer.frames[index].name = ""
      }
      for index in mine.frames.indices where mine.frames[index].name.allSatisfy({ $0 == " " }) {
        mine.frames[index].name = ""
      }
      if theirs.contains("chain") {
        // flamegraph.pl's chain palette appends a `--` frame to stacks without one.
        peer.frames.removeAll { $0.name == "--" }
      }
      let same =
        result.status == 0 && (peer.frames.count > 1 || theirs.contains("--total"))
        && mine.counted == peer.counted
      #expect(same, "\(path) \(theirs): \(PeerCompatibility.difference(peer.frames, mine.frames))")
      agrees = agrees && same
    }
    return agrees
  }

  @Test(.enabled(if: flamegraphPL != nil, "set FLAMEGRAPH_PL to flamegraph.pl's path"))
  func flamegraphPLOnOurInputsAgrees() throws {
    let folder = RepositoryPaths.file(OwnCompatibilityTests.inputs).path
    // flamegraph.pl reads no austin header (`# interval: 100` is a stack to it).
    let inputs = try FileManager.default.contentsOfDirectory(atPath: folder)
      .filter { $0.hasSuffix(".folded") && $0 != "austin.folded" }.sorted()
    var agreeing = 0
    for input in inputs where try Self.agreesWithFlamegraphPL(folder + "/" + input, allFlags: true)
    {
      agreeing += 1
    }
    print("flamegraph.pl on our inputs, 10 sets of flags: \(agreeing) of \(inputs.count) agree")
  }

  @Test(
    .enabled(if: flamegraphPL != nil, "set FLAMEGRAPH_PL to flamegraph.pl's path"),
    .enabled(
      if: flamegraphRepo != nil, "set FLAMEGRAPH_REPO to a checkout of brendangregg/FlameGraph"))
  func flamegraphPLOnItsOwnTestInputsAgrees() throws {
    let inputs = try Self.flamegraphInputs()
    #expect(inputs.count >= 10)
    var agreeing = 0
    for input in inputs {
      // Every set of flags on the `-collapsed-all` inputs, the defaults on the others.
      if try Self.agreesWithFlamegraphPL(input, allFlags: input.hasSuffix("-collapsed-all.txt")) {
        agreeing += 1
      }
    }
    print("flamegraph.pl on its own test inputs: \(agreeing) of \(inputs.count) agree")
  }
}
