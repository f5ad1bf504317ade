import Foundation
import Testing

/// The filter flags as a user runs them: each one on folded output, the
/// warnings of --sort and --total, and invalid patterns.
@Suite("Filters on the command line: --hide, --focus, --ignore, --sort, --max-depth, --total")
struct FilterCommandTests {
  func folded(_ arguments: [String], _ input: String) throws -> (Int32, String, String) {
    let result = try CommandRunner.run(
      ["--format", "folded"] + arguments, input: Data(input.utf8))
    return (
      result.status, String(decoding: result.standardOutput, as: UTF8.self), result.standardError
    )
  }

  static let input = "main;import;load;work 2\nmain;import;other 1\nmain;run;work 4\nidle 3\n"

  @Test func hideMovesChildrenUp() throws {
    let (status, text, _) = try folded(["--hide", "^import$", "--hide", "^load$"], Self.input)
    #expect(status == 0)
    #expect(text == "idle 3\nmain;other 1\nmain;run;work 4\nmain;work 2\n")
  }

  @Test func focusKeepsStacksThroughAMatch() throws {
    let (status, text, _) = try folded(["--focus", "^work$", "--focus", "^idle$"], Self.input)
    #expect(status == 0)
    #expect(text == "idle 3\nmain;import;load;work 2\nmain;run;work 4\n")
  }

  @Test func focusRootReRootsAtTheFirstMatch() throws {
    let (status, text, _) = try folded(["--focus-root", "^(load|run)$"], Self.input)
    #expect(status == 0)
    #expect(text == "load;work 2\nrun;work 4\n")
  }

  @Test func ignoreDropsStacksWithAMatch() throws {
    let (status, text, _) = try folded(["--ignore", "^work$"], Self.input)
    #expect(status == 0)
    #expect(text == "idle 3\nmain;import;other 1\n")
  }

  @Test func collapseRecursionDirectAndAll() throws {
    let input = "f;f;f;g 1\nf;g;f;h 2\n"
    let direct = try folded(["--collapse-recursion"], input)
    #expect(direct.0 == 0 && direct.1 == "f;g 1\nf;g;f;h 2\n")
    let all = try folded(["--collapse-recursion-all"], input)
    #expect(all.0 == 0 && all.1 == "f;g 1\nf;g;h 2\n")
  }

  @Test func sortBySizeInFoldedAndTreeOutput() throws {
    let input = "main;a 1\nmain;b 5\nmain;c 3\n"
    let (status, text, _) = try folded(["--sort", "size"], input)
    #expect(status == 0)
    #expect(text == "main;b 5\nmain;c 3\nmain;a 1\n")
    let tree = try CommandRunner.run(
      ["--format", "tree", "--sort", "size"], input: Data(input.utf8))
    let json = String(decoding: tree.standardOutput, as: UTF8.self)
    let b = try #require(json.range(of: "\"b\""))
    let a = try #require(json.range(of: "\"a\""))
    #expect(b.lowerBound < a.lowerBound)
  }

  @Test func sortIsIgnoredInAFlameChartWithAWarning() throws {
    let (status, text, errors) = try folded(["--sort", "size", "--flamechart"], "a 1\nb 5\n")
    #expect(status == 0)
    #expect(text == "a 1\nb 5\n")
    #expect(errors.contains("--sort is ignored with --flamechart"))
  }

  @Test func maxDepthFoldsIntoAMarkedFrame() throws {
    let (status, text, _) = try folded(["--max-depth", "2"], Self.input)
    #expect(status == 0)
    #expect(text == "idle 3\nmain;import … 3\nmain;run … 4\n")
    let zero = try folded(["--max-depth", "0"], Self.input)
    #expect(zero.0 == 64)
    #expect(zero.2.contains("--max-depth"))
  }

  @Test func thePythonPreset() throws {
    let input =
      "<frozen runpy>:198 (_run_module_as_main);app.py:1 (<module>);"
      + "<frozen importlib._bootstrap>:1176 (_find_and_load);numpy/__init__.py:1 (<module>) 5\n"
    let (status, text, _) = try folded(["--preset", "python"], input)
    #expect(status == 0)
    #expect(text == "app.py:1 (<module>);numpy/__init__.py:1 (<module>) 5\n")
    let svg = try CommandRunner.run(["--preset", "python"], input: Data(input.utf8))
    #expect(String(decoding: svg.standardOutput, as: UTF8.self).contains("Your code"))
  }

  @Test func totalScalesTheRootAndWarnsWhenTooSmall() throws {
    let plain = try CommandRunner.run(["--format", "json"], input: Data("a 10\n".utf8))
    let fixed = try CommandRunner.run(
      ["--format", "json", "--total", "20"], input: Data("a 10\n".utf8))
    #expect(plain.status == 0 && fixed.status == 0)
    #expect(plain.standardOutput != fixed.standardOutput)
    // The interactive SVG lays the whole graph out again with the same scale.
    let svg = try CommandRunner.run(["--total", "20"], input: Data("a 10\n".utf8))
    #expect(String(decoding: svg.standardOutput, as: UTF8.self).contains("\"scaleTotal\":20"))
    let plainSVG = try CommandRunner.run([], input: Data("a 10\n".utf8))
    #expect(!String(decoding: plainSVG.standardOutput, as: UTF8.self).contains("\"scaleTotal\":"))
    let small = try CommandRunner.run(["--total", "5"], input: Data("a 10\n".utf8))
    #expect(small.status == 0)
    #expect(small.standardError.contains("--total 5 is below the profile's total of 10"))
    let zero = try CommandRunner.run(["--total", "0"], input: Data("a 10\n".utf8))
    #expect(zero.status == 64)
  }

  @Test func filtersThatDropEveryStackSaySo() throws {
    let result = try CommandRunner.run(["--focus", "zzz"], input: Data("a;b 1\n".utf8))
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "the filters (--focus, --focus-root, --ignore) dropped every stack"))
  }

  @Test(arguments: ["--hide", "--focus", "--focus-root", "--ignore"])
  func anInvalidPatternIsExit64NamingTheFlag(flag: String) throws {
    let result = try CommandRunner.run([flag, "(a", "-"], input: Data("a 1\n".utf8))
    #expect(result.status == 64)
    #expect(result.standardError.contains("\(flag) (a: invalid regular expression"))
    #expect(result.standardOutput.isEmpty)
  }
}

/// `--fit` as a user runs it: a shorter PNG, and a clear error for a typo.
@Suite("--fit on the command line")
struct CanvasFitCommandTests {
  /// The height of a PNG, from its header.
  func pngHeight(_ bytes: Data) throws -> Int {
    try #require(bytes.count > 24 && bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    return bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
  }

  @Test func fitAutoCutsTheEmptyRowsOfThePNG() throws {
    let input = try Data(
      contentsOf: RepositoryPaths.file("Examples/seed-memory.folded"))
    let full = try CommandRunner.run(["--format", "png"], input: input)
    let auto = try CommandRunner.run(["--format", "png", "--fit", "auto"], input: input)
    #expect(full.status == 0 && auto.status == 0)
    #expect(try pngHeight(full.standardOutput) > 1_300)
    #expect(try pngHeight(auto.standardOutput) < 200)
  }

  @Test func anUnknownFitIsRefused() throws {
    let result = try CommandRunner.run(["--fit", "tight"], input: Data("main 1\n".utf8))
    #expect(result.status == 64)
    #expect(result.standardError.contains("fit"))
    #expect(result.standardOutput.isEmpty)
  }
}
