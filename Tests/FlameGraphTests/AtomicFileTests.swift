import Foundation
import Testing

@testable import FlameGraph

@Suite("Writing files atomically")
struct AtomicFileTests {
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
      try AtomicFile.write(to: path) { writer in
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
      try AtomicFile.write(to: path) { $0.write("new") }

      #expect(try Self.contents(of: path) == "new")
    }
  }

  @Test func writesMoreThanOneChunk() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("big.txt").path
      let line = String(repeating: "x", count: 999) + "\n"
      try AtomicFile.write(to: path) { writer in
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
        try AtomicFile.write(to: path) { writer in
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
        try AtomicFile.write(to: path) { _ in throw Interrupted() }
      }
      #expect(try Self.entries(of: directory).isEmpty)
    }
  }

  @Test func aMissingDirectoryCannotBeCreatedInto() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("no/such/dir/out.svg").path
      let error = #expect(throws: OutputError.self) {
        try AtomicFile.write(to: path) { $0.write("x") }
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
        try AtomicFile.write(to: target.path) { $0.write("x") }
      }
      #expect(try Self.entries(of: directory) == ["taken"])
      #expect(try Self.entries(of: target) == ["inside"])
    }
  }

  @Test func theTemporaryFileIsAHiddenSibling() {
    let pid = ProcessInfo.processInfo.processIdentifier
    #expect(AtomicFile.temporaryPath(for: "/tmp/x/out.svg") == "/tmp/x/.out.svg.\(pid).tmp")
    #expect(AtomicFile.temporaryPath(for: "out.svg") == ".out.svg.\(pid).tmp")
  }
}
