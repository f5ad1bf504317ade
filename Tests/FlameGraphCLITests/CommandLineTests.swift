import Foundation
import Testing

/// The `flamegraph` command as a script would use it: files and stdin in,
/// SVG out, exit statuses, and never a broken output file.
@Suite struct CommandLineTests {
  let seed = RepositoryPaths.file("Examples/seed-memory.folded").path

  @Test func writesSVGToStandardOutputByDefault() throws {
    let result = try CommandRunner.run([seed])
    #expect(result.status == 0)
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.hasPrefix("<?xml"))
    #expect(svg.contains("<svg "))
    #expect(svg.hasSuffix("</svg>\n"))
  }

  @Test func readsStandardInputWhenNoFileOrDash() throws {
    let input = Data("main;work 3\nmain;rest 1\n".utf8)
    for arguments in [[], ["-"]] {
      let result = try CommandRunner.run(arguments, input: input)
      #expect(result.status == 0)
      let svg = String(decoding: result.standardOutput, as: UTF8.self)
      #expect(svg.contains("<title>work (3 samples, 75.00%)</title>"))
    }
  }

  @Test func mergesSeveralFiles() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let first = directory.appendingPathComponent("a.folded")
    let second = directory.appendingPathComponent("b.folded")
    try "main;work 3\n".write(to: first, atomically: true, encoding: .utf8)
    try "main;work 2\nmain;idle 5\n".write(to: second, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run([first.path, second.path])
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("<title>work (5 samples, 50.00%)</title>"))
    #expect(svg.contains("<title>all (10 samples, 100.00%)</title>"))
  }

  @Test func outputIsByteIdenticalAcrossRuns() throws {
    let first = try CommandRunner.run([seed, "--colordiffusion", "-i"])
    let second = try CommandRunner.run([seed, "--colordiffusion", "-i"])
    #expect(first.standardOutput == second.standardOutput)
    let hashed = try CommandRunner.run([seed, "--hash"])
    let hashedAgain = try CommandRunner.run([seed, "--hash"])
    #expect(hashed.standardOutput == hashedAgain.standardOutput)
  }

  @Test func writesTheFileNamedByOutput() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let output = directory.appendingPathComponent("graph.svg")
    let result = try CommandRunner.run([seed, "-o", output.path])
    #expect(result.status == 0)
    #expect(result.standardOutput.isEmpty)
    let svg = try String(contentsOf: output, encoding: .utf8)
    #expect(svg.contains("example.py:13 (main)"))
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    #expect(leftovers == ["graph.svg"])
  }

  @Test func pngAndPDFFollowTheOutputExtension() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let png = directory.appendingPathComponent("graph.png")
    let pdf = directory.appendingPathComponent("graph.PDF")
    #expect(try CommandRunner.run([seed, "-o", png.path]).status == 0)
    #expect(try CommandRunner.run([seed, "-o", pdf.path, "--title", "Peak memory"]).status == 0)
    let pngBytes = try Data(contentsOf: png)
    #expect(pngBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let pdfBytes = try Data(contentsOf: pdf)
    #expect(pdfBytes.starts(with: Array("%PDF-".utf8)))
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == [
        "graph.PDF", "graph.png",
      ])
  }

  @Test func formatWritesPNGToStandardOutputAtAScale() throws {
    let single = try CommandRunner.run(["--format", "png"], input: Data("main;work 3\n".utf8))
    let double = try CommandRunner.run(
      ["--format", "png", "--scale", "2"], input: Data("main;work 3\n".utf8))
    #expect(single.status == 0)
    func width(_ png: Data) -> Int { png[16..<20].reduce(0) { $0 << 8 | Int($1) } }
    #expect(width(single.standardOutput) == 1200)
    #expect(width(double.standardOutput) == 2400)
  }

  @Test func pdfIsReproducibleWithSourceDateEpoch() throws {
    let directory = try CommandRunner.temporaryDirectory()
    var outputs: [Data] = []
    for name in ["a.pdf", "b.pdf"] {
      let file = directory.appendingPathComponent(name)
      let process = Process()
      process.executableURL = RepositoryPaths.executable
      process.arguments = [seed, "-o", file.path]
      process.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      outputs.append(try Data(contentsOf: file))
      usleep(1_100_000)  // a different second, which would show in a creation date
    }
    #expect(outputs[0] == outputs[1])
  }

  @Test func tooLargePNGIsAClearErrorAndNoFile() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let png = directory.appendingPathComponent("huge.png")
    let result = try CommandRunner.run([seed, "--scale", "8", "--height", "400", "-o", png.path])
    #expect(result.status == 73)
    #expect(result.standardError.contains("pixels"))
    #expect(!FileManager.default.fileExists(atPath: png.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
  }

  @Test func jsonFormatsFollowTheOutputName() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let expectations = [
      ("graph.json", "\"schema\":\"swift-flamegraph/scene/1\""),
      ("graph.tree.json", "\"schema\":\"swift-flamegraph/tree/1\""),
      (
        "graph.speedscope.json",
        "\"$schema\":\"https://www.speedscope.app/file-format-schema.json\""
      ),
    ]
    for (name, marker) in expectations {
      let file = directory.appendingPathComponent(name)
      let result = try CommandRunner.run([seed, "-o", file.path])
      #expect(result.status == 0, "\(result.standardError)")
      let text = try String(contentsOf: file, encoding: .utf8)
      #expect(text.contains(marker), "\(name)")
      #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }
    let tree = try CommandRunner.run(["--format", "tree"], input: Data("a;b 2\n".utf8))
    let root = try JSONSerialization.jsonObject(with: tree.standardOutput) as? [String: Any]
    #expect(root?["value"] as? Double == 2)
  }

  @Test func sourcePathShowsCodeAndWarnsAboutMissingFiles() throws {
    let examples = RepositoryPaths.file("Examples").path
    let result = try CommandRunner.run([seed, "--source-path", examples, "--format", "json"])
    #expect(result.status == 0)
    let text = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(text.contains("\"sourceLine\":\"return np.zeros((1024, 1024, 50))\""))
    // numpy's files are not there: a counted warning, not an error.
    #expect(result.standardError.contains("warning: no code shown for some frames"))
    #expect(result.standardError.contains("source files not found"))
    let quiet = try CommandRunner.run([
      seed, "--format", "json", "--no-source", "--source-path", examples,
    ])
    #expect(!String(decoding: quiet.standardOutput, as: UTF8.self).contains("sourceLine"))
  }

  @Test func categoriesTakeAPresetOrARulesFile() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let rules = directory.appendingPathComponent("rules.txt")
    try "example.py -> Mine #123456\nnumpy/ -> NumPy\n".write(
      to: rules, atomically: true, encoding: .utf8)
    let result = try CommandRunner.run([seed, "--categories", rules.path, "--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    let document = try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any]
    let legend = try #require(document?["legend"] as? [[String: Any]])
    #expect(legend.map { $0["name"] as? String } == ["Mine", "NumPy", "Other"])
    #expect(legend[0]["color"] as? String == "#123456")
    let python = try CommandRunner.run([seed, "--categories", "python", "--format", "json"])
    #expect(python.status == 0)
    for bad in ["nonsense-preset", rules.path + ".missing"] {
      let failed = try CommandRunner.run([seed, "--categories", bad])
      #expect(failed.status == 64)
      #expect(failed.standardError.contains("--categories"))
    }
    try "no arrow\n".write(to: rules, atomically: true, encoding: .utf8)
    let malformed = try CommandRunner.run([seed, "--categories", rules.path])
    #expect(malformed.status == 64)
    #expect(malformed.standardError.contains("line 1"))
  }

  @Test func unknownOutputExtensionIsAUsageError() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let output = directory.appendingPathComponent("graph.xyz")
    let result = try CommandRunner.run([seed, "-o", output.path])
    #expect(result.status == 64)
    #expect(result.standardError.contains("graph.xyz"))
    #expect(result.standardError.contains(".svg"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func emptyInputFailsWithoutTouchingTheOutput() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let output = directory.appendingPathComponent("graph.svg")
    try "previous content".write(to: output, atomically: true, encoding: .utf8)
    for input in ["", "\n\n", "no count here\nnor here\n", "main 0\n"] {
      let result = try CommandRunner.run(["-o", output.path], input: Data(input.utf8))
      #expect(result.status == 65, "input \(input.debugDescription)")
      #expect(result.standardError.contains("error:"))
      #expect(try String(contentsOf: output, encoding: .utf8) == "previous content")
    }
    let fresh = directory.appendingPathComponent("never.svg")
    let result = try CommandRunner.run(["-o", fresh.path], input: Data())
    #expect(result.status == 65)
    #expect(!FileManager.default.fileExists(atPath: fresh.path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["graph.svg"])
  }

  @Test func missingInputFileIsReported() throws {
    let result = try CommandRunner.run(["/nonexistent/profile.folded"])
    #expect(result.status == 66)
    #expect(result.standardError.contains("/nonexistent/profile.folded"))
    #expect(result.standardOutput.isEmpty)
  }

  @Test func unwritableOutputIsReported() throws {
    let result = try CommandRunner.run([seed, "-o", "/nonexistent-directory/graph.svg"])
    #expect(result.status == 73)
    #expect(result.standardError.contains("/nonexistent-directory/graph.svg"))
  }

  @Test func malformedLinesAreCountedAndNamed() throws {
    let input = "main;ok 3\nmain;nocount\nmain;bad 12x\nmain;neg -4\nmain;ok 1\n"
    let result = try CommandRunner.run([], input: Data(input.utf8))
    #expect(result.status == 0)
    #expect(result.standardError.contains("skipped 3 malformed lines"))
    #expect(result.standardError.contains("-:2: no count"))
    #expect(result.standardError.contains("-:3: the count is not a number"))
    #expect(result.standardError.contains("-:4: the count is negative"))
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("<title>ok (4 samples, 100.00%)</title>"))
  }

  @Test func strictMakesMalformedLinesAnError() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let output = directory.appendingPathComponent("graph.svg")
    let result = try CommandRunner.run(
      ["--strict", "-o", output.path], input: Data("main;ok 3\nmain;bad x\n".utf8))
    #expect(result.status == 65)
    #expect(result.standardError.contains("-:2"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func badOptionValuesAreUsageErrors() throws {
    for arguments in [
      ["--width", "-5"], ["--minwidth", "abc"], ["--colors", "rainbow"], ["--bgcolors", "plaid"],
      ["--factor", "0"],
    ] {
      let result = try CommandRunner.run(arguments + [seed])
      #expect(result.status == 64, "\(arguments)")
      #expect(result.standardOutput.isEmpty)
    }
  }

  @Test func helpDocumentsExitStatusesAndInfernoOptions() throws {
    let result = try CommandRunner.run(["--help"])
    #expect(result.status == 0)
    let help = String(decoding: result.standardOutput, as: UTF8.self)
    for option in [
      "--title", "--subtitle", "--notes", "--width", "--height", "--fontsize", "--fonttype",
      "--fontwidth", "--bgcolors", "--colors", "--countname", "--nametype", "--minwidth",
      "--inverted", "--reverse", "--flamechart", "--colordiffusion", "--hash", "--deterministic",
      "--cp", "--negate", "--truncate-text-right", "--base", "--factor",
    ] {
      #expect(help.contains(option), "\(option)")
    }
    #expect(help.contains("Exit status"))
    #expect(help.contains("65"))
  }

  @Test func infernoStyleInvocationWorksUnchanged() throws {
    // A typical inferno-flamegraph command line, with only the name changed.
    let result = try CommandRunner.run([
      "--title", "Memory", "--countname", "bytes", "--nametype", "Allocation:", "--colors", "mem",
      "--minwidth", "0.5", "--fontsize", "11", "--fonttype", "monospace", "--fontwidth", "0.6",
      "--height", "18", "--width", "1000", "-i", "--hash", "--base", "example.py:12 (main)", seed,
    ])
    #expect(result.status == 0, "\(result.standardError)")
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains(">Memory</text>"))
    #expect(svg.contains("width=\"1000\""))
    #expect(svg.contains("data-nametype=\"Allocation:\""))
    // Re-rooted at main:12: the other allocations are gone.
    #expect(!svg.contains("make_big_array"))
    #expect(svg.contains("make_two_arrays"))
    #expect(svg.contains("bytes, 100.00%)</title>"))
  }

  @Test func moreInfernoFlagsAreAccepted() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let input = Data("main;work 3\n".utf8)
    let result = try CommandRunner.run(
      [
        "--stroke-color", "#808080", "--no-javascript", "--pretty-xml", "--no-sort", "--cp",
        "--palette-file", "colors.map",
      ], input: input, in: directory)
    #expect(result.status == 0, "\(result.standardError)")
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("stroke=\"#808080\""))
    #expect(!svg.contains("<script"))
    let map = try String(
      contentsOf: directory.appendingPathComponent("colors.map"), encoding: .utf8)
    #expect(map.contains("work->rgb("))
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("palette.map").path))
  }

  @Test func consistentPaletteWritesAndReusesPaletteMap() throws {
    let directory = try CommandRunner.temporaryDirectory()
    try "main (x)->rgb(1,2,3)\n".write(
      to: directory.appendingPathComponent("palette.map"), atomically: true, encoding: .utf8)
    let input = Data("main (x);work 3\nmain (x);rest 1\n".utf8)
    let result = try CommandRunner.run(["--cp"], input: input, in: directory)
    #expect(result.status == 0)
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("fill=\"#010203\""))
    let map = try String(
      contentsOf: directory.appendingPathComponent("palette.map"), encoding: .utf8)
    #expect(map.contains("main (x)->rgb(1,2,3)"))
    #expect(map.contains("work->rgb("))
    #expect(map.contains("rest->rgb("))
    // A second run with other colors settings keeps the recorded colors.
    let again = try CommandRunner.run(["--cp", "--colors", "blue"], input: input, in: directory)
    let workColor = map.split(separator: "\n").first { $0.hasPrefix("work->") }!
      .split(separator: ">").last!
    let hex = try #require(rgbToHex(String(workColor)))
    #expect(String(decoding: again.standardOutput, as: UTF8.self).contains("fill=\"\(hex)\""))
  }

  private func rgbToHex(_ text: String) -> String? {
    let parts = text.dropFirst(4).dropLast().split(separator: ",").compactMap { Int($0) }
    guard parts.count == 3 else { return nil }
    return "#" + parts.map { String(format: "%02x", $0) }.joined()
  }
}
