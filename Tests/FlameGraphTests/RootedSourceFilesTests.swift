import Foundation
import Testing

@testable import FlameGraph

#if canImport(Glibc)
  import Glibc
#endif

/// A temporary folder holding a source root and, beside it, a folder the
/// root must never reach, with a secret in it.
private struct Sandbox {
  let root: URL
  let outside: URL
  static let secret = "SECRET-9f3a"

  init(in directory: URL) throws {
    root = directory.appendingPathComponent("root")
    outside = directory.appendingPathComponent("outside")
    for folder in [root, outside] {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }
    try writeFile("token = '\(Self.secret)'\n", named: "secret.py", in: outside)
  }

  func write(_ text: String, _ name: String) throws {
    let url = root.appendingPathComponent(name)
    try FileManager.default.createDirectory(
      at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  func link(_ name: String, to target: String) throws {
    try FileManager.default.createSymbolicLink(
      atPath: root.appendingPathComponent(name).path, withDestinationPath: target)
  }

  func sources(limits: SourceFileLimits = SourceFileLimits()) -> RootedSourceFiles {
    RootedSourceFiles(roots: [root.path], limits: limits)
  }
}

@Suite("Source lines only from under the source roots")
struct RootedSourceFilesTests {
  @Test func relativeNamesAreLookedUpInTheRootsInOrder() throws {
    try withTemporaryDirectory { directory in
      let first = directory.appendingPathComponent("first")
      let second = directory.appendingPathComponent("second")
      _ = try writeFile("x = 1\ny = 2\n", named: "mod.py", in: createFolder(first))
      _ = try writeFile("x = 'second'\n", named: "mod.py", in: createFolder(second))
      _ = try writeFile(
        "def f():\n    return 42\n", named: "util.py",
        in: createFolder(second.appendingPathComponent("pkg")))
      let sources = RootedSourceFiles(roots: [first.path, second.path])
      #expect(sources.line(2, inFile: "mod.py") == "y = 2")
      #expect(sources.line(1, inFile: "mod.py") == "x = 1")  // the first root wins
      #expect(sources.line(2, inFile: "pkg/util.py") == "    return 42")
      #expect(sources.diagnostics == SourceDiagnostics())
    }
  }

  @Test func anAbsoluteNameOutsideTheRootsIsNeverRead() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      let secretPath = sandbox.outside.appendingPathComponent("secret.py").path
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: secretPath) == nil)
      #expect(sources.line(1, inFile: "/etc/passwd") == nil)
      #expect(sources.filesRead == 0)
      #expect(sources.diagnostics.summary?.contains(Sandbox.secret) != true)
    }
  }

  @Test func warningsDoNotTellWhetherAnOutsideFileExists() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      let existing = sandbox.sources()
      _ = existing.line(1, inFile: sandbox.outside.appendingPathComponent("secret.py").path)
      let missing = sandbox.sources()
      _ = missing.line(1, inFile: sandbox.outside.appendingPathComponent("absent.py").path)
      #expect(existing.diagnostics.missingFiles == 1)
      #expect(missing.diagnostics.missingFiles == 1)
      #expect(existing.diagnostics.refusedFiles == missing.diagnostics.refusedFiles)
    }
  }

  @Test(arguments: [
    "../outside/secret.py", "pkg/../../outside/secret.py", "./../outside/secret.py",
  ])
  func dotDotCannotLeaveTheRoot(_ name: String) throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("inside = 1\n", "pkg/inside.py")
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: name) == nil)
      #expect(sources.diagnostics.filesOutsideRoots == 1)
      #expect(sources.filesRead == 0)
      // Going up and down again inside the root is fine.
      #expect(sources.line(1, inFile: "pkg/../pkg/inside.py") == "inside = 1")
    }
  }

  @Test func symbolicLinksLeavingTheRootAreRefused() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      let secret = sandbox.outside.appendingPathComponent("secret.py").path
      try sandbox.link("absolute.py", to: secret)
      try sandbox.link("relative.py", to: "../outside/secret.py")
      try sandbox.link("folder", to: sandbox.outside.path)
      try sandbox.write("real = 1\n", "real.py")
      try sandbox.link("alias.py", to: "real.py")
      try sandbox.link("rooted.py", to: sandbox.root.appendingPathComponent("real.py").path)
      let sources = sandbox.sources()
      for name in ["absolute.py", "relative.py", "folder/secret.py"] {
        #expect(sources.line(1, inFile: name) == nil, "\(name)")
      }
      #expect(sources.diagnostics.filesOutsideRoots == 3)
      // Links that stay inside the root are followed, to one file.
      #expect(sources.line(1, inFile: "alias.py") == "real = 1")
      #expect(sources.line(1, inFile: "rooted.py") == "real = 1")
      #expect(sources.filesRead == 1)
    }
  }

  @Test func absoluteNamesAreMatchedByTheirLongestExistingSuffix() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("def app_x(): pass\n", "app/x.py")
      try sandbox.write("def top_x(): pass\n", "x.py")
      try sandbox.write("def y(): pass\n", "y.py")
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: "/home/ci/app/x.py") == "def app_x(): pass")
      #expect(sources.line(1, inFile: "/home/ci/other/y.py") == "def y(): pass")
      // A name that lies in the root is that file.
      let inRoot = sandbox.root.appendingPathComponent("x.py").path
      #expect(sources.line(1, inFile: inRoot) == "def top_x(): pass")
    }
  }

  @Test func everySpellingOfAFileReadsItOnce() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("one\ntwo\n", "a/f.py")
      let sources = sandbox.sources()
      let absolute = sandbox.root.appendingPathComponent("a/f.py").path
      let names = [
        "a/f.py", "a//f.py", "./a/f.py", "a/./f.py", "a/../a/f.py", "/x/a/f.py", "/x/./a/././f.py",
        "/y/z/../a//f.py", absolute, absolute.replacingOccurrences(of: "/a/", with: "/a/./"),
      ]
      for name in names {
        #expect(sources.line(2, inFile: name) == "two", "\(name)")
      }
      #expect(sources.filesRead == 1)
      #expect(sources.bytesRead == 8)
    }
  }

  @Test func aFileOverThePerFileLimitIsNotRead() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write(String(repeating: "x = 1\n", count: 20), "big.py")  // 120 bytes
      try sandbox.write("small = 1\n", "small.py")
      var limits = SourceFileLimits()
      limits.maximumFileBytes = 100
      let sources = sandbox.sources(limits: limits)
      #expect(sources.line(1, inFile: "big.py") == nil)
      #expect(sources.diagnostics.filesTooLarge == 1)
      #expect(sources.bytesRead == 0)
      #expect(sources.line(1, inFile: "small.py") == "small = 1")
    }
  }

  @Test func filesStopBeingReadWhenTheTotalIsSpent() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      let line = String(repeating: "a", count: 59) + "\n"  // 60 bytes a file
      for name in ["one.py", "two.py", "three.py"] { try sandbox.write(line, name) }
      var limits = SourceFileLimits()
      limits.maximumTotalBytes = 150
      let sources = sandbox.sources(limits: limits)
      #expect(sources.line(1, inFile: "one.py") != nil)
      #expect(sources.line(1, inFile: "two.py") != nil)
      #expect(sources.line(1, inFile: "three.py") == nil)
      #expect(sources.diagnostics.filesTooLarge == 1)
      #expect(sources.bytesRead == 120)
    }
  }

  @Test func binaryFilesAreRefused() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      _ = try writeFile(Array("x = 1\n".utf8) + [0, 1, 2], named: "blob.py", in: sandbox.root)
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: "blob.py") == nil)
      #expect(sources.diagnostics.filesNotText == 1)
    }
  }

  @Test(arguments: ["notes.txt", "id_rsa", ".py", "config.json", "pkg.py/"])
  func namesWithoutASourceExtensionAreNotLookedUp(_ name: String) throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("\(Sandbox.secret)\n", name.hasSuffix("/") ? "pkg.py/x.py" : name)
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: name) == nil)
      #expect(sources.filesRead == 0)
      #expect(sources.diagnostics.filesNotSource + sources.diagnostics.filesNotText == 1)
    }
  }

  @Test func aLinkCannotGiveASourceNameToAnotherFile() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("\(Sandbox.secret)\n", "notes.txt")
      try sandbox.link("notes.py", to: "notes.txt")
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: "notes.py") == nil)
      #expect(sources.filesRead == 0)
    }
  }

  @Test func fifosAndFoldersAreRefusedWithoutOpeningThem() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      // Opening a FIFO for reading would wait for a writer forever.
      #expect(mkfifo(sandbox.root.appendingPathComponent("pipe.py").path, 0o600) == 0)
      try FileManager.default.createDirectory(
        at: sandbox.root.appendingPathComponent("pkg.py"), withIntermediateDirectories: true)
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: "pipe.py") == nil)
      #expect(sources.line(1, inFile: "pkg.py") == nil)
      #expect(sources.diagnostics.filesNotText == 2)
      #expect(sources.filesRead == 0)
    }
  }

  @Test(arguments: ["<frozen importlib._bootstrap>", "<string>", "<stdin>", ""])
  func pseudoFilesAreNeitherReadNorCounted(_ name: String) throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: name) == nil)
      #expect(sources.diagnostics == SourceDiagnostics())
    }
  }

  @Test func onlySoManyDistinctNamesAreLookedUp() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("kept = 1\n", "kept.py")
      var limits = SourceFileLimits()
      limits.maximumFileNames = 3
      let sources = sandbox.sources(limits: limits)
      #expect(sources.line(1, inFile: "kept.py") == "kept = 1")
      for index in 0..<5 { _ = sources.line(1, inFile: "missing\(index).py") }
      // Names already looked up still give their lines.
      #expect(sources.line(1, inFile: "kept.py") == "kept = 1")
      #expect(sources.diagnostics.missingFiles == 2)
      #expect(sources.diagnostics.lookupsSkipped == 3)
    }
  }

  @Test func missingFilesAndLinesAreCountedNotFatal() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("only line\n", "short.py")
      let sources = sandbox.sources()
      #expect(sources.line(1, inFile: "nowhere/missing.py") == nil)
      #expect(sources.line(3, inFile: "nowhere/missing.py") == nil)  // counted once per file
      #expect(sources.line(99, inFile: "short.py") == nil)
      #expect(sources.line(0, inFile: "short.py") == nil)
      #expect(sources.diagnostics.missingFiles == 1)
      #expect(sources.diagnostics.firstMissingFiles == ["nowhere/missing.py"])
      #expect(sources.diagnostics.linesOutOfRange == 2)
      let summary = try #require(sources.diagnostics.summary)
      #expect(summary.contains("1 source file not found (nowhere/missing.py)"))
      #expect(summary.contains("--source-path"))
    }
  }

  @Test func theWarningNamesFilesWithoutControlCharacters() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      let sources = sandbox.sources()
      _ = sources.line(1, inFile: "\u{1B}]0;title\u{07}\u{1B}[31mred.py")
      let summary = try #require(sources.diagnostics.summary)
      #expect(!summary.unicodeScalars.contains { $0.value < 0x20 })
      #expect(summary.contains("red.py"))
    }
  }

  @Test func linesEndAtAnyNewlineAndLongOnesAreCut() throws {
    try withTemporaryDirectory { directory in
      let sandbox = try Sandbox(in: directory)
      try sandbox.write("\u{FEFF}first\r\nsecond\rthird\nlast", "endings.py")
      try sandbox.write("s = 'éééééééé'\n", "long.py")
      try sandbox.write((1...100).map { "line \($0)" }.joined(separator: "\n"), "many.py")
      var limits = SourceFileLimits()
      limits.maximumLineBytes = 10
      let sources = sandbox.sources(limits: limits)
      #expect(sources.line(1, inFile: "endings.py") == "first")
      #expect(sources.line(2, inFile: "endings.py") == "second")
      #expect(sources.line(3, inFile: "endings.py") == "third")
      #expect(sources.line(4, inFile: "endings.py") == "last")
      #expect(sources.line(5, inFile: "endings.py") == nil)
      // 10 bytes end inside the fourth é: the cut keeps whole characters.
      #expect(sources.line(1, inFile: "long.py") == "s = 'éé\u{2026}")
      for number in [1, 31, 32, 33, 64, 65, 99, 100] {
        #expect(sources.line(number, inFile: "many.py") == "line \(number)")
      }
      #expect(sources.line(101, inFile: "many.py") == nil)
    }
  }

  @Test func layoutReadsNoFileWithoutAProvider() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("token = 1\n", named: "code.py", in: directory)
      let profile = try Profile(folded: "\(path):1 (f) 5\n")
      let scene = FlameGraphLayout(options: Options()).scene(for: profile)
      #expect(scene.frames.allSatisfy { $0.sourceLine == nil })
      // With a provider for that folder, the line is shown.
      let rooted = FlameGraphLayout(
        options: Options(), sourceLines: RootedSourceFiles(roots: [directory.path])
      ).scene(for: profile)
      #expect(rooted.frames.contains { $0.sourceLine == "token = 1" })
    }
  }

  private func createFolder(_ url: URL) throws -> URL {
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }
}
