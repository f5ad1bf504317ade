import Foundation
import Testing

/// Formats other than folded stacks, through the command as users run it:
/// told by content, compressed or not, with their choices as flags, and
/// their file and line used for source code without any naming convention.
@Suite("Profile formats on the command line")
struct ImportedFormatsCommandTests {
  let heap = RepositoryPaths.file("Tests/FlameGraphTests/Fixtures/pprof/heap.pb")

  func gzipped(_ file: URL, into directory: URL) throws -> URL {
    let output = directory.appendingPathComponent(file.lastPathComponent + ".gz")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-c", file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try data.write(to: output)
    return output
  }

  @Test func aGzippedPprofProfileIsToldByContentAndItsSampleTypeChosen() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let compressed = try gzipped(heap, into: directory)
    let plain = try CommandRunner.run([heap.path, "--format", "folded"])
    let unzipped = try CommandRunner.run([compressed.path, "--format", "folded"])
    #expect(plain.status == 0 && unzipped.status == 0)
    #expect(plain.standardOutput == unzipped.standardOutput)
    let objects = try CommandRunner.run(
      [compressed.path, "--format", "folded", "--sample-type", "alloc_objects"])
    #expect(objects.status == 0)
    #expect(objects.standardOutput != plain.standardOutput)
  }

  @Test func anUnknownSampleTypeListsTheTypesAndWritesNothing() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let output = directory.appendingPathComponent("heap.svg")
    let result = try CommandRunner.run([heap.path, "--sample-type", "nosuch", "-o", output.path])
    #expect(result.status == 65)
    #expect(result.standardError.contains("alloc_objects, alloc_space, inuse_objects, inuse_space"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }

  @Test func pprofFramesShowTheirSourceLineFromTheirFileAndLine() throws {
    // The frames name main.go and a line as data: no syntax in the name is
    // needed to find the code.
    let directory = try CommandRunner.temporaryDirectory()
    let lines = (1...60).map { "line \($0) of main.go" }
    try (lines.joined(separator: "\n") + "\n").write(
      to: directory.appendingPathComponent("main.go"), atomically: true, encoding: .utf8)
    let result = try CommandRunner.run(
      [heap.path, "--source-path", directory.path, "--format", "json"])
    #expect(result.status == 0)
    let scene = try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any]
    let frames = scene?["frames"] as? [[String: Any]] ?? []
    let load = try #require(frames.first { ($0["name"] as? String ?? "").hasPrefix("main.load") })
    #expect(load["sourceLine"] as? String == "line 20 of main.go")
  }

  @Test func aTruncatedPprofProfileIsAnErrorNamingTheFormat() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let bytes = try Data(contentsOf: heap)
    let truncated = directory.appendingPathComponent("cut.pb")
    try bytes.prefix(bytes.count * 2 / 3).write(to: truncated)
    let output = directory.appendingPathComponent("cut.svg")
    let result = try CommandRunner.run([
      truncated.path, "--input-format", "pprof", "-o", output.path,
    ])
    #expect(result.status == 65)
    #expect(result.standardError.contains("pprof"))
    #expect(!FileManager.default.fileExists(atPath: output.path))
  }
}
