import FlameGraph

extension ByteWriter {
  /// Appends a number as JSON that reads back as exactly `value`: whole
  /// numbers as integers, others in Swift's shortest round-trip form.
  func writeJSONNumber(_ value: Double) { write(exactNumber: value) }

  /// Appends an integer as JSON.
  func writeJSONInteger(_ value: Int) {
    if value < 0 { write(byte: UInt8(ascii: "-")) }
    writeInteger(Int64(value.magnitude))
  }

  /// Appends `[a,b,c]`.
  func writeJSONArray<Values: Sequence>(_ values: Values, _ element: (Values.Element) -> Void) {
    write(byte: UInt8(ascii: "["))
    var first = true
    for value in values {
      if !first { write(byte: UInt8(ascii: ",")) }
      first = false
      element(value)
    }
    write(byte: UInt8(ascii: "]"))
  }
}
