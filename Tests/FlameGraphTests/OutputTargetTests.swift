import Foundation
import Testing

@testable import FlameGraph

@Suite("What an output path names")
struct OutputTargetTests {
  @Test func descriptorNamesAreRecognisedWithoutTouchingTheFileSystem() throws {
    #expect(OutputTarget.descriptor(namedBy: "-") == 1)
    #expect(OutputTarget.descriptor(namedBy: "/dev/stdout") == 1)
    #expect(OutputTarget.descriptor(namedBy: "/dev/stderr") == 2)
    #expect(OutputTarget.descriptor(namedBy: "/dev/fd/7") == 7)
    #expect(OutputTarget.descriptor(namedBy: "/proc/self/fd/12") == 12)
    #expect(OutputTarget.descriptor(namedBy: "/proc/\(getpid())/fd/3") == 3)
    for notADescriptor in [
      "./-", "--", "/dev/fd/", "/dev/fd/1x", "/dev/fd/-1", "stdout", "/dev/null",
    ] {
      #expect(OutputTarget.descriptor(namedBy: notADescriptor) == nil, "\(notADescriptor)")
    }
    // Classifying them does not look at the file system either.
    #expect(try OutputTarget(path: "/dev/stdout") == .descriptor(1))
    #expect(try OutputTarget(path: "-") == .descriptor(1))
  }

  @Test func aNewPathAndARegularFileAreFiles() throws {
    try withTemporaryDirectory { directory throws in
      let existing = try writeFile("x", named: "old.svg", in: directory)
      let fresh = directory.appendingPathComponent("new.svg").path
      #expect(try OutputTarget(path: existing) == .file(path: existing, exists: true))
      #expect(try OutputTarget(path: fresh) == .file(path: fresh, exists: false))
    }
  }

  @Test func aFIFOIsAStream() throws {
    try withTemporaryDirectory { directory throws in
      let fifo = directory.appendingPathComponent("pipe").path
      #expect(mkfifo(fifo, 0o600) == 0)
      #expect(try OutputTarget(path: fifo) == .stream(path: fifo))
    }
  }

  @Test func symbolicLinksAreFollowedToTheFinalFileRelativeToEachLink() throws {
    try withTemporaryDirectory { directory throws in
      let links = directory.appendingPathComponent("links")
      let files = directory.appendingPathComponent("files")
      try FileManager.default.createDirectory(at: links, withIntermediateDirectories: false)
      try FileManager.default.createDirectory(at: files, withIntermediateDirectories: false)
      let target = try writeFile("x", named: "graph.svg", in: files)
      let first = links.appendingPathComponent("first.svg").path
      let second = links.appendingPathComponent("second.svg").path
      try FileManager.default.createSymbolicLink(
        atPath: first, withDestinationPath: "second.svg")
      try FileManager.default.createSymbolicLink(
        atPath: second, withDestinationPath: "../files/graph.svg")

      let resolved = try OutputTarget(path: first)
      guard case .file(let path, let exists) = resolved else {
        Issue.record("expected a file, got \(resolved)")
        return
      }
      #expect(exists)
      #expect(URL(fileURLWithPath: path).standardized.path == URL(fileURLWithPath: target).path)
    }
  }

  @Test func aDanglingLinkNamesTheFileItWouldCreate() throws {
    try withTemporaryDirectory { directory throws in
      let link = directory.appendingPathComponent("link.svg").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "made.svg")
      #expect(
        try OutputTarget(path: link)
          == .file(path: directory.appendingPathComponent("made.svg").path, exists: false))
    }
  }

  @Test func aLinkLoopIsAnError() throws {
    try withTemporaryDirectory { directory throws in
      let first = directory.appendingPathComponent("a").path
      let second = directory.appendingPathComponent("b").path
      try FileManager.default.createSymbolicLink(atPath: first, withDestinationPath: "b")
      try FileManager.default.createSymbolicLink(atPath: second, withDestinationPath: "a")
      let error = #expect(throws: OutputError.self) { try OutputTarget(path: first) }
      #expect(error?.description.contains("loop") == true)
    }
  }

  @Test func aFolderOrALinkToOneIsAnErrorThatSaysWhatToDo() throws {
    try withTemporaryDirectory { directory throws in
      let folder = directory.appendingPathComponent("graphs.svg")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
      let link = directory.appendingPathComponent("link.svg").path
      try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "graphs.svg")
      for path in [folder.path, link] {
        let error = #expect(throws: OutputError.self) { try OutputTarget(path: path) }
        #expect(error?.description.contains("it is a folder") == true)
        #expect(error?.description.contains("give a file name") == true)
      }
    }
  }
}
