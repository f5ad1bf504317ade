import Foundation
import Testing

/// The command as an inferno-flamegraph or flamegraph.pl user types it.
@Suite struct DropInCommandTests {
  let stacks = Data("main;work 3\nmain;rest 1\n".utf8)

  func svg(_ result: CommandResult) -> String {
    String(decoding: result.standardOutput, as: UTF8.self)
  }

  @Test func flamegraphPLStyleOptionsDrawTheGraph() throws {
    let result = try CommandRunner.run(["-width", "900", "-title", "Mine", "--inv"], input: stacks)
    #expect(result.status == 0, "\(result.standardError)")
    let text = svg(result)
    #expect(text.hasPrefix("<?xml"))
    #expect(text.contains("width=\"900\""))
    #expect(text.contains(">Mine</text>"))
    #expect(!text.contains("OVERVIEW"))
  }

  @Test func helpGoesToStandardOutputOnlyWhenAskedAlone() throws {
    let alone = try CommandRunner.run(["--help"])
    #expect(alone.status == 0)
    #expect(svg(alone).contains("OVERVIEW"))
    for arguments in [["-width", "900", "--help"], ["-ih"], ["-help", "in.folded"]] {
      let result = try CommandRunner.run(arguments, input: stacks)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.standardOutput.isEmpty, "\(arguments)")
      #expect(result.standardError.contains("flamegraph: error: "), "\(arguments)")
    }
  }

  @Test func versionIsPrinted() throws {
    let result = try CommandRunner.run(["--version"])
    #expect(result.status == 0)
    #expect(svg(result).split(separator: ".").count == 3)
  }

  @Test func errorsHaveOneStyle() throws {
    for (arguments, expected) in [
      (["--width", "-5"], "flamegraph: error: --width must be at least 20 pixels"),
      (["--no-such-flag"], "flamegraph: error: unknown option '--no-such-flag'"),
      (["--colors", "rainbow"], "flamegraph: error: the value 'rainbow' is invalid"),
      (["--co", "x"], "flamegraph: error: --co is ambiguous"),
    ] {
      let result = try CommandRunner.run(arguments, input: stacks)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.standardError.hasPrefix(expected), "\(result.standardError)")
      #expect(result.standardOutput.isEmpty)
    }
  }

  @Test func quietSilencesWarningsAndVerboseTellsWhatWasDone() throws {
    let input = Data("main;work 3\nbroken line\n".utf8)
    let plain = try CommandRunner.run([], input: input)
    #expect(plain.standardError.hasPrefix("flamegraph: warning: "))
    let quiet = try CommandRunner.run(["-q"], input: input)
    #expect(quiet.status == 0)
    #expect(quiet.standardError.isEmpty)
    #expect(quiet.standardOutput == plain.standardOutput)
    let verbose = try CommandRunner.run(["-v"], input: stacks)
    #expect(verbose.standardError.contains("flamegraph: read standard input: 4 samples"))
    #expect(verbose.standardError.contains("flamegraph: wrote svg to standard output"))
    #expect(!verbose.standardError.contains(" s\n"))
    let louder = try CommandRunner.run(["-vv"], input: stacks)
    #expect(louder.standardError.contains("read and laid out in "))
    // 0.1 + 0.2 is 0.30000000000000004 in doubles: told as 0.3.
    let fractional = try CommandRunner.run(["-v"], input: Data("a 0.1\nb 0.2\n".utf8))
    #expect(fractional.standardError.contains("read standard input: 0.3 samples,"))
  }

  @Test func strokeColorNoneDrawsNoOutline() throws {
    let none = try CommandRunner.run(["--stroke-color", "none"], input: stacks)
    #expect(none.status == 0)
    #expect(!svg(none).contains("stroke="))
    let grey = try CommandRunner.run(["--stroke-color", "#808080"], input: stacks)
    #expect(svg(grey).contains("stroke=\"#808080\""))
  }

  @Test func bareMinimumWidthIsAPercentagePixelsNeedPx() throws {
    // rest is 1 of 4 samples: 25%, and 295 pixels of the 1180 drawn.
    let percent = try CommandRunner.run(["--minwidth", "30"], input: stacks)
    #expect(!svg(percent).contains("<title>rest"))
    #expect(svg(percent).contains("<title>work"))
    let sign = try CommandRunner.run(["--minwidth", "30%"], input: stacks)
    #expect(sign.standardOutput == percent.standardOutput)
    let pixels = try CommandRunner.run(["--minwidth", "30px"], input: stacks)
    #expect(svg(pixels).contains("<title>rest"))
  }

  @Test func combinationsInfernoRefusesAreWarnedAbout() throws {
    for (arguments, warning) in [
      (["--hash", "--deterministic"], "--deterministic and --hash both choose how colors vary"),
      (
        ["--colordiffusion", "--colors", "java"],
        "--colors java has no effect with --colordiffusion"
      ),
      (["--reverse", "--flamechart"], "--reverse with --flamechart"),
      (["--encoding", "ISO-8859-1"], "--encoding ISO-8859-1 is ignored"),
    ] {
      let result = try CommandRunner.run(arguments, input: stacks)
      #expect(result.status == 0, "\(arguments)")
      #expect(result.standardError.hasPrefix("flamegraph: warning: "))
      #expect(
        result.standardError.contains(warning),
        "\(arguments): \(result.standardError)")
    }
    let utf8 = try CommandRunner.run(["--encoding", "utf-8"], input: stacks)
    #expect(utf8.standardError.isEmpty)
  }

  @Test func randomColorsChangeFromRunToRun() throws {
    let many = Data((0..<50).map { "main;f\($0) 1\n" }.joined().utf8)
    let first = try CommandRunner.run(["--random"], input: many)
    let second = try CommandRunner.run(["--random"], input: many)
    #expect(first.status == 0)
    #expect(first.standardOutput != second.standardOutput)
    let seeded = try CommandRunner.run([], input: many)
    #expect(try CommandRunner.run([], input: many).standardOutput == seeded.standardOutput)
  }

  @Test func chainPaletteColorsTheWakerAfterTheSeparator() throws {
    let chain = Data("sleep;schedule;--;wake;try_to_wake_up 5\n".utf8)
    let result = try CommandRunner.run(["-c", "chain", "--format", "json"], input: chain)
    #expect(result.status == 0, "\(result.standardError)")
    let scene = try #require(
      try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any])
    let frames = try #require(scene["frames"] as? [[String: Any]])
    func fill(_ name: String) throws -> (Int, Int, Int) {
      let frame = try #require(frames.first { $0["name"] as? String == name })
      let hex = try #require(frame["fill"] as? String)
      let value = Int(hex.dropFirst(), radix: 16)!
      return (value >> 16, (value >> 8) & 0xff, value & 0xff)
    }
    // Off-CPU frames blue (blue above green), waker frames aqua (green as high as blue).
    for name in ["sleep", "schedule"] {
      let (red, green, blue) = try fill(name)
      #expect(blue > green && blue > red, "\(name)")
    }
    for name in ["wake", "try_to_wake_up"] {
      let (red, green, blue) = try fill(name)
      #expect(green > red && abs(green - blue) < 40, "\(name)")
    }
  }

  @Test func binaryOutputIsRefusedOnATerminal() throws {
    let script = URL(fileURLWithPath: "/usr/bin/script")
    try #require(FileManager.default.isExecutableFile(atPath: script.path))
    let process = Process()
    process.executableURL = script
    let command = "\(RepositoryPaths.executable.path) --format png </dev/null"
    process.arguments = ["-qec", command, "/dev/null"]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 64)
    #expect(text.contains("standard output is a terminal"))
    #expect(text.contains("-o FILE"))
    #expect(!text.contains("PNG\r\n\u{1A}"))
  }

  @Test func completionScriptsOfferNoHelpSubcommandAndCompleteFiles() throws {
    for shell in ["bash", "zsh", "fish"] {
      let result = try CommandRunner.run(["--generate-completion-script", shell])
      #expect(result.status == 0)
      let script = svg(result)
      #expect(!script.contains("Show subcommand help"), "\(shell)")
      #expect(!script.contains("_flamegraph_help"), "\(shell)")
    }
    let bash = svg(try CommandRunner.run(["--generate-completion-script", "bash"]))
    for option in ["'--output'|'-o'", "'--categories'", "'-p'|'--palette-file'", "'--nameattr'"] {
      #expect(bash.contains("\(option))\n        __flamegraph_add_completions -f\n"), "\(option)")
    }
    #expect(bash.contains("'--source-path')\n        __flamegraph_add_completions -d\n"))
    let zsh = svg(try CommandRunner.run(["--generate-completion-script", "zsh"]))
    #expect(zsh.contains("'*:files:_files'"))
    #expect(zsh.contains("source-path:_files -/"))
    let directory = try CommandRunner.temporaryDirectory()
    let file = directory.appendingPathComponent("flamegraph.bash")
    try bash.write(to: file, atomically: true, encoding: .utf8)
    let check = Process()
    check.executableURL = URL(fileURLWithPath: "/bin/bash")
    check.arguments = ["-n", file.path]
    try check.run()
    check.waitUntilExit()
    #expect(check.terminationStatus == 0)
  }
}
