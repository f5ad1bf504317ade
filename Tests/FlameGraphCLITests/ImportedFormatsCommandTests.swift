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

  let fixtures = RepositoryPaths.file("Tests/FlameGraphTests/Fixtures")

  func folded(_ arguments: [String]) throws -> [String] {
    let result = try CommandRunner.run(arguments + ["--format", "folded"])
    #expect(result.status == 0, "\(result.standardError)")
    return String(decoding: result.standardOutput, as: UTF8.self).split(separator: "\n").map(
      String.init)
  }

  @Test func perfScriptFlagsAreInfernosCollapseFlags() throws {
    let perf = fixtures.appendingPathComponent("perf/pid-tid-jit.txt").path
    let plain = try folded([perf])
    #expect(
      plain.contains(
        "java;start_thread;JavaCalls::call_helper;LBusy:::main;java/io/PrintStream:::print 1"))
    let annotated = try folded([perf, "--tid", "--all"])
    #expect(
      annotated.contains(
        "java-31/32;start_thread;JavaCalls::call_helper;LBusy:::main_[j];java/io/PrintStream:::print_[j] 1"
      ))
    let withPID = try folded([perf, "--pid"])
    #expect(withPID.contains { $0.hasPrefix("java-31;") })
  }

  @Test func aSpeedscopeProfileIsChosenByName() throws {
    let file = fixtures.appendingPathComponent("speedscope/two-profiles.speedscope.json").path
    #expect(
      try folded([file, "--profile", "worker"]) == [
        "thread_start 3", "thread_start;poll (src/poll.c:30) 7",
      ])
    let all = try folded([file, "--profile", "all"])
    #expect(all.contains("thread_start 3") && all.contains { $0.hasPrefix("main") })
    let missing = try CommandRunner.run([file, "--profile", "nosuch"])
    #expect(missing.status == 65)
    #expect(missing.standardError.contains("\"main thread\", \"worker\""))
  }

  @Test func chromeSamplesWeighOneOrTheirTime() throws {
    let file = fixtures.appendingPathComponent("chrome/primes.cpuprofile").path
    let total = { (lines: [String]) in
      lines.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    }
    let profile =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file)))
      as? [String: Any]
    let samples = profile?["samples"] as? [Any] ?? []
    #expect(total(try folded([file])) == Double(samples.count))
    let start = profile?["startTime"] as? Double ?? 0
    let end = profile?["endTime"] as? Double ?? 0
    // Each sample weighs the time until the next one, the last one until
    // the end: the time from the first sample (after the first delta) on.
    let firstDelta = (profile?["timeDeltas"] as? [Double])?.first ?? 0
    #expect(total(try folded([file, "--weight", "time"])) == end - (start + firstDelta))
    let wrong = try CommandRunner.run([file, "--weight", "bytes"])
    #expect(wrong.status == 64)
  }

  @Test(arguments: ["{}", "[]", "{\"profile\": {\"samples\": []}}"])
  func jsonOfNoKnownShapeIsNamedAsSuch(text: String) throws {
    let result = try CommandRunner.run(["-"], input: Data(text.utf8))
    #expect(result.status == 65)
    #expect(result.standardError.contains("not a valid JSON profile"))
    #expect(!result.standardError.contains("folded"))
  }

  @Test func binaryDataIsNotCalledFoldedStacks() throws {
    let bytes: [UInt8] =
      [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] + Array(repeating: 0, count: 64)
    let result = try CommandRunner.run(["-"], input: Data(bytes))
    #expect(result.status == 65)
    #expect(result.standardError.contains("binary data but not a pprof profile"))
  }

  @Test func aFoldedLineStartingWithABracketIsStillFolded() throws {
    let result = try CommandRunner.run(
      ["--format", "folded", "-"], input: Data("[unknown];main 3\n".utf8))
    #expect(result.status == 0)
    #expect(String(decoding: result.standardOutput, as: UTF8.self) == "[unknown];main 3\n")
  }
}
