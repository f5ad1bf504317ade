import Testing

@testable import FlameGraph

@Suite("Buffered byte output")
struct ByteWriterTests {
  /// What a fresh in-memory writer holds after `body`.
  static func written(_ body: (ByteWriter) -> Void) throws -> String {
    let writer = ByteWriter()
    body(writer)
    try writer.finish()
    return String(decoding: writer.collected, as: UTF8.self)
  }

  @Test(
    arguments: [
      (12, "12"),
      (12.5, "12.5"),
      (0.333, "0.33"),
      (-3.25, "-3.25"),
      (1e-9, "0"),
      (-1e-9, "0"),
      (0.05, "0.05"),
      (0.996, "1"),
      (-0.006, "-0.01"),
      (100, "100"),
      (1180, "1180"),
      (9_876_543.21, "9876543.21"),
      (.nan, "0"),
      (.infinity, "0"),
    ] as [(Double, String)])
  func numbersHaveAtMostTwoDecimalsAndNoTrailingZeros(number: Double, text: String) throws {
    #expect(try Self.written { $0.write(number: number) } == text)
  }

  @Test func decimalsCanBeChosen() throws {
    #expect(try Self.written { $0.write(number: 2.5, decimals: 0) } == "3")
    #expect(try Self.written { $0.write(number: 0.000001, decimals: 6) } == "0.000001")
    #expect(try Self.written { $0.write(number: 1.23456, decimals: 3) } == "1.235")
    #expect(try Self.written { $0.write(number: 1.2, decimals: 4) } == "1.2")
  }

  @Test func integersAreWrittenInDecimal() throws {
    #expect(try Self.written { $0.writeInteger(0) } == "0")
    #expect(try Self.written { $0.writeInteger(7) } == "7")
    #expect(try Self.written { $0.writeInteger(1_000_000) } == "1000000")
    #expect(try Self.written { $0.writeInteger(.max) } == "9223372036854775807")
  }

  @Test func textBytesAndColorsAreAppendedInOrder() throws {
    let text = try Self.written { writer in
      writer.write("x=")
      writer.write(number: 1.5)
      writer.write(byte: UInt8(ascii: " "))
      writer.write(bytes: Array("fill=".utf8))
      writer.write(hexColor: RGBColor(red: 0xe6, green: 0, blue: 0xAB))
      writer.write(" é…")
    }
    #expect(text == "x=1.5 fill=#e600ab é…")
  }

  @Test func theSinkReceivesEverythingInChunks() throws {
    var chunks: [[UInt8]] = []
    let writer = ByteWriter(chunkSize: 8) { chunks.append(Array($0)) }
    for index in 0..<20 { writer.write("line \(index)\n") }
    try writer.finish()

    let expected = (0..<20).map { "line \($0)\n" }.joined()
    #expect(String(decoding: chunks.joined(), as: UTF8.self) == expected)
    #expect(chunks.count > 1)
    #expect(writer.collected.isEmpty)
  }

  struct DiskFull: Error, Equatable {
    var attempt: Int
  }

  @Test func aSinkErrorSurfacesFromFinish() {
    var attempts = 0
    let writer = ByteWriter(chunkSize: 4) { _ in
      attempts += 1
      throw DiskFull(attempt: attempts)
    }
    // Writing never throws; the first failure is kept.
    writer.write("hello, world")
    writer.write("and more")

    #expect(throws: DiskFull(attempt: 1)) { try writer.finish() }
    // Once failed, the sink is not bothered again.
    #expect(attempts == 1)
  }

  @Test func finishWithoutErrorsDoesNotThrow() throws {
    var received = 0
    let writer = ByteWriter(chunkSize: 1 << 20) { received += $0.count }
    writer.write("small")
    #expect(received == 0)
    try writer.finish()
    #expect(received == 5)
  }

  @Test func hugeNumbersAreWrittenNotFatal() async {
    await #expect(processExitsWith: .success) {
      let writer = ByteWriter()
      writer.write(number: 1e17)
    }
  }
}
