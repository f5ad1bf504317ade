import Foundation
import Testing

@testable import FlameGraph

@Suite("Reading source lines for frames")
struct SourceFileCacheTests {
  @Test func relativeNamesAreLookedUpInTheSearchPathInOrder() throws {
    try withTemporaryDirectory { directory in
      let first = directory.appendingPathComponent("first")
      let second = directory.appendingPathComponent("second")
      try FileManager.default.createDirectory(at: first, withIntermediateDirectories: true)
      try FileManager.default.createDirectory(
        at: second.appendingPathComponent("pkg"), withIntermediateDirectories: true)
      _ = try writeFile("x = 1\ny = 2\n", named: "mod.py", in: first)
      _ = try writeFile("x = 'second'\n", named: "mod.py", in: second)
      _ = try writeFile("def f():\n    return 42\n", named: "pkg/util.py", in: second)
      let cache = SourceFileCache(searchPath: [first.path, second.path])
      #expect(cache.line(2, of: "mod.py") == "y = 2")
      #expect(cache.line(1, of: "mod.py") == "x = 1")  // the first folder wins
      #expect(cache.line(2, of: "pkg/util.py") == "    return 42")
      #expect(cache.diagnostics == SourceDiagnostics())
    }
  }

  @Test func absoluteNamesAreReadAsTheyAre() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("a\r\nb\r\n", named: "abs.py", in: directory)
      let cache = SourceFileCache(searchPath: [])
      #expect(cache.line(2, of: path) == "b")
    }
  }

  @Test func missingFilesAndLinesAreCountedNotFatal() throws {
    try withTemporaryDirectory { directory in
      _ = try writeFile("only line\n", named: "short.py", in: directory)
      let cache = SourceFileCache(searchPath: [directory.path])
      #expect(cache.line(1, of: "nowhere/missing.py") == nil)
      #expect(cache.line(3, of: "nowhere/missing.py") == nil)  // counted once per file
      #expect(cache.line(99, of: "short.py") == nil)
      #expect(cache.line(0, of: "short.py") == nil)
      #expect(cache.diagnostics.missingFiles == 1)
      #expect(cache.diagnostics.firstMissingFiles == ["nowhere/missing.py"])
      #expect(cache.diagnostics.linesOutOfRange == 2)
      let summary = try #require(cache.diagnostics.summary)
      #expect(summary.contains("1 source file not found (nowhere/missing.py)"))
      #expect(summary.contains("--source-path"))
    }
  }

  @Test func aFolderIsNotAFile() throws {
    try withTemporaryDirectory { directory in
      try FileManager.default.createDirectory(
        at: directory.appendingPathComponent("pkg.py"), withIntermediateDirectories: true)
      let cache = SourceFileCache(searchPath: [directory.path])
      #expect(cache.line(1, of: "pkg.py") == nil)
      #expect(cache.diagnostics.missingFiles == 1)
    }
  }

  @Test func eachFileIsReadOnce() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile("one\ntwo\n", named: "once.py", in: directory)
      let cache = SourceFileCache(searchPath: [directory.path])
      #expect(cache.line(1, of: "once.py") == "one")
      // Change the file: the cache keeps what it read first.
      try "changed\n".write(toFile: path, atomically: false, encoding: .utf8)
      #expect(cache.line(2, of: "once.py") == "two")
    }
  }

  @Test(arguments: [
    ("    return np.zeros((1024, 1024, 50))", "return np.zeros((1024, 1024, 50))"),
    ("\tif x:\t# tab", "if x:   # tab"),
    ("   \t  ", ""),
    ("x = 1   \n", "x = 1"),
    ("bell\u{07}", "bell\u{FFFD}"),
  ])
  func linesAreCleanedLikeATraceback(_ raw: String, _ cleaned: String) {
    #expect(SourceLineCleaner.clean(raw) == cleaned)
  }
}
