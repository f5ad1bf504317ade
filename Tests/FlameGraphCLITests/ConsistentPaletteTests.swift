import FlameGraph
import Foundation
import Testing

/// `--cp` as scripts use it: all or nothing with the output, safe with runs
/// at the same time, and immune to names that hold line breaks.
@Suite struct ConsistentPaletteTests {
  static func entries(of directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  /// The fill of the first frame whose tooltip starts with `name (`.
  static func fill(of name: String, in svg: String) -> String? {
    guard let title = svg.range(of: "<title>\(name) (") else { return nil }
    guard let fill = svg.range(of: "fill=\"", range: title.upperBound..<svg.endIndex) else {
      return nil
    }
    return String(svg[fill.upperBound...].prefix(7))
  }

  @Test(arguments: ["missing-folder/palette.map", "palette-folder"])
  func aPaletteThatCannotBeWrittenLeavesTheOutputUntouched(palette: String) throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("palette-folder"), withIntermediateDirectories: false)
    let output = directory.appendingPathComponent("graph.svg")
    try "previous".write(to: output, atomically: false, encoding: .utf8)

    let result = try CommandRunner.run(
      ["--cp", "--palette-file", palette, "-o", output.path],
      input: Data("main;work 1\n".utf8), in: directory)

    #expect(result.status == 73)
    #expect(result.standardError.hasPrefix("flamegraph: error: --cp: "))
    #expect(result.standardError.contains(palette))
    #expect(result.standardError.contains("--palette-file"))
    #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
    #expect(try Self.entries(of: directory) == ["graph.svg", "palette-folder"])
  }

  @Test func runsAtTheSameTimeKeepEveryName() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let count = 8
    var processes: [(Process, Pipe)] = []
    for index in 0..<count {
      let process = Process()
      process.executableURL = RepositoryPaths.executable
      process.arguments = ["--cp", "-o", "graph\(index).svg"]
      process.currentDirectoryURL = directory
      let input = Pipe()
      process.standardInput = input
      try process.run()
      processes.append((process, input))
    }
    // Every run has started before any has its input: they all overlap.
    for (index, (_, input)) in processes.enumerated() {
      input.fileHandleForWriting.write(Data("main;function\(index) 1\n".utf8))
      try input.fileHandleForWriting.close()
    }
    for (process, _) in processes { process.waitUntilExit() }

    #expect(processes.allSatisfy { $0.0.terminationStatus == 0 })
    let map = PaletteMap(
      parsing: try String(
        contentsOf: directory.appendingPathComponent("palette.map"), encoding: .utf8))
    let expected = Set((0..<count).map { "function\($0)" })
    #expect(
      expected.subtracting(map.colors.keys).isEmpty,
      "lost: \(expected.subtracting(map.colors.keys))")
    #expect(try Self.entries(of: directory).filter { $0.hasSuffix(".tmp") }.isEmpty)
  }

  @Test(arguments: ["zzz\u{2028}other", "zzz\u{2029}other", "zzz\u{85}other", "zzz\u{0B}other"])
  func aNameWithALineBreakDoesNotRecolorAnotherFrame(name: String) throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = Data("main;other 1\nmain;\(name) 1\n".utf8)

    let first = try CommandRunner.run(["--cp"], input: input, in: directory)
    let second = try CommandRunner.run(["--cp"], input: input, in: directory)

    #expect(first.status == 0 && second.status == 0, "\(first.standardError)")
    let before = Self.fill(of: "other", in: String(decoding: first.standardOutput, as: UTF8.self))
    let after = Self.fill(of: "other", in: String(decoding: second.standardOutput, as: UTF8.self))
    #expect(before != nil)
    #expect(after == before)
    let map = PaletteMap(
      parsing: try String(
        contentsOf: directory.appendingPathComponent("palette.map"), encoding: .utf8))
    #expect(Set(map.colors.keys) == ["all", "main", "other", name])
  }

  @Test func aFormatWithoutColorsLeavesNoPaletteFile() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CommandRunner.run(
      ["--cp", "--format", "tree"], input: Data("main;work 1\n".utf8), in: directory)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try Self.entries(of: directory).isEmpty)
  }
}
