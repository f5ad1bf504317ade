import Foundation
import Testing

/// Extreme numbers, in the input or in options, as a user would meet them:
/// never a crash, a runaway or a silently blank graph, but a graph, or an
/// error that names the limit, with no output file.
@Suite struct ExtremeNumbersTests {
  let twoStacks = Data("main;a 3\nmain;b 1\n".utf8)

  /// 1 followed by `zeros` zeros.
  static func power(ofTen zeros: Int) -> String { "1" + String(repeating: "0", count: zeros) }

  /// Runs with `-o FILE` in a fresh folder; the result, and whether the file exists.
  func runWriting(_ name: String, _ arguments: [String], input: Data) throws -> (
    result: CommandResult, wroteFile: Bool
  ) {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent(name)
    let result = try CommandRunner.run(arguments + ["-o", output.path], input: input)
    return (result, FileManager.default.fileExists(atPath: output.path))
  }

  @Test func countsThatAddUpToAlmostNothingStillMakeAGraph() throws {
    let tiny = "0." + String(repeating: "0", count: 320) + "1"
    let result = try CommandRunner.run([], input: Data("main;a \(tiny)\n".utf8))
    #expect(result.status == 0, "\(result.standardError)")
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("<title>a (0 samples, 100.00%)</title>"))
    let scaled = try CommandRunner.run(["--factor", "1e-320"], input: twoStacks)
    #expect(scaled.status == 0, "\(scaled.standardError)")
    let scaledSVG = String(decoding: scaled.standardOutput, as: UTF8.self)
    #expect(scaledSVG.contains("<title>a (0 samples, 75.00%)</title>"))
  }

  @Test(
    arguments: [
      (["--fontsize", "1e-20"], "--fontsize must be at least 1 point."),
      (["--height", "0"], "--height must be at least 1 pixel."),
      (["--max-depth", "0"], "--max-depth must be at least 1 frame."),
      (["--fontsize", "1e300", "--format", "png"], "--fontsize must be between 1 and 1000 points"),
      (["--fontwidth", "1e-20"], "--fontwidth must be at least 0.1"),
      (["--width", "1e300"], "--width must be between 20 and 100000 pixels"),
      (["--width", "9000000", "--format", "pdf"], "--width must be between 20 and 100000 pixels"),
      (["--height", "1e300", "--format", "png"], "--height must be between 1 and 10000 pixels"),
      (["--height", "1e6", "--minwidth", "0.5%", "--format", "pdf"], "--height must be between"),
      (["--minwidth", "200%"], "--minwidth must be between 0% and 100%"),
      (["--minwidth", "5000px"], "--minwidth must be between 0 and 1200 pixels"),
      (["--factor", "0"], "--factor must be a finite number above 0"),
    ])
  func anOptionOutOfRangeNamesItsRange(arguments: [String], message: String) throws {
    let result = try CommandRunner.run(arguments, input: twoStacks)
    #expect(result.status == 64)
    #expect(result.standardError.contains(message), "\(result.standardError)")
    #expect(result.standardOutput.isEmpty)
  }

  @Test func aCountTooLargeForANumberIsAMalformedLine() throws {
    let input = "main;a \(Self.power(ofTen: 310))\nmain;b 1\n"
    let result = try CommandRunner.run([], input: Data(input.utf8))
    #expect(result.status == 0)
    #expect(result.standardError.contains("skipped 1 malformed line (-:1: the count is too large)"))
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("<title>b (1 samples, 100.00%)</title>"))
  }

  @Test func countsThatAddUpPastTheLargestNumberAreAnError() throws {
    let huge = Self.power(ofTen: 308)
    let sum = try runWriting("graph.svg", [], input: Data("main;a \(huge)\nmain;b \(huge)\n".utf8))
    #expect(sum.result.status == 65)
    #expect(sum.result.standardError.contains("add up to more than 1.8e308"))
    #expect(!sum.wroteFile)
    let factor = try runWriting(
      "graph.svg", ["--factor", "1e305"], input: Data("main;a 3000\nmain;b 1000\n".utf8))
    #expect(factor.result.status == 65)
    #expect(factor.result.standardError.contains("factor"))
    #expect(!factor.wroteFile)
  }

  @Test func aPNGOverThePixelBudgetIsRefusedBeforeDrawing() throws {
    // 20,000 x about 6,000 pixels: under 32,767 a side, over 100 megapixels.
    let (result, wroteFile) = try runWriting(
      "huge.png", ["--width", "20000", "--height", "2000"], input: twoStacks)
    #expect(result.status == 73)
    #expect(result.standardError.contains("megapixels"), "\(result.standardError)")
    #expect(!wroteFile)
  }

  @Test func aPDFLargerThanAPageIsScaledDownToFit() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for (arguments, expected) in [
      (["--width", "100000"], "Page size: 14400 x"), (["--height", "10000"], "x 14400 pts"),
    ] {
      let pdf = directory.appendingPathComponent("graph.pdf")
      let result = try CommandRunner.run(arguments + ["-o", pdf.path], input: twoStacks)
      #expect(result.status == 0, "\(result.standardError)")
      let info = try Self.tool(["pdfinfo", pdf.path])
      let lines = info.split(separator: "\n").map {
        $0.split(separator: " ").joined(separator: " ")
      }
      #expect(lines.contains { $0.hasPrefix("Page size:") && $0.contains(expected) }, "\(info)")
      let text = try Self.tool(["pdftotext", pdf.path, "-"])
      #expect(text.contains("main"))
    }
  }

  @Test func aMinimumWidthThatHidesEveryFrameStillDrawsTheRoot() throws {
    let result = try CommandRunner.run(["--minwidth", "1200px"], input: twoStacks)
    #expect(result.status == 0)
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(svg.contains("<title>all (4 samples, 100.00%)</title>"))
  }

  @Test func aBaseFunctionThatMatchesNothingIsNamed() throws {
    let result = try CommandRunner.run(["--base", "nosuch"], input: twoStacks)
    #expect(result.status == 65)
    #expect(result.standardError.contains("no stack contains the --base function \"nosuch\""))
  }

  @Test func anUnknownEndingListsExactlyTheAcceptedOnes() throws {
    let (result, wroteFile) = try runWriting("graph.tree", [], input: twoStacks)
    #expect(result.status == 64)
    #expect(
      result.standardError.contains(
        "(supported: .svg, .png, .pdf, .json, .tree.json, .speedscope.json, .folded)"),
      "\(result.standardError)")
    #expect(!wroteFile)
  }

  /// A tool's standard output.
  static func tool(_ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }
}
