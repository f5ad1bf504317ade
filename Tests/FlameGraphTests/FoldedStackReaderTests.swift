import Foundation
import Testing

@testable import FlameGraph

@Suite("Reading folded-stack files")
struct FoldedStackReaderTests {
  @Test func readsAFile() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("main;a 2\nmain;b 3\n", named: "one.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(path)])

      #expect(profile.totalsByPath == ["main": 5, "main;a": 2, "main;b": 3])
    }
  }

  @Test func readsAFileWhoseLastLineHasNoNewline() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("main;a 2\nmain;b 3", named: "open.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(path)])

      #expect(profile.total(at: "main;b") == 3)
      #expect(profile.diagnostics.validLineCount == 2)
    }
  }

  @Test func mergesSeveralFiles() throws {
    try withTemporaryDirectory { directory in
      let first = try writeFile("main;a 2\nmain;b 3\n", named: "a.folded", in: directory)
      let second = try writeFile("main;b 4\r\nmain;c 1\r\n", named: "b.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(first), .file(second)])

      #expect(profile.totalsByPath == ["main": 10, "main;a": 2, "main;b": 7, "main;c": 1])
      #expect(profile.diagnostics.validLineCount == 4)
    }
  }

  @Test func malformedLinesAreReportedPerFileWithTheirOwnLineNumbers() throws {
    try withTemporaryDirectory { directory in
      let first = try writeFile("main 1\nbroken\n", named: "a.folded", in: directory)
      let second = try writeFile("\nmain 1\nmain x1\nmain -1", named: "b.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(first), .file(second)])

      #expect(
        profile.diagnostics.firstMalformedLines == [
          .init(source: first, line: 2, problem: .missingCount),
          .init(source: second, line: 3, problem: .missingCount),
          .init(source: second, line: 4, problem: .negativeCount),
        ])
      #expect(profile.totalSamples == 2)
    }
  }

  @Test func theProfileInitializerReadsFilesWithItsOptions() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("main;a 2\nmain;b 3\n", named: "one.folded", in: directory)
      var options = Options()
      options.factor = 10
      let profile = try Profile(reading: [.file(path)], options: options)

      #expect(profile.totalSamples == 50)
    }
  }

  @Test func strictReadingThrowsOnMalformedLines() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("main 1\nmain 1.2.3\n", named: "bad.folded", in: directory)
      let error = #expect(throws: InputError.self) {
        try FoldedStackReader.readProfile(from: [.file(path)], strict: true)
      }
      guard case .malformedLines(let diagnostics) = error else {
        Issue.record("expected .malformedLines, got \(String(describing: error))")
        return
      }
      #expect(
        diagnostics.firstMalformedLines == [.init(source: path, line: 2, problem: .invalidCount)])
    }
  }

  @Test func aMissingFileIsUnreadable() throws {
    try withTemporaryDirectory { directory in
      let path = directory.appendingPathComponent("missing.folded").path
      let error = #expect(throws: InputError.self) {
        try FoldedStackReader.readProfile(from: [.file(path)])
      }
      guard case .unreadable(let reportedPath, let reason) = error else {
        Issue.record("expected .unreadable, got \(String(describing: error))")
        return
      }
      #expect(reportedPath == path)
      #expect(!reason.isEmpty)
    }
  }

  @Test func aDirectoryIsUnreadable() throws {
    try withTemporaryDirectory { directory in
      let error = #expect(throws: InputError.self) {
        try FoldedStackReader.readProfile(from: [.file(directory.path)])
      }
      guard case .unreadable(let reportedPath, _) = error else {
        Issue.record("expected .unreadable, got \(String(describing: error))")
        return
      }
      #expect(reportedPath == directory.path)
    }
  }

  @Test func anEmptyFileHasNoValidLines() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("", named: "empty.folded", in: directory)
      #expect(throws: InputError.noValidLines(ParseDiagnostics())) {
        try FoldedStackReader.readProfile(from: [.file(path)])
      }
    }
  }

  @Test func invalidUTF8InAFrameNameIsRepairedNotFatal() throws {
    try withTemporaryDirectory { directory in
      // "caf" + 0xFF 0xFE (never valid in UTF-8) + "e", then a kernel frame
      // whose name is a truncated two-byte sequence.
      let bytes: [UInt8] =
        Array("main;caf".utf8) + [0xFF, 0xFE] + Array("e;".utf8) + [0xC3] + Array("_[k] 3\n".utf8)
      let path = try writeFile(bytes, named: "binary.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(path)])

      #expect(profile.totalSamples == 3)
      let leaf = NodeID(profile.tree.nodeCount - 1)
      #expect(profile.tree.depth(of: leaf) == 3)
      let middle = profile.tree.frame(of: profile.tree.parent(of: leaf))
      let name = profile.frames.name(of: middle)
      #expect(name.hasPrefix("caf"))
      #expect(name.hasSuffix("e"))
      #expect(name.contains("\u{FFFD}"))
      // The annotation is recognized on the raw bytes, before decoding.
      let kernel = profile.tree.frame(of: leaf)
      #expect(profile.frames.annotation(of: kernel) == .kernel)
      #expect(profile.frames.name(of: kernel) == "\u{FFFD}")

      // Laying it out (label fitting, colors) does not trip on the repaired name.
      let scene = FlameGraphLayout(options: Options()).scene(for: profile)
      #expect(scene.frames.count == 4)
    }
  }

  @Test func aLineLongerThanTheReadChunkStillParses() throws {
    try withTemporaryDirectory { directory in
      // About 5 MB of frames on one line: more than one read of the reader.
      let depth = 700_000
      var long = [UInt8]()
      long.reserveCapacity(depth * 8)
      for index in 0..<depth {
        if index > 0 { long.append(UInt8(ascii: ";")) }
        long.append(contentsOf: "fn\(index % 100)_x".utf8)
      }
      try #require(long.count > FoldedStackReader.chunkSize)
      let bytes =
        Array("short 1\n".utf8) + long + Array(" 2\nshort 3\nbroken\n".utf8)
      let path = try writeFile(bytes, named: "long.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(path)])

      #expect(profile.totalSamples == 6)
      #expect(profile.total(at: "short") == 4)
      #expect(profile.diagnostics.validLineCount == 3)
      // The line after the long one keeps its line number.
      #expect(profile.diagnostics.firstMalformedLines.map(\.line) == [4])
      // One node per frame of the long stack, plus the root and "short".
      #expect(profile.tree.nodeCount == depth + 2)
      let leaf = NodeID(profile.tree.nodeCount - 1)
      #expect(profile.tree.depth(of: leaf) == depth)
      #expect(profile.tree.total(of: leaf) == 2)
      #expect(profile.name(of: leaf) == "fn\((depth - 1) % 100)_x")
    }
  }

  @Test func inputSourcesNameStandardInputWithADash() {
    #expect(InputSource(argument: "-") == .standardInput)
    #expect(InputSource(argument: "perf.folded") == .file("perf.folded"))
    #expect(InputSource.standardInput.description == "-")
  }
}
