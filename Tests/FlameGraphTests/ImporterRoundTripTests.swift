import Foundation
import Testing

@testable import FlameGraph

/// Properties every importer keeps, checked on every format's test inputs:
/// the format is told from the content, the root total is the sum of what
/// the stacks weigh, and the profile written as folded stacks reads back
/// as the same tree.
@Suite("Every importer, folded out and back")
struct ImporterRoundTripTests {
  static let inputs: [(path: String, format: InputFormat)] = [
    ("Tests/FlameGraphTests/Fixtures/pprof/heap.pb", .pprof),
    ("Tests/FlameGraphTests/Fixtures/pprof/cpu.pb", .pprof),
    ("Tests/FlameGraphTests/Fixtures/pprof/native.pb", .pprof),
    ("Tests/FlameGraphTests/Fixtures/perf/kernel-user.txt", .perfScript),
    ("Tests/FlameGraphTests/Fixtures/perf/srcline.txt", .perfScript),
    ("Tests/FlameGraphTests/Fixtures/perf/two-events.txt", .perfScript),
    ("Tests/FlameGraphTests/Fixtures/perf/inline.txt", .perfScript),
    ("Tests/FlameGraphTests/Fixtures/chrome/primes.cpuprofile", .chrome),
    ("Tests/FlameGraphTests/Fixtures/chrome/two-threads.trace.json", .chrome),
    ("Tests/FlameGraphTests/Fixtures/speedscope/sampled.speedscope.json", .speedscope),
    ("Tests/FlameGraphTests/Fixtures/speedscope/evented.speedscope.json", .speedscope),
    ("Tests/FlameGraphTests/Fixtures/speedscope/two-profiles.speedscope.json", .speedscope),
    ("Examples/small-cpu.austin", .folded),
    ("Examples/seed-memory.folded", .folded),
  ]

  static var arguments: [String] { inputs.map(\.path) }

  func format(of path: String) -> InputFormat { Self.inputs.first { $0.path == path }!.format }

  /// Every node as `path -> (total, self)`.
  func nodes(of profile: Profile) -> [String: [Double]] {
    var result: [String: [Double]] = [:]
    for node in 0..<NodeID(profile.tree.nodeCount) {
      result[profile.path(of: node), default: [0, 0]][0] += profile.tree.total(of: node)
      result[profile.path(of: node), default: [0, 0]][1] += profile.tree.selfCount(of: node)
    }
    return result
  }

  @Test(arguments: arguments)
  func theFormatIsToldFromTheContent(path: String) throws {
    let input = try InputByteStream(
      opening: .file(repositoryRoot().appendingPathComponent(path).path))
    #expect(InputFormat.detect(try input.peek(InputFormat.detectionLength)) == format(of: path))
  }

  @Test(arguments: arguments)
  func foldedOutputReadsBackAsTheSameTree(path: String) throws {
    let file = repositoryRoot().appendingPathComponent(path).path
    let profile = try Profile(reading: [.file(file)])
    let folded = try FoldedRenderer().render(profile, options: Options())
    let again = try Profile(folded: String(decoding: folded, as: UTF8.self))
    #expect(nodes(of: again) == nodes(of: profile))
    // The root holds everything: the sum of the lines' counts.
    let lineTotal = String(decoding: folded, as: UTF8.self).split(separator: "\n")
      .compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }.reduce(0, +)
    #expect(abs(profile.tree.total(of: profile.tree.root) - lineTotal) <= 1e-9 * lineTotal)
    #expect(profile.totalSamples > 0)
  }

  @Test(arguments: arguments)
  func aGzippedCopyGivesTheSameProfile(path: String) throws {
    let bytes = try [UInt8](Data(contentsOf: repositoryRoot().appendingPathComponent(path)))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["gzip", "-c"]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    let writer = Thread {
      input.fileHandleForWriting.write(Data(bytes))
      try? input.fileHandleForWriting.close()
    }
    writer.start()
    let compressed = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    try withTemporaryDirectory { directory in
      let plainPath = try writeFile(bytes, named: "plain", in: directory)
      let gzippedPath = try writeFile([UInt8](compressed), named: "packed.gz", in: directory)
      let plain = try Profile(reading: [.file(plainPath)])
      let gzipped = try Profile(reading: [.file(gzippedPath)])
      #expect(nodes(of: gzipped) == nodes(of: plain))
    }
  }
}
