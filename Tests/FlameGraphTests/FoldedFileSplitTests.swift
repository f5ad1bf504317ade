import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraph

/// A large folded file is read in two parts at once. Whatever the text,
/// the profile must be the one reading it in one piece gives: the same
/// tree node for node, names in the same order, counts to the bit, and the
/// same skipped lines with the same line numbers.
@Suite("Reading a folded file in two parts at once")
struct FoldedFileSplitTests {
  /// Random folded text with everything the parser handles: spaces and
  /// UTF-8 in names, empty frames, idle lines, blank lines, CRLF and lone
  /// CR line ends, comments and austin headers, malformed lines, and count
  /// pairs from `pairsFrom` on (a fraction of the lines).
  static func randomFoldedText(seed: UInt64, lines: Int, pairsFrom: Double? = nil) -> [UInt8] {
    var random = SeededRandom(seed: seed)
    let names = (0..<300).map { index -> String in
      switch index % 6 {
      case 0: return "app.py:\(index) (handler_\(index))"
      case 1: return "std::vec<T\(index)>::push"
      case 2: return "f \(index) with spaces"
      case 3: return "日本\(index)"
      case 4: return index % 12 == 4 ? "" : "x\(index)"
      default: return "fn_\(index)"
      }
    }
    var text = ""
    for line in 0..<lines {
      let lineEnd = ["\n", "\n", "\n", "\r\n", "\r"].randomElement(using: &random)!
      switch Int.random(in: 0..<40, using: &random) {
      case 0: text += "# mode: \(["wall", "cpu", "memory"].randomElement(using: &random)!)"
      case 1: text += "# interval: \(Int.random(in: 1...500, using: &random))"
      case 2: text += "main;broken line without count"
      case 3: text += "main;negative -4"
      case 4: text += ""
      case 5: text += " \(Int.random(in: 1...9, using: &random))"
      default:
        let depth = Int.random(in: 1...40, using: &random)
        var frame = Int.random(in: 0..<20, using: &random)
        var frames: [String] = []
        for _ in 0..<depth {
          frame = (frame * 7 + Int.random(in: 0...3, using: &random)) % names.count
          frames.append(names[frame])
        }
        let count = Int.random(in: 0...1000, using: &random)
        let isPair = pairsFrom.map { Double(line) >= $0 * Double(lines) } ?? false
        let before = isPair ? "\(Int.random(in: 0...1000, using: &random)) " : ""
        text += frames.joined(separator: ";") + " " + before + "\(count)"
      }
      text += lineEnd
    }
    return Array(text.utf8)
  }

  /// The profile of `bytes` read from a file with splitting from
  /// `splittingFrom` bytes, through the pipelined builder files get.
  static func profile(
    ofFile path: String, splittingFrom minimumSize: Int,
    transform: StackTransform = StackTransform()
  ) throws -> Profile {
    var parser = FoldedStackParser(
      builder: CallTreeBuilder(merging: .byName, transform: transform, pipelined: true))
    // Split whatever the cores: only the speed depends on them.
    try FoldedStackReader.read(
      InputByteStream(opening: .file(path)), into: &parser, splittingFrom: minimumSize,
      minimumCores: 1)
    return parser.finish()
  }

  /// The profile of `bytes` read from memory, which is never split.
  static func profileInOnePiece(
    of bytes: [UInt8], transform: StackTransform = StackTransform()
  ) throws -> Profile {
    var parser = FoldedStackParser(
      builder: CallTreeBuilder(merging: .byName, transform: transform, pipelined: false))
    try FoldedStackReader.read(InputByteStream(bytes: bytes, name: "x"), into: &parser)
    return parser.finish()
  }

  static func expectSame(_ profile: Profile, _ expected: Profile) {
    ChainTreeMergerTests.expectIdentical(profile.tree, expected.tree)
    #expect(profile.frames.count == expected.frames.count)
    if profile.frames.count == expected.frames.count {
      let differentNames = (0..<FrameID(profile.frames.count)).filter {
        profile.frames.rawName(of: $0) != expected.frames.rawName(of: $0)
      }
      #expect(differentNames.isEmpty)
    }
    #expect(profile.frames.storage.locations == expected.frames.storage.locations)
    #expect(profile.diagnostics.validLineCount == expected.diagnostics.validLineCount)
    #expect(profile.diagnostics.malformedLineCount == expected.diagnostics.malformedLineCount)
    #expect(profile.diagnostics.commentLineCount == expected.diagnostics.commentLineCount)
    // The places differ only in the file name the messages give.
    #expect(
      profile.diagnostics.firstMalformedLines.map { "\($0.line) \($0.problem)" }
        == expected.diagnostics.firstMalformedLines.map { "\($0.line) \($0.problem)" })
    #expect(profile.unit == expected.unit)
  }

  @Test(arguments: [(1 as UInt64, nil as Double?), (2, 0.3), (3, 0.7), (4, nil)])
  func splitReadingGivesTheProfileOfReadingInOnePiece(seed: UInt64, pairsFrom: Double?) throws {
    let bytes = Self.randomFoldedText(seed: seed, lines: 6000, pairsFrom: pairsFrom)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "split.folded", in: directory)
      let split = try #require(
        try FoldedFileSplit(
          of: InputByteStream(opening: .file(path)), minimumSize: 1, minimumCores: 1))
      // The cut is near the middle, just after a line end.
      #expect(abs(split.boundary - bytes.count / 2) < 2000)
      #expect(bytes[split.boundary - 1] == 0x0A)

      let splitProfile = try Self.profile(ofFile: path, splittingFrom: 1)
      let whole = try Self.profileInOnePiece(of: bytes)
      #expect(whole.diagnostics.malformedLineCount > 10)
      #expect(whole.tree.nodeCount > 1000)
      Self.expectSame(splitProfile, whole)
    }
  }

  @Test func skippedLinesOfTheSecondPartKeepTheirLineNumbersInTheFile() throws {
    // Only the second half has malformed lines, so they are the ones named.
    var text = String(repeating: "main;work 3\n", count: 4000)
    text += "main;no count\n" + String(repeating: "main;rest 1\n", count: 10) + "bad -3\n"
    text += "# mode: memory\n" + String(repeating: "main;rest 1\n", count: 2000)
    let bytes = Array(text.utf8)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "late.folded", in: directory)
      let splitProfile = try Self.profile(ofFile: path, splittingFrom: 1)
      #expect(splitProfile.diagnostics.firstMalformedLines.map(\.line) == [4001, 4012])
      #expect(splitProfile.unit == CountUnit(.bytes, samplingInterval: nil))
      Self.expectSame(splitProfile, try Self.profileInOnePiece(of: bytes))
    }
  }

  @Test func filtersAndTheDepthLimitGiveTheSameProfileSplit() throws {
    var transform = StackTransform()
    transform.filters.hide = [try LinearRegex("^x")]
    transform.filters.maximumDepth = 6
    transform.filters.collapseRecursion = .all
    let bytes = Self.randomFoldedText(seed: 7, lines: 5000)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "filtered.folded", in: directory)
      let splitProfile = try Self.profile(ofFile: path, splittingFrom: 1, transform: transform)
      let whole = try Self.profileInOnePiece(of: bytes, transform: transform)
      // The depth limit's marked names keep their original's location.
      #expect(!whole.frames.storage.locations.isEmpty)
      Self.expectSame(splitProfile, whole)
    }
  }

  @Test func aByteOrderMarkIsSkippedOnlyAtTheFileStart() throws {
    // A mark in the middle of the file is part of a name, as it is when
    // the file is read in one piece.
    var bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Self.randomFoldedText(seed: 8, lines: 2000)
    let middle = bytes.count / 2
    let lineStart = bytes[middle...].firstIndex(of: 0x0A)! + 1
    bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF] + Array("marked;frame 5\n".utf8), at: lineStart)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "marks.folded", in: directory)
      let splitProfile = try Self.profile(ofFile: path, splittingFrom: 1)
      let whole = try Self.profileInOnePiece(of: bytes)
      #expect(whole.frames.id(of: "\u{FEFF}marked") != nil)
      Self.expectSame(splitProfile, whole)
    }
  }

  @Test func manyRunsGiveTheSameProfile() throws {
    // Thread schedules differ from run to run; the profile must not.
    let bytes = Self.randomFoldedText(seed: 9, lines: 4000, pairsFrom: 0.5)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "runs.folded", in: directory)
      let first = try Self.profile(ofFile: path, splittingFrom: 1)
      for _ in 0..<25 {
        Self.expectSame(try Self.profile(ofFile: path, splittingFrom: 1), first)
      }
    }
  }

  @Test func aFileWithoutANewlineAfterItsMiddleIsReadInOnePiece() throws {
    // Old Mac line ends: lone carriage returns, never a newline.
    let bytes = Array(String(repeating: "main;work 3\r", count: 500).utf8)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "cr.folded", in: directory)
      #expect(
        try FoldedFileSplit(
          of: InputByteStream(opening: .file(path)), minimumSize: 1, minimumCores: 1) == nil)
      let profile = try Self.profile(ofFile: path, splittingFrom: 1)
      #expect(profile.totalSamples == 1500)
    }
  }

  @Test func aLineAcrossTheMiddleStaysWhole() throws {
    // One long line holds the middle: the cut comes after it.
    let long = (0..<5000).map { "frame\($0)" }.joined(separator: ";")
    let text = "a;b 1\n" + long + " 7\n" + "a;c 2\n"
    let bytes = Array(text.utf8)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "long.folded", in: directory)
      let split = try #require(
        try FoldedFileSplit(
          of: InputByteStream(opening: .file(path)), minimumSize: 1, minimumCores: 1))
      #expect(split.boundary == bytes.count - "a;c 2\n".utf8.count)
      Self.expectSame(
        try Self.profile(ofFile: path, splittingFrom: 1), try Self.profileInOnePiece(of: bytes))
    }
  }

  @Test func pipesAndCompressedFilesAreNotSplit() throws {
    let bytes = Self.randomFoldedText(seed: 10, lines: 200)
    #expect(
      try FoldedFileSplit(
        of: InputByteStream(bytes: bytes, name: "x"), minimumSize: 1, minimumCores: 1) == nil)
    try withTemporaryDirectory { directory in
      let path = try writeFile(
        gzipMember(deflate: Self.storedBlocks(bytes), content: bytes), named: "x.folded.gz",
        in: directory)
      #expect(
        try FoldedFileSplit(
          of: InputByteStream(opening: .file(path)), minimumSize: 1, minimumCores: 1) == nil)
      Self.expectSame(
        try Self.profile(ofFile: path, splittingFrom: 1), try Self.profileInOnePiece(of: bytes))
    }
  }

  /// `bytes` as DEFLATE stored blocks (no compression).
  static func storedBlocks(_ bytes: [UInt8]) -> [UInt8] {
    var deflate: [UInt8] = []
    var start = 0
    repeat {
      let length = min(65_535, bytes.count - start)
      let isLast = start + length == bytes.count
      deflate.append(isLast ? 1 : 0)
      deflate += [UInt8(length & 0xFF), UInt8(length >> 8)]
      deflate += [UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)]
      deflate += bytes[start..<(start + length)]
      start += length
    } while start < bytes.count
    return deflate
  }

  @Test func smallFilesAreReadInOnePiece() throws {
    let bytes = Self.randomFoldedText(seed: 11, lines: 100)
    try withTemporaryDirectory { directory in
      let path = try writeFile(bytes, named: "small.folded", in: directory)
      #expect(
        try FoldedFileSplit(of: InputByteStream(opening: .file(path)), minimumCores: 1) == nil)
    }
  }
}
