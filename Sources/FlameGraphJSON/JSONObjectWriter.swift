import FlameGraph

/// Writes JSON objects field by field into a `ByteWriter`, inserting the
/// commas, so writers read like the document they produce.
struct JSONObjectWriter {
  let writer: ByteWriter
  private var isFirst = true

  /// Opens an object: `{`.
  init(_ writer: ByteWriter) {
    self.writer = writer
    writer.write(byte: UInt8(ascii: "{"))
  }

  private mutating func key(_ name: StaticString) {
    if !isFirst { writer.write(byte: UInt8(ascii: ",")) }
    isFirst = false
    writer.write(byte: UInt8(ascii: "\""))
    writer.write(bytes: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    writer.write(byte: UInt8(ascii: "\""))
    writer.write(byte: UInt8(ascii: ":"))
  }

  mutating func string(_ name: StaticString, _ value: String) {
    key(name)
    writer.writeJSONString(value)
  }

  mutating func optionalString(_ name: StaticString, _ value: String?) {
    key(name)
    if let value { writer.writeJSONString(value) } else { writer.write("null") }
  }

  mutating func number(_ name: StaticString, _ value: Double, decimals: Int = 2) {
    key(name)
    writer.write(number: value, decimals: decimals)
  }

  /// A count, exactly: rounding would turn tiny counts into 0 and make
  /// sums disagree.
  mutating func count(_ name: StaticString, _ value: Double) {
    key(name)
    writer.write(exactNumber: value)
  }

  mutating func integer(_ name: StaticString, _ value: Int) {
    key(name)
    if value < 0 { writer.write(byte: UInt8(ascii: "-")) }
    writer.writeInteger(Int64(abs(value)))
  }

  mutating func bool(_ name: StaticString, _ value: Bool) {
    key(name)
    writer.write(value ? "true" : "false")
  }

  mutating func color(_ name: StaticString, _ value: RGBColor) {
    key(name)
    writer.write(byte: UInt8(ascii: "\""))
    writer.write(hexColor: value)
    writer.write(byte: UInt8(ascii: "\""))
  }

  /// A field whose value the caller writes (an object or an array).
  mutating func raw(_ name: StaticString, _ body: () -> Void) {
    key(name)
    body()
  }

  /// Closes the object: `}`.
  func close() { writer.write(byte: UInt8(ascii: "}")) }
}
