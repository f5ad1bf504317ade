import FlameGraphTestSupport
import Foundation

@testable import FlameGraph

// Helpers of the decompression tests: Python's zlib and gzip modules as the
// reference compressor, run at test time, and a DEFLATE bit writer to make
// streams that no compressor would.

/// Runs a Python script with the bytes of `input` in the file named by
/// `sys.argv[1]`, and returns what it writes to standard output.
func runPython(_ script: String, input: [UInt8] = []) throws -> [UInt8] {
  try withTemporaryDirectory { directory in
    let inputPath = try writeFile(input, named: "input", in: directory)
    let outputPath = directory.appendingPathComponent("output").path
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import sys, zlib, gzip\ndata = open(sys.argv[1], 'rb').read()\n"
        + "out = open(sys.argv[2], 'wb')\n" + script,
      inputPath, outputPath,
    ]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw PythonFailed(status: process.terminationStatus)
    }
    return Array(try Data(contentsOf: URL(fileURLWithPath: outputPath)))
  }
}

/// A Python script exited with an error.
struct PythonFailed: Error {
  var status: Int32
}

/// Compresses with Python: `container` chooses gzip, zlib or raw DEFLATE.
func pythonCompress(
  _ bytes: [UInt8], level: Int = 6, container: InflateStream.Container = .gzip,
  strategy: String = "zlib.Z_DEFAULT_STRATEGY"
) throws -> [UInt8] {
  let windowBits = container == .gzip ? 31 : container == .zlib ? 15 : -15
  return try runPython(
    "c = zlib.compressobj(\(level), zlib.DEFLATED, \(windowBits), 9, \(strategy))\n"
      + "out.write(c.compress(data) + c.flush())", input: bytes)
}

/// Text a profile could hold, repetitive enough to compress well.
func sampleText(lines: Int, seed: UInt64 = 1) -> [UInt8] {
  var random = SeededRandom(seed: seed)
  let names = ["main", "parse", "read", "compute", "sum", "json/decoder.py:12 (decode)", "alloc"]
  var text = ""
  for _ in 0..<lines {
    let depth = Int.random(in: 1...8, using: &random)
    let stack = (0..<depth).map { _ in names.randomElement(using: &random)! }
    text += stack.joined(separator: ";") + " \(Int.random(in: 1...1000, using: &random))\n"
  }
  return Array(text.utf8)
}

/// `count` random bytes, the same each run.
func randomBytes(_ count: Int, seed: UInt64 = 7) -> [UInt8] {
  var random = SeededRandom(seed: seed)
  return (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
}

/// Decompresses reading the compressed bytes `inputStep` at a time and
/// the output `outputStep` at a time, to exercise every resumption point.
func decompressInSteps(
  _ bytes: [UInt8], container: InflateStream.Container = .gzip, inputStep: Int, outputStep: Int
) throws -> [UInt8] {
  var position = 0
  let stream = InflateStream(container: container, name: "steps") { buffer, count in
    let length = min(count, inputStep, bytes.count - position)
    for index in 0..<length { buffer[index] = bytes[position + index] }
    position += length
    return length
  }
  var output: [UInt8] = []
  var chunk = [UInt8](repeating: 0, count: outputStep)
  while true {
    let got = try chunk.withUnsafeMutableBufferPointer {
      try stream.read(into: $0.baseAddress!, count: $0.count)
    }
    if got == 0 { return output }
    output += chunk[0..<got]
  }
}

/// Writes DEFLATE bits least significant first, for hand-made streams.
struct DeflateBitWriter {
  private(set) var bytes: [UInt8] = []
  private var bitCount = 0

  /// Appends the low `count` bits of `value`, least significant first
  /// (header fields and extra bits).
  mutating func write(_ value: Int, bits count: Int) {
    for bit in 0..<count {
      if bitCount % 8 == 0 { bytes.append(0) }
      bytes[bytes.count - 1] |= UInt8((value >> bit) & 1) << (bitCount % 8)
      bitCount += 1
    }
  }

  /// Appends a Huffman code, most significant bit first.
  mutating func writeCode(_ code: Int, bits count: Int) {
    for bit in stride(from: count - 1, through: 0, by: -1) { write((code >> bit) & 1, bits: 1) }
  }
}

/// Wraps raw DEFLATE data in a minimal gzip member for `content`.
func gzipMember(deflate: [UInt8], content: [UInt8]) -> [UInt8] {
  var member: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 255]
  member += deflate
  let crc = CRC32.checksum(content)
  let length = UInt32(truncatingIfNeeded: content.count)
  for shift in stride(from: 0, to: 32, by: 8) {
    member.append(UInt8(truncatingIfNeeded: crc >> shift))
  }
  for shift in stride(from: 0, to: 32, by: 8) {
    member.append(UInt8(truncatingIfNeeded: length >> shift))
  }
  return member
}
