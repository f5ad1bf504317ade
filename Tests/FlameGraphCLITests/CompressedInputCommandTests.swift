import Foundation
import Testing

/// The command reads gzip-compressed profiles, from files and pipes, as if
/// they were the decompressed text.
@Suite struct CompressedInputCommandTests {
  let seed = RepositoryPaths.file("Examples/seed-memory.folded")

  /// `bytes` gzip-compressed by Python's gzip module.
  private func gzip(_ bytes: Data) throws -> Data {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("input")
    let output = directory.appendingPathComponent("output.gz")
    try bytes.write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import gzip, sys; open(sys.argv[2], 'wb').write(gzip.compress(open(sys.argv[1], 'rb').read()))",
      input.path, output.path,
    ]
    try process.run()
    process.waitUntilExit()
    try #require(process.terminationStatus == 0)
    return try Data(contentsOf: output)
  }

  @Test func readsGzippedFilesAndStandardInputAsTheirText() throws {
    let text = try Data(contentsOf: seed)
    let compressed = try gzip(text)
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("x.folded.gz")
    try compressed.write(to: file)

    let plain = try CommandRunner.run([seed.path])
    #expect(plain.status == 0)
    let fromFile = try CommandRunner.run([file.path])
    #expect(fromFile.status == 0, "\(fromFile.standardError)")
    #expect(fromFile.standardOutput == plain.standardOutput)
    let fromPipe = try CommandRunner.run(["-"], input: compressed)
    #expect(fromPipe.status == 0, "\(fromPipe.standardError)")
    #expect(fromPipe.standardOutput == plain.standardOutput)
    // A compressed file merges with a plain one like two plain files.
    let merged = try CommandRunner.run([file.path, seed.path, "--format", "tree"])
    let mergedPlain = try CommandRunner.run([seed.path, seed.path, "--format", "tree"])
    #expect(merged.status == 0)
    #expect(merged.standardOutput == mergedPlain.standardOutput)
  }

  @Test func corruptGzipIsABadInputErrorNamingTheFileAndByte() throws {
    var compressed = try gzip(Data("main;work 3\nmain;rest 1\n".utf8))
    compressed[compressed.count - 6] ^= 0x40  // inside the CRC-32
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("broken.folded.gz")
    try compressed.write(to: file)
    let output = directory.appendingPathComponent("graph.svg")
    let result = try CommandRunner.run([file.path, "-o", output.path])
    #expect(result.status == 65)
    #expect(
      result.standardError.contains(
        "broken.folded.gz: gzip: the data is corrupt at byte \(compressed.count - 8) (CRC-32 mismatch)"
      ), "\(result.standardError)")
    #expect(!FileManager.default.fileExists(atPath: output.path))
    let truncated = try CommandRunner.run(["-"], input: compressed.prefix(compressed.count / 2))
    #expect(truncated.status == 65)
    #expect(truncated.standardError.contains("-: gzip: the data is corrupt at byte"))
    #expect(truncated.standardError.contains("(truncated)"))
  }
}
