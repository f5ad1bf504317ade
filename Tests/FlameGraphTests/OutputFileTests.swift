import Foundation
import Testing

@testable import FlameGraph

@Suite("Writing regular files atomically")
struct OutputFileTests {
  struct Interrupted: Error, Equatable {}

  static func contents(of path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  static func entries(of directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  @Test func writesTheFile() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("out.svg").path
      try OutputFile.write(to: path) { writer in
        writer.write("<svg width=\"")
        writer.write(number: 1200)
        writer.write("\"/>")
      }

      #expect(try Self.contents(of: path) == "<svg width=\"1200\"/>")
      #expect(try Self.entries(of: directory) == ["out.svg"])
    }
  }

  @Test func replacesAnExistingFile() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("old", named: "out.svg", in: directory)
      try OutputFile.write(to: path) { $0.write("new") }

      #expect(try Self.contents(of: path) == "new")
    }
  }

  @Test func writesMoreThanOneChunk() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("big.txt").path
      let line = String(repeating: "x", count: 999) + "\n"
      try OutputFile.write(to: path) { writer in
        for _ in 0..<3000 { writer.write(line) }
      }

      let size = try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int
      #expect(size == 3_000_000)
    }
  }

  @Test func aFailingBodyLeavesThePreviousFileAndNoTemporary() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("previous content", named: "out.svg", in: directory)

      #expect(throws: Interrupted()) {
        try OutputFile.write(to: path) { writer in
          writer.write(String(repeating: "partial ", count: 500_000))
          throw Interrupted()
        }
      }
      #expect(try Self.contents(of: path) == "previous content")
      #expect(try Self.entries(of: directory) == ["out.svg"])
    }
  }

  @Test func aFailingBodyCreatesNoFile() throws {
    try withTemporaryDirectory { directory throws in
      let path = directory.appendingPathComponent("out.svg").path

      #expect(throws: Interrupted()) {
        try OutputFile.write(to: path) { _ in throw Interrupted() }
      }
      #expect(try Self.entries(of: directory).isEmpty)
    }
  }

  @Test func aMissingDirectoryCannotBeCreatedInto() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("no/such/dir/out.svg").path
      let error = #expect(throws: OutputError.self) {
        try OutputFile.write(to: path) { $0.write("x") }
      }
      guard case .cannotCreate(let reportedPath, let reason) = error else {
        Issue.record("expected .cannotCreate, got \(String(describing: error))")
        return
      }
      #expect(reportedPath == path)
      #expect(!reason.isEmpty)
      #expect(error?.description.hasPrefix("cannot create \(path): ") == true)
    }
  }

  @Test func aTargetThatIsADirectoryIsLeftAloneAndCleanedUpAfter() throws {
    try withTemporaryDirectory { directory in
      let target = directory.appendingPathComponent("taken")
      try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
      try writeFile("keep", named: "inside", in: target)

      #expect(throws: OutputError.self) {
        try OutputFile.write(to: target.path) { $0.write("x") }
      }
      #expect(try Self.entries(of: directory) == ["taken"])
      #expect(try Self.entries(of: target) == ["inside"])
    }
  }

  @Test func theTemporaryFileIsAHiddenSiblingNamedAfterTheProcess() {
    let pid = ProcessInfo.processInfo.processIdentifier
    #expect(
      OutputFile.temporaryPath(for: "graphs/x/out.svg", suffix: 0xbeef)
        == "graphs/x/.out.svg.\(pid).0000beef.tmp")
    #expect(OutputFile.temporaryPath(for: "out.svg", suffix: 1) == ".out.svg.\(pid).00000001.tmp")
  }

  @Test func nothingReachesTheTargetBeforeCommit() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("previous", named: "out.svg", in: directory)
      let output = try OutputFile(path: path)
      try output.write { $0.write("new") }
      #expect(try Self.contents(of: path) == "previous")
      try output.commit()
      #expect(try Self.contents(of: path) == "new")
      #expect(try Self.entries(of: directory) == ["out.svg"])
    }
  }

  @Test func discardLeavesTheTargetAndNoTemporary() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("previous", named: "out.svg", in: directory)
      let output = try OutputFile(path: path)
      try output.write { $0.write("new") }
      output.discard()
      #expect(try Self.contents(of: path) == "previous")
      #expect(try Self.entries(of: directory) == ["out.svg"])
    }
  }
}
