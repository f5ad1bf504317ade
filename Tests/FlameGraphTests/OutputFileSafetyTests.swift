import Foundation
import Testing

@testable import FlameGraph

/// Writing never damages what the path points at: streams are written, not
/// replaced; links stay links; modes stay; stale temporary files are no
/// obstacle.
@Suite("Output never damages its target")
struct OutputFileSafetyTests {
  static let payload = "flamegraph-output-0123456789"

  static func kind(of path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
  }

  static func readAvailable(_ descriptor: Int32) -> String {
    var chunk = [UInt8](repeating: 0, count: 65536)
    let got = read(descriptor, &chunk, chunk.count)
    return String(decoding: chunk[0..<max(got, 0)], as: UTF8.self)
  }

  @Test func aFIFOIsWrittenAndStaysAFIFO() throws {
    try withTemporaryDirectory { directory throws in
      let fifo = directory.appendingPathComponent("graph.svg").path
      #expect(mkfifo(fifo, 0o600) == 0)
      // A reader already there, so opening for writing does not wait.
      let reader = open(fifo, O_RDONLY | O_NONBLOCK)
      defer { close(reader) }

      try OutputFile.write(to: fifo) { $0.write(Self.payload) }

      #expect(Self.readAvailable(reader) == Self.payload)
      #expect(Self.kind(of: fifo) == S_IFIFO)
      #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["graph.svg"])
    }
  }

  @Test func aDescriptorPathWritesToThatDescriptorAndLeavesItOpen() throws {
    var ends: [Int32] = [0, 0]
    #expect(pipe(&ends) == 0)
    defer {
      close(ends[0])
      close(ends[1])
    }

    try OutputFile.write(to: "/dev/fd/\(ends[1])") { $0.write(Self.payload) }

    #expect(Self.readAvailable(ends[0]) == Self.payload)
    #expect(fcntl(ends[1], F_GETFD) != -1)
  }

  @Test func aSymbolicLinkStaysALinkAndItsTargetIsReplacedInItsOwnFolder() throws {
    try withTemporaryDirectory { directory throws in
      let links = directory.appendingPathComponent("links")
      let files = directory.appendingPathComponent("files")
      try FileManager.default.createDirectory(at: links, withIntermediateDirectories: false)
      try FileManager.default.createDirectory(at: files, withIntermediateDirectories: false)
      let target = try writeFile("old", named: "graph.svg", in: files)
      let link = links.appendingPathComponent("latest.svg").path
      try FileManager.default.createSymbolicLink(
        atPath: link, withDestinationPath: "../files/graph.svg")

      try OutputFile.write(to: link) { $0.write(Self.payload) }

      #expect(Self.kind(of: link) == S_IFLNK)
      #expect(
        try FileManager.default.destinationOfSymbolicLink(atPath: link) == "../files/graph.svg")
      #expect(try String(contentsOfFile: target, encoding: .utf8) == Self.payload)
      #expect(try FileManager.default.contentsOfDirectory(atPath: links.path) == ["latest.svg"])
      #expect(try FileManager.default.contentsOfDirectory(atPath: files.path) == ["graph.svg"])
    }
  }

  @Test func aDanglingLinkCreatesItsTarget() throws {
    try withTemporaryDirectory { directory throws in
      let link = directory.appendingPathComponent("latest.svg").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.svg")

      try OutputFile.write(to: link) { $0.write(Self.payload) }

      #expect(Self.kind(of: link) == S_IFLNK)
      let made = directory.appendingPathComponent("made.svg").path
      #expect(try String(contentsOfFile: made, encoding: .utf8) == Self.payload)
    }
  }

  @Test func aReplacedFileKeepsItsModeAndOwner() throws {
    try withTemporaryDirectory { directory throws in
      let path = try writeFile("secret", named: "private.svg", in: directory)
      #expect(chmod(path, 0o600) == 0)
      let isRoot = geteuid() == 0
      // Only root can give a file away; otherwise the owner is this user.
      if isRoot { #expect(chown(path, 1234, 5678) == 0) }

      try OutputFile.write(to: path) { $0.write(Self.payload) }

      var info = stat()
      #expect(stat(path, &info) == 0)
      #expect(info.st_mode & 0o7777 == 0o600)
      if isRoot {
        #expect(info.st_uid == 1234)
        #expect(info.st_gid == 5678)
      }
      #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.payload)
    }
  }

  @Test func aStaleTemporaryFileWithThisProcessIDIsNoObstacle() throws {
    try withTemporaryDirectory { directory throws in
      let pid = ProcessInfo.processInfo.processIdentifier
      // What a killed run with the same process ID used to leave.
      try writeFile("stale", named: ".out.svg.\(pid).tmp", in: directory)
      let path = directory.appendingPathComponent("out.svg").path

      try OutputFile.write(to: path) { $0.write(Self.payload) }

      #expect(try String(contentsOfFile: path, encoding: .utf8) == Self.payload)
    }
  }

  @Test func aTakenTemporaryNameIsSkippedForAnother() throws {
    try withTemporaryDirectory { directory throws in
      let path = directory.appendingPathComponent("out.svg").path
      let taken = OutputFile.temporaryPath(for: path, suffix: 7)
      try writeFile("stale", named: URL(fileURLWithPath: taken).lastPathComponent, in: directory)
      var suffixes = [UInt32(7), 7, 8].makeIterator()

      let created = OutputFile.createTemporarySibling(for: path) { suffixes.next()! }

      guard case .success(let (descriptor, temporary, slot)) = created else {
        Issue.record("no temporary file: \(created)")
        return
      }
      close(descriptor)
      unlink(temporary)
      if let slot { TemporaryFileCleanup.unregister(slot) }
      #expect(temporary == OutputFile.temporaryPath(for: path, suffix: 8))
      #expect(try String(contentsOfFile: taken, encoding: .utf8) == "stale")
    }
  }
}
