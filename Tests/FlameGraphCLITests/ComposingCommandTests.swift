import Foundation
import Testing

/// The tool in pipelines: folded stacks out, two profiles compared, an
/// explicit input format, austin's comment headers.
@Suite("Folded output, --diff and input formats on the command line")
struct ComposingCommandTests {
  func text(_ result: CommandResult) -> String {
    String(decoding: result.standardOutput, as: UTF8.self)
  }

  @Test func foldedOutputIsTheMergedSortedProfile() throws {
    let input = Data("main;b 1\nmain;a 2\nmain;b 3\nmain 1\n".utf8)
    let result = try CommandRunner.run(["--format", "folded"], input: input)
    #expect(result.status == 0)
    #expect(text(result) == "main 1\nmain;a 2\nmain;b 4\n")
  }

  @Test func foldedOutputAppliesTheTransforms() throws {
    let input = Data("main;parse;read 3\nmain;render;read 2\nmain;render 1\n".utf8)
    let reversed = try CommandRunner.run(["--format", "folded", "--reverse"], input: input)
    #expect(text(reversed) == "read;parse;main 3\nread;render;main 2\nrender;main 1\n")
    let based = try CommandRunner.run(["--format", "folded", "--base", "render"], input: input)
    #expect(text(based) == "render 1\nrender;read 2\n")
  }

  @Test func theFoldedExtensionAsksForFoldedOutput() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let output = directory.appendingPathComponent("merged.folded")
    let result = try CommandRunner.run(
      ["-o", output.path, "-"], input: Data("x;y 1\nx;y 2\n".utf8))
    #expect(result.status == 0)
    #expect(try String(contentsOf: output, encoding: .utf8) == "x;y 3\n")
  }

  @Test func foldedOutputReadBackGivesTheSameTree() throws {
    let seed = RepositoryPaths.file("Goldens/inputs/sympy-cpu.folded").path
    let once = try CommandRunner.run(["--format", "folded", seed])
    let twice = try CommandRunner.run(["--format", "folded", "-"], input: once.standardOutput)
    let tree = try CommandRunner.run(["--format", "tree", seed])
    let treeAgain = try CommandRunner.run(["--format", "tree", "-"], input: once.standardOutput)
    #expect(once.status == 0 && twice.status == 0)
    #expect(once.standardOutput == twice.standardOutput)
    #expect(tree.standardOutput == treeAgain.standardOutput)
  }

  @Test func diffComparesTwoProfiles() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let before = directory.appendingPathComponent("before.folded")
    let after = directory.appendingPathComponent("after.folded")
    try "main;parse 10\nmain;render 10\nmain;gone 4\n".write(
      to: before, atomically: true, encoding: .utf8)
    try "main;parse 30\nmain;render 10\nmain;new 5\n".write(
      to: after, atomically: true, encoding: .utf8)
    let folded = try CommandRunner.run(["--diff", before.path, after.path, "--format", "folded"])
    #expect(folded.status == 0)
    #expect(text(folded) == "main;gone 4 0\nmain;new 0 5\nmain;parse 10 30\nmain;render 10 10\n")
    // Normalized: BEFORE (24) scaled to AFTER's total (45).
    let normalized = try CommandRunner.run(
      ["--diff", "--normalize", before.path, after.path, "--format", "folded"])
    #expect(
      text(normalized)
        == "main;gone 7.5 0\nmain;new 0 5\nmain;parse 18.75 30\nmain;render 18.75 10\n")
    // Scaling by a third leaves rounding on frames without samples of
    // their own: no line for them.
    let thirds = directory.appendingPathComponent("thirds.folded")
    let doubled = directory.appendingPathComponent("doubled.folded")
    try "a;b 10\na;c 5\n".write(to: thirds, atomically: true, encoding: .utf8)
    try "a;b 20\na;d 20\n".write(to: doubled, atomically: true, encoding: .utf8)
    let scaled = try CommandRunner.run(
      ["--diff", "--normalize", thirds.path, doubled.path, "--format", "folded"])
    #expect(
      text(scaled).split(separator: "\n").map { String($0.split(separator: " ")[0]) }
        == ["a;b", "a;c", "a;d"])
    // The graph: widths follow AFTER, parse is red (it grew).
    let svg = text(try CommandRunner.run(["--diff", before.path, after.path]))
    #expect(svg.contains("<title>parse (30 samples, 66.67%; +44.44%)</title>"))
    #expect(svg.contains("<title>render (10 samples, 22.22%; 0.00%)</title>"))
    #expect(!svg.contains("<title>gone"))
  }

  @Test func diffNeedsExactlyTwoProfiles() throws {
    let result = try CommandRunner.run(["--diff", "-"], input: Data("a 1\n".utf8))
    #expect(result.status == 64)
    #expect(result.standardError.contains("--diff compares two profiles"))
    let alone = try CommandRunner.run(["--normalize", "-"], input: Data("a 1\n".utf8))
    #expect(alone.status == 64)
  }

  @Test func austinHeadersAreComments() throws {
    let input = Data(
      """
      # austin: 3.3.0
      # interval: 100
      # mode: wall
      P1;T2;app.py:main:3;app.py:work:5 100
      P1;T2;app.py:main:3 191
      # duration: 23873

      """.utf8)
    let result = try CommandRunner.run(["--format", "folded"], input: input)
    #expect(result.status == 0)
    #expect(text(result) == "P1;T2;app.py:main:3 191\nP1;T2;app.py:main:3;app.py:work:5 100\n")
    #expect(!result.standardError.contains("malformed"))
  }

  @Test func anExplicitInputFormatIsUsed() throws {
    let result = try CommandRunner.run(
      ["--input-format", "folded", "--format", "folded"], input: Data("a;b 2\n".utf8))
    #expect(text(result) == "a;b 2\n")
    let unknown = try CommandRunner.run(["--input-format", "nosuch"], input: Data("a 1\n".utf8))
    #expect(unknown.status == 64)
  }
}
