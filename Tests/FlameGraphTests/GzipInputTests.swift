import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraph

/// Gzip-compressed input is read as is: every importer sees the
/// decompressed bytes, and corrupt data is a clear error, never a crash.
@Suite struct GzipInputTests {
  /// Reads a stream to its end in chunks of `step` bytes.
  private func readInChunks(_ input: InputByteStream, step: Int = 1 << 16) throws -> [UInt8] {
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: step)
    while true {
      let got = try chunk.withUnsafeMutableBufferPointer {
        try input.read(into: $0.baseAddress!, count: $0.count)
      }
      if got == 0 { return output }
      output += chunk[0..<got]
    }
  }

  /// The error decompressing `bytes` throws, or nil when it decodes to `expected`.
  private func corruption(of bytes: [UInt8], expected: [UInt8]) -> InputError? {
    do {
      let output = try InflateStream.decompress(bytes, name: "x.gz")
      #expect(output == expected, "a damaged stream decoded to other bytes without an error")
      return nil
    } catch let error as InputError {
      return error
    } catch {
      Issue.record("unexpected error \(error)")
      return nil
    }
  }

  @Test func peekReadAndReadAllSeeTheDecompressedBytes() throws {
    let text = sampleText(lines: 20_000)
    let compressed = try pythonCompress(text)
    let peeked = InputByteStream(bytes: compressed, name: "x.folded.gz")
    #expect(try peeked.isCompressed)
    #expect(Array(try peeked.peek(100)) == Array(text[0..<100]))
    #expect(try peeked.readAll(limit: InputByteStream.wholeInputLimit) == text)
    #expect(try readInChunks(InputByteStream(bytes: compressed, name: "x"), step: 1_000) == text)
  }

  @Test func plainInputIsUntouchedWhateverItsLength() throws {
    for text in ["", "m", "\u{1f}", "main 1\n", "\u{1f}x;y 2\n"] {
      let input = InputByteStream(bytes: Array(text.utf8), name: "plain")
      #expect(try !input.isCompressed)
      #expect(try input.readAll(limit: 1 << 20) == Array(text.utf8))
    }
  }

  @Test func wholeInputLimitCountsDecompressedBytes() throws {
    let compressed = try pythonCompress([UInt8](repeating: 0x20, count: 3 << 20), level: 9)
    #expect(compressed.count < 1 << 16)
    let input = InputByteStream(bytes: compressed, name: "bomb.gz")
    #expect(throws: InputError.tooLarge(path: "bomb.gz", limit: 1 << 20)) {
      try input.readAll(limit: 1 << 20)
    }
  }

  @Test func gzipFilesAndPipesAreReadAsTheirDecompressedText() throws {
    let text = sampleText(lines: 5_000)
    let compressed = try pythonCompress(text)
    try withTemporaryDirectory { directory in
      let plain = try writeFile(text, named: "cpu.folded", in: directory)
      let gzipped = try writeFile(compressed, named: "cpu.folded.gz", in: directory)
      let expected = try ProfileReader.readProfile(from: [.file(plain)])
      let actual = try ProfileReader.readProfile(from: [.file(gzipped)])
      #expect(actual.totalsByPath == expected.totalsByPath)
      // A pipe delivers the bytes in small pieces, the magic bytes apart.
      let pipe = Pipe()
      let writer = Thread {
        let handle = pipe.fileHandleForWriting
        handle.write(Data(compressed[0..<1]))
        usleep(20_000)
        for start in stride(from: 1, to: compressed.count, by: 4_093) {
          handle.write(Data(compressed[start..<min(start + 4_093, compressed.count)]))
        }
        try? handle.close()
      }
      writer.start()
      let fromPipe = try ProfileReader.readProfile(
        from: [.file("/dev/fd/\(pipe.fileHandleForReading.fileDescriptor)")])
      #expect(fromPipe.totalsByPath == expected.totalsByPath)
    }
  }

  @Test func sympyImportProfileIsTheSameAsItsDecompressedText() throws {
    let path = repositoryRoot().appendingPathComponent("../shared/profiles/import-sympy.folded.gz")
      .standardizedFileURL.path
    try #require(FileManager.default.fileExists(atPath: path), "\(path) is missing")
    let text = try runPython(
      "out.write(gzip.decompress(data))",
      input: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    #expect(text.count > 30 << 20)
    let expected = try withTemporaryDirectory { directory in
      try Profile(reading: [.file(writeFile(text, named: "sympy.folded", in: directory))])
    }
    let actual = try Profile(reading: [.file(path)])
    #expect(actual.totalSamples == expected.totalSamples)
    #expect(actual.tree.nodeCount == expected.tree.nodeCount)
    #expect(actual.diagnostics.validLineCount == expected.diagnostics.validLineCount)
    #expect(actual.totalsByPath == expected.totalsByPath)
  }

  @Test func severalMembersAreReadOneAfterTheOther() throws {
    let first = sampleText(lines: 1_000, seed: 4)
    let second = sampleText(lines: 1_000, seed: 5)
    let joined = try pythonCompress(first) + pythonCompress([]) + pythonCompress(second, level: 1)
    #expect(try InflateStream.decompress(joined) == first + second)
    #expect(try InflateStream.decompress(joined + [0, 0, 0, 0]) == first + second)
    #expect(throws: InputError.self) { try InflateStream.decompress(joined + [0x42]) }
  }

  @Test func headerFieldsAndHeaderChecksumAreRead() throws {
    let content = Array("main;load 3\nmain;run 4\n".utf8)
    // FHCRC, FEXTRA, FNAME and FCOMMENT, as gzip's Python module never writes.
    let script = """
      import struct
      c = zlib.compressobj(6, zlib.DEFLATED, -15)
      body = c.compress(data) + c.flush()
      extra = b'AB' + struct.pack('<H', 3) + b'xyz'
      header = b'\\x1f\\x8b\\x08\\x1e' + struct.pack('<I', 1700000000) + b'\\x00\\x03'
      header += struct.pack('<H', len(extra)) + extra + b'cpu.folded\\x00' + b'a comment\\x00'
      bad = sys.argv[1].endswith('bad')
      header += struct.pack('<H', (zlib.crc32(header) & 0xffff) ^ (1 if bad else 0))
      out.write(header + body + struct.pack('<II', zlib.crc32(data), len(data)))
      """
    let compressed = try runPython(script, input: content)
    #expect(try InflateStream.decompress(compressed) == content)
    var damaged = compressed
    // The header CRC is after the comment's terminating zero.
    let crcOffset = 10 + 2 + 7 + 11 + 10
    damaged[crcOffset] ^= 1
    #expect(
      throws: InputError.corruptCompressedInput(
        path: "x.gz", format: "gzip", offset: crcOffset, reason: "header checksum mismatch")
    ) { try InflateStream.decompress(damaged, name: "x.gz") }
  }

  @Test func eachKindOfCorruptionIsNamedWithItsByte() throws {
    func reason(_ bytes: [UInt8], _ container: InflateStream.Container = .deflate) -> String? {
      do {
        _ = try InflateStream.decompress(bytes, container: container, name: "x")
        return nil
      } catch let InputError.corruptCompressedInput(_, _, _, reason) {
        return reason
      } catch {
        return "\(error)"
      }
    }
    #expect(reason([0x07]) == "invalid block type")
    #expect(
      reason([0x01, 0x05, 0x00, 0x00, 0x00]) == "stored block length does not match its complement")
    var distance = DeflateBitWriter()
    distance.write(1, bits: 1)
    distance.write(1, bits: 2)
    distance.writeCode(1, bits: 7)  // length 3
    distance.writeCode(0, bits: 5)  // distance 1, with nothing before it
    distance.writeCode(0, bits: 7)
    #expect(reason(distance.bytes) == "invalid distance (too far back)")
    var lengths = DeflateBitWriter()
    lengths.write(1, bits: 1)
    lengths.write(2, bits: 2)
    lengths.write(0, bits: 5)
    lengths.write(0, bits: 5)
    lengths.write(0, bits: 4)
    for _ in 0..<4 { lengths.write(1, bits: 3) }  // four codes of one bit
    lengths.write(0, bits: 16)
    #expect(reason(lengths.bytes) == "invalid code-length code lengths (over-subscribed)")
    var invalidDistance = DeflateBitWriter()
    invalidDistance.write(1, bits: 1)
    invalidDistance.write(1, bits: 2)
    invalidDistance.writeCode(0x30 + 0x61, bits: 8)
    invalidDistance.writeCode(1, bits: 7)
    invalidDistance.writeCode(30, bits: 5)  // distance codes 30 and 31 do not exist
    invalidDistance.write(0, bits: 16)
    #expect(reason(invalidDistance.bytes) == "invalid distance code")
    #expect(
      reason([0x1F, 0x8B, 7, 0, 0, 0, 0, 0, 0, 0, 3, 0], .gzip) == "unknown compression method 7")
    #expect(
      reason([0x1F, 0x8B, 8, 0x20, 0, 0, 0, 0, 0, 0, 3, 0], .gzip)
        == "reserved header flags are set")
    #expect(reason([0x78, 0x9D, 3, 0], .zlib) == "not a zlib header (bad check bits)")

    let content = sampleText(lines: 50)
    let member = try pythonCompress(content)
    var badCRC = member
    badCRC[badCRC.count - 8] ^= 0x10
    let crcError = InputError.corruptCompressedInput(
      path: "x.gz", format: "gzip", offset: member.count - 8, reason: "CRC-32 mismatch")
    #expect(throws: crcError) { try InflateStream.decompress(badCRC, name: "x.gz") }
    #expect(
      crcError.description.hasPrefix(
        "x.gz: gzip: the data is corrupt at byte \(member.count - 8) (CRC-32 mismatch)"))
    var badLength = member
    badLength[badLength.count - 1] ^= 1
    #expect(
      throws: InputError.corruptCompressedInput(
        path: "x.gz", format: "gzip", offset: member.count - 4, reason: "length mismatch")
    ) { try InflateStream.decompress(badLength, name: "x.gz") }
    var badAdler = try pythonCompress(content, container: .zlib)
    badAdler[badAdler.count - 1] ^= 1
    #expect(reason(badAdler, .zlib) == "Adler-32 mismatch")
  }

  @Test func everyTruncationThrowsTruncated() throws {
    let content = sampleText(lines: 40)
    for level in [0, 1, 9] {
      let member = try pythonCompress(content, level: level)
      for length in 0..<member.count {
        let error = corruption(of: Array(member[0..<length]), expected: content)
        guard case .corruptCompressedInput(let path, "gzip", let offset, let reason) = error else {
          Issue.record("cutting at \(length) of \(member.count) gave \(String(describing: error))")
          continue
        }
        #expect(path == "x.gz")
        #expect(reason == "truncated", "cut at \(length)")
        #expect(offset == length, "cut at \(length)")
      }
    }
  }

  @Test func everyFlippedByteThrowsOrDecodesTheSame() throws {
    let content = sampleText(lines: 60) + randomBytes(200)
    for level in [0, 1, 6] {
      let member = try pythonCompress(content, level: level)
      var failures = 0
      for offset in 0..<member.count {
        for flip: UInt8 in [0x01, 0x80, 0xFF] {
          var damaged = member
          damaged[offset] ^= flip
          guard let error = corruption(of: damaged, expected: content) else { continue }
          failures += 1
          guard case .corruptCompressedInput(_, _, let at, _) = error else {
            Issue.record("flipping byte \(offset) gave \(error)")
            continue
          }
          #expect(at >= 0 && at <= member.count)
        }
      }
      // Only the modification time, extra flags and system bytes, and the
      // padding bits after the last block, may change freely.
      #expect(failures > 2 * member.count)
    }
  }

  @Test func randomGarbageAfterTheMagicBytesNeverCrashes() throws {
    var random = SeededRandom(seed: 99)
    for length in 0..<2_000 {
      let garbage =
        [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3]
        + (0..<(length % 300)).map { _ in UInt8.random(in: 0...255, using: &random) }
      let input = InputByteStream(bytes: garbage, name: "garbage.gz")
      #expect(throws: InputError.self) { try input.readAll(limit: 1 << 24) }
      // A failed stream stays failed.
      #expect(throws: InputError.self) { try input.readAll(limit: 1 << 24) }
    }
  }
}
