import Foundation
import Testing

@testable import FlameGraph

/// The DEFLATE decoder and its gzip and zlib wrappers, against Python's
/// zlib as the reference compressor.
@Suite struct InflateTests {
  @Test func checksumsHaveTheirCheckValues() {
    #expect(CRC32.checksum(Array("123456789".utf8)) == 0xCBF4_3926)
    #expect(CRC32.checksum([]) == 0)
    #expect(Adler32.checksum(Array("Wikipedia".utf8)) == 0x11E6_0398)
    let long = randomBytes(100_000)
    // Slicing by 8 agrees with one byte at a time, at every alignment.
    var bytewise: UInt32 = 0
    for byte in long { bytewise = CRC32.update(bytewise, byte: byte) }
    #expect(CRC32.checksum(long) == bytewise)
  }

  @Test(arguments: 0...9) func everyLevelRoundTripsInEveryContainer(level: Int) throws {
    let input = sampleText(lines: 3_000) + randomBytes(20_000) + sampleText(lines: 500, seed: 2)
    for container in InflateStream.Container.allCases {
      let compressed = try pythonCompress(input, level: level, container: container)
      #expect(try InflateStream.decompress(compressed, container: container) == input)
    }
  }

  @Test func storedBlocksLongerThanOneBlockRoundTrip() throws {
    // Level 0 writes stored blocks of at most 65,535 bytes: several here.
    let input = randomBytes(200_000, seed: 3)
    let compressed = try pythonCompress(input, level: 0)
    #expect(compressed.count > input.count)
    #expect(try InflateStream.decompress(compressed) == input)
    #expect(try decompressInSteps(compressed, inputStep: 1_000, outputStep: 777) == input)
  }

  @Test func fixedHuffmanBlocksRoundTrip() throws {
    let input = sampleText(lines: 2_000)
    let compressed = try pythonCompress(input, level: 9, strategy: "zlib.Z_FIXED")
    #expect(try InflateStream.decompress(compressed) == input)
  }

  @Test func runLengthAndHuffmanOnlyStrategiesRoundTrip() throws {
    let input = [UInt8](repeating: 0x61, count: 50_000) + sampleText(lines: 1_000)
    for strategy in ["zlib.Z_RLE", "zlib.Z_HUFFMAN_ONLY"] {
      let compressed = try pythonCompress(input, level: 6, strategy: strategy)
      #expect(try InflateStream.decompress(compressed) == input)
    }
  }

  @Test func emptyInputRoundTrips() throws {
    for container in InflateStream.Container.allCases {
      let compressed = try pythonCompress([], container: container)
      #expect(try InflateStream.decompress(compressed, container: container) == [])
    }
  }

  @Test func oneMegabyteOfRandomAndRepetitiveBytesRoundTrips() throws {
    let input =
      randomBytes(512 << 10) + [UInt8](repeating: 7, count: 100_000)
      + sampleText(lines: 15_000)
    #expect(input.count > 1 << 20)
    for level in [1, 6, 9] {
      let compressed = try pythonCompress(input, level: level)
      #expect(try InflateStream.decompress(compressed) == input)
    }
  }

  @Test func everyInputAndOutputChunkingGivesTheSameBytes() throws {
    let input = sampleText(lines: 4_000) + randomBytes(30_000)
    let compressed = try pythonCompress(input, level: 6)
    for (inputStep, outputStep) in [(1, 1), (1, 4096), (3, 7), (7, 300), (8, 1), (65_536, 1 << 20)]
    {
      #expect(
        try decompressInSteps(compressed, inputStep: inputStep, outputStep: outputStep) == input,
        "input \(inputStep) at a time, output \(outputStep) at a time")
    }
  }

  @Test func windowSlidesKeepMatchesThatReachBackAcrossThem() throws {
    // Far matches (up to 32 KiB back) across many slides of the 1 MiB window.
    let unit = randomBytes(30_000, seed: 11)
    var input: [UInt8] = []
    for copy in 0..<120 { input += unit + [UInt8(copy)] }
    let compressed = try pythonCompress(input, level: 9)
    #expect(compressed.count < input.count / 20)
    #expect(try InflateStream.decompress(compressed) == input)
  }

  @Test func handMadeStreamsWithEveryBlockTypeDecode() throws {
    // A stored block "ab", then a final fixed block: literal 'c' and a
    // match of length 3 at distance 3 ("abc").
    var writer = DeflateBitWriter()
    writer.write(0, bits: 1)
    writer.write(0, bits: 2)
    writer.write(0, bits: 5)  // up to the byte boundary
    writer.write(2, bits: 16)
    writer.write(0xFFFD, bits: 16)
    writer.write(0x61, bits: 8)
    writer.write(0x62, bits: 8)
    writer.write(1, bits: 1)
    writer.write(1, bits: 2)
    writer.writeCode(0x30 + 0x63, bits: 8)  // literals 0-143: 00110000 + value
    writer.writeCode(1, bits: 7)  // length symbol 257: 3
    writer.writeCode(2, bits: 5)  // distance symbol 2: 3
    writer.writeCode(0, bits: 7)  // end of block
    #expect(try InflateStream.decompress(writer.bytes, container: .deflate) == Array("abcabc".utf8))
  }
}
