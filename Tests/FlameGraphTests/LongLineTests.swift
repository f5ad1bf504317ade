import Foundation
import Testing

@testable import FlameGraph

/// Long lines cost linear time and bounded memory, whatever the input.
@Suite("Long lines")
struct LongLineTests {
  @Test func aLongLineFromAPipeIsSearchedOnce() throws {
    // 4 MiB of frames on one line, arriving 64 KiB at a time: searching
    // from the start of the line on every read would scan it 64 times.
    let frame = "package/module.py:12 (function);"
    let line = String(repeating: frame, count: (4 << 20) / frame.utf8.count) + "leaf 5\nmain 1\n"
    var statistics = FoldedStackReader.ReadStatistics()
    let profile = try readThroughPipe(Array(line.utf8), pieceSize: 1 << 16, statistics: &statistics)

    #expect(profile.totalSamples == 6)
    #expect(statistics.searchedBytes <= 3 * line.utf8.count)
  }

  @Test func aLineLongerThanTheLimitIsMalformedAndTheRestIsRead() throws {
    try withTemporaryDirectory { directory in
      let tooLong = [UInt8](
        repeating: UInt8(ascii: "a"), count: FoldedStackReader.maximumLineLength + 100)
      let bytes = Array("main;first 2\n".utf8) + tooLong + Array(" 7\nmain;last 3\n".utf8)
      let path = try writeFile(bytes, named: "long.folded", in: directory)
      let profile = try FoldedStackReader.readProfile(from: [.file(path)])

      #expect(profile.totalsByPath == ["main": 5, "main;first": 2, "main;last": 3])
      #expect(
        profile.diagnostics.firstMalformedLines == [
          .init(source: path, line: 2, problem: .lineTooLong)
        ])
    }
  }

  @Test func aStreamWithNoLineEndNeverHoldsMoreThanTheLimit() throws {
    // Like /dev/zero: NULs and no newline. The reader skips it as one long
    // line instead of growing its buffer without bound.
    var statistics = FoldedStackReader.ReadStatistics()
    let zeros = [UInt8](repeating: 0, count: 3 * FoldedStackReader.maximumLineLength)
    let profile = try readThroughPipe(
      zeros + Array("\nmain 1\n".utf8), pieceSize: 1 << 20, statistics: &statistics)

    #expect(profile.totalSamples == 1)
    #expect(profile.diagnostics.firstMalformedLines.map(\.problem) == [.lineTooLong])
    #expect(statistics.searchedBytes <= 3 * zeros.count)
  }

  @Test func aPerfStackLineLongerThanTheLimitSkipsItsSample() throws {
    try withTemporaryDirectory { directory in
      let tooLong = [UInt8](
        repeating: UInt8(ascii: "a"), count: FoldedStackReader.maximumLineLength + 100)
      var bytes = Array("app 1 1.0: 1 cycles:\n\t1 leaf (/bin/app)\n\t2 main (/bin/app)\n\n".utf8)
      bytes += Array("app 1 2.0: 1 cycles:\n\t1 leaf (/bin/app)\n\t3 ".utf8) + tooLong
      bytes += Array(" (/bin/app)\n\t2 main (/bin/app)\n\n".utf8)
      let path = try writeFile(bytes, named: "long.perf", in: directory)
      let profile = try ProfileReader.readProfile(from: [.file(path)], format: .perfScript)
      // The second sample lost a frame to the limit: it is not counted as
      // main calling leaf directly.
      #expect(profile.totalsByPath == ["app": 1, "app;main": 1, "app;main;leaf": 1])
      #expect(profile.diagnostics.firstMalformedLines.map(\.problem) == [.lineTooLong])
    }
  }
}
