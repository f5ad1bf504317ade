import Foundation
import Testing

@testable import FlameGraph

/// Line ends and byte order marks as editors and other systems write them:
/// no sample is lost and no frame name changes.
@Suite("Line endings and byte order marks")
struct LineEndingTests {
  @Test func aByteOrderMarkIsNotPartOfTheFirstFrame() throws {
    let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
    let lines = Array("main;a 2\nmain;b 3\n".utf8)
    var parser = FoldedStackParser(builder: CallTreeBuilder())
    parser.parse(contentsOf: bom + lines, source: "inline")
    let profile = parser.finish()

    #expect(profile.totalsByPath == ["main": 5, "main;a": 2, "main;b": 3])
  }

  @Test func aByteOrderMarkInAFileIsSkippedForEachFile() throws {
    try withTemporaryDirectory { directory in
      let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
      let first = try writeFile(bom + Array("main;a 2\n".utf8), named: "a.folded", in: directory)
      let second = try writeFile(bom + Array("main;b 3\n".utf8), named: "b.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(first), .file(second)])

      #expect(profile.childNames(of: profile.tree.root) == ["main"])
      #expect(profile.total(at: "main") == 5)
    }
  }

  @Test func loneCarriageReturnsEndLines() throws {
    let profile = try Profile(folded: "main;a 2\rmain;b 3\rmain;c 4")

    #expect(profile.totalsByPath == ["main": 9, "main;a": 2, "main;b": 3, "main;c": 4])
    #expect(profile.diagnostics.validLineCount == 3)
  }

  @Test func aStrayCarriageReturnInsideANewlineFileEndsALine() throws {
    let profile = try Profile(folded: "main;a 2\rmain;b 3\nmain;c 4\r\nmain;d 1\n")

    #expect(profile.totalSamples == 10)
    #expect(profile.diagnostics.validLineCount == 4)
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func lineNumbersCountEachKindOfLineEndOnce() throws {
    let profile = try Profile(folded: "main 1\r\nbroken\rmain 2\nalso broken\r\n")

    #expect(profile.diagnostics.firstMalformedLines.map(\.line) == [2, 4])
  }

  @Test func carriageReturnFilesReadInSmallPiecesKeepEverySample() throws {
    // Written through a pipe a few bytes at a time, a `\r` can arrive last
    // in one read and its `\n` first in the next.
    let text = String(repeating: "main;a 1\r\nmain;b 2\r", count: 2000) + "main;c 3"
    let profile = try readThroughPipe(Array(text.utf8), pieceSize: 7)

    #expect(profile.totalsByPath == ["main": 6003, "main;a": 2000, "main;b": 4000, "main;c": 3])
    #expect(profile.diagnostics.validLineCount == 4001)
  }
}

/// Feeds bytes to the reader through a FIFO, `pieceSize` bytes per write,
/// so that reads return partial lines as from a slow pipe.
func readThroughPipe(
  _ bytes: [UInt8], pieceSize: Int,
  statistics: UnsafeMutablePointer<FoldedStackReader.ReadStatistics>? = nil
) throws -> Profile {
  try withTemporaryDirectory { directory in
    let path = directory.appendingPathComponent("input.fifo").path
    guard mkfifo(path, 0o600) == 0 else { throw CocoaError(.fileWriteUnknown) }
    let writer = Thread {
      let descriptor = open(path, O_WRONLY)
      guard descriptor >= 0 else { return }
      var offset = 0
      while offset < bytes.count {
        let length = min(pieceSize, bytes.count - offset)
        let written = bytes.withUnsafeBufferPointer {
          write(descriptor, $0.baseAddress! + offset, length)
        }
        if written <= 0 { break }
        offset += written
      }
      close(descriptor)
    }
    writer.start()
    var parser = FoldedStackParser(builder: CallTreeBuilder())
    var counted = FoldedStackReader.ReadStatistics()
    try FoldedStackReader.read(.file(path), into: &parser, statistics: &counted)
    statistics?.pointee = counted
    return parser.finish()
  }
}
