import Foundation
import Testing

/// Profiles recorded by austin and py-spy (`Examples/small-cpu.*`, of
/// `Examples/small-cpu.py`), rendered as their users would.
@Suite("Profiles recorded by austin and py-spy")
struct RecordedProfilesTests {
  let austin = RepositoryPaths.file("Examples/small-cpu.austin").path
  let pySpyWithoutLines = RepositoryPaths.file("Examples/small-cpu-nolineno.folded").path
  let examples = RepositoryPaths.file("Examples").path

  /// The sum of the last fields of the lines that are not comments.
  func sampleTotal(_ path: String) throws -> Double {
    try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
      .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
      .reduce(0, +)
  }

  func scene(_ arguments: [String]) throws -> [String: Any] {
    let result = try CommandRunner.run(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.standardError)")
    return try JSONSerialization.jsonObject(with: result.standardOutput) as? [String: Any] ?? [:]
  }

  func sceneFrames(_ arguments: [String]) throws -> [[String: Any]] {
    try scene(arguments)["frames"] as? [[String: Any]] ?? []
  }

  @Test func austinHeadersAreNotFramesAndTheTotalIsTheSamples() throws {
    let frames = try sceneFrames([austin])
    let root = try #require(frames.first { $0["name"] as? String == "all" })
    #expect(root["total"] as? Double == (try sampleTotal(austin)))
    #expect(!frames.contains { ($0["name"] as? String ?? "").hasPrefix("#") })
  }

  @Test func austinFramesRecordedElsewhereFindTheirSourceUnderTheRoot() throws {
    // The profile names /home/ci/app/small-cpu.py; --source-path Examples
    // finds Examples/small-cpu.py by the name's end.
    let frames = try sceneFrames([austin, "--source-path", examples])
    let main = try #require(
      frames.first { $0["name"] as? String == "/home/ci/app/small-cpu.py:main:13" })
    #expect(main["sourceLine"] as? String == "parse(20000); hashes(20000); regex(5000)")
    // Without the root, nothing outside the current directory is read.
    let unrooted = try sceneFrames([austin])
    #expect(!unrooted.contains { $0["sourceLine"] != nil })
  }

  @Test func pySpyFramesWithoutLineNumbersKeepTheirFile() throws {
    let scene = try scene([pySpyWithoutLines, "--categories", "python"])
    let frames = scene["frames"] as? [[String: Any]] ?? []
    let legend = (scene["legend"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
    let names = Set(frames.compactMap { $0["name"] as? String })
    #expect(names.contains("parse (small-cpu.py)"))
    let root = try #require(frames.first { $0["name"] as? String == "all" })
    #expect(root["total"] as? Double == (try sampleTotal(pySpyWithoutLines)))
    let parse = try #require(frames.first { $0["name"] as? String == "parse (small-cpu.py)" })
    let category = try #require(parse["category"] as? Int)
    #expect(legend[category] == "Your code")
  }
}
