import Foundation
import Testing

@testable import FlameGraph

/// The repository's example: a memory profile of `Examples/example.py`
/// (py-spy style frames `file.py:line (function)`, counts in bytes).
@Suite("The seed-memory example profile")
struct SeedMemoryExampleTests {
  static let path = repositoryRoot().appendingPathComponent("Examples/seed-memory.folded").path

  /// The file's lines split by hand: frames, then the count after the last space.
  static func lines() throws -> [(stack: [String], count: Double)] {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    return try text.split(separator: "\n").map { line in
      let space = try #require(line.lastIndex(of: " "))
      let count = try #require(Double(line[line.index(after: space)...]))
      return (line[..<space].split(separator: ";").map(String.init), count)
    }
  }

  @Test func theTotalIsTheSumOfItsCounts() throws {
    let lines = try Self.lines()
    let profile = try FoldedStackReader.readProfile(from: [.file(Self.path)])

    #expect(lines.count > 100)
    #expect(profile.totalSamples == lines.reduce(0) { $0 + $1.count })
    #expect(profile.diagnostics.validLineCount == lines.count)
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func everyPathTotalMatchesTheFile() throws {
    let lines = try Self.lines()
    let profile = try FoldedStackReader.readProfile(from: [.file(Self.path)])
    #expect(profile.totalsByPath == expectedTotals(of: lines))
  }

  @Test func theBigArrayDominatesMain() throws {
    // example.py's main() calls make_two_arrays() (line 12), then
    // make_big_array() (line 13), which allocates 2.5 times as much.
    let profile = try FoldedStackReader.readProfile(from: [.file(Self.path)])
    let module = try #require(profile.node(at: "example.py:16 (<module>)"))
    let tree = profile.tree
    let children = tree.childIndex().children(of: module)
    let widest = try #require(children.max { tree.total(of: $0) < tree.total(of: $1) })

    #expect(profile.name(of: widest) == "example.py:13 (main)")
    let expected = try Self.lines()
      .filter { $0.stack.starts(with: ["example.py:16 (<module>)", "example.py:13 (main)"]) }
      .reduce(0) { $0 + $1.count }
    #expect(tree.total(of: widest) == expected)
    #expect(expected == 1024 * 1024 * 50 * 8)  // np.zeros((1024, 1024, 50)) of float64
  }

  @Test func theLayoutShowsMainWidestUnderTheModule() throws {
    let text = try String(contentsOfFile: Self.path, encoding: .utf8)
    let scene = try layOut(text) {
      $0.palette = .python
      $0.countName = "bytes"
    }
    let profile = try Profile(folded: text)
    let module = try #require(profile.node(at: "example.py:16 (<module>)"))
    let underModule = scene.frames.filter { profile.tree.parent(of: $0.node) == module }
    let widest = try #require(underModule.max { $0.width < $1.width })

    #expect(widest.name == "example.py:13 (main)")
    #expect(widest.tooltip.hasPrefix("example.py:13 (main) (419,430,400 bytes, "))
    // Python palette: importlib's frozen frames are library (yellow), the
    // script's own frames are user code (red).
    let frozen = try #require(scene.frames.first { $0.name.hasPrefix("<frozen importlib") })
    #expect(try (50...70).contains(#require(hue(of: frozen.fill))))
    let mainHue = try #require(hue(of: widest.fill))
    #expect(mainHue < 15 || mainHue > 345)
  }

  @Test func readingTheFileAndParsingItsTextAgree() throws {
    let text = try String(contentsOfFile: Self.path, encoding: .utf8)
    let fromText = try Profile(folded: text)
    let fromFile = try Profile(reading: [.file(Self.path)])

    #expect(fromText.totalsByPath == fromFile.totalsByPath)
    // Reading the same file twice doubles every total.
    let twice = try FoldedStackReader.readProfile(from: [.file(Self.path), .file(Self.path)])
    #expect(twice.totalsByPath == fromFile.totalsByPath.mapValues { $0 * 2 })
  }
}
