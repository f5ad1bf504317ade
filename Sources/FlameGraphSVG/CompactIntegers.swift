import FlameGraph

/// The viewer's compact encoding of non-negative integers: one JSON string
/// of digits, no separators, about half the bytes of a JSON array.
///
/// A number is written most significant digit first, in base 30 for the
/// leading digits and base 57 for the last one, each digit a character of
/// ``alphabet``: the last 30 characters are leading digits, the first 57
/// final ones, so a decoder knows where each number ends. Numbers below 57
/// take one character, below 1,710 two, below 51,300 three. The alphabet is
/// printable ASCII without `"`, `\`, `&`, `<`, `>` and `]`: nothing in it
/// needs escaping in JSON, in XML text or in a CDATA section.
enum CompactIntegers {
  /// The 87 digit characters: final digits 0...56, then leading digits 0...29.
  static let alphabet: [UInt8] = (0x23...0x7E).filter { !"&<>\\]".utf8.contains($0) }
  /// How many final digits there are.
  static let finalBase = 57
  /// How many leading digits there are.
  static let leadingBase = 30

  /// Whether every value is a whole number the encoding and a double both
  /// hold exactly.
  static func canEncode<Values: Sequence<Double>>(_ values: Values) -> Bool {
    values.allSatisfy { $0 >= 0 && $0 < 9e15 && $0.rounded(.towardZero) == $0 }
  }
}

extension ByteWriter {
  /// Appends `"digits"`: the values in ``CompactIntegers``' encoding.
  func writeCompactIntegers<Values: Sequence<Int>>(_ values: Values) {
    write(byte: UInt8(ascii: "\""))
    CompactIntegers.alphabet.withUnsafeBufferPointer { alphabet in
      // Invariant: a number's digits are written backwards from the end of
      // `digits`, one final and at most 13 leading ones (30^13 > Int.max /
      // 57), then copied at once.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { digits in
        for value in values {
          precondition(value >= 0, "compact integers are not negative")
          var end = digits.count - 1
          digits[end] = alphabet[value % CompactIntegers.finalBase]
          var rest = value / CompactIntegers.finalBase
          while rest > 0 {
            end -= 1
            digits[end] = alphabet[CompactIntegers.finalBase + rest % CompactIntegers.leadingBase]
            rest /= CompactIntegers.leadingBase
          }
          write(bytes: UnsafeBufferPointer(rebasing: digits[end...]))
        }
      }
    }
    write(byte: UInt8(ascii: "\""))
  }

  /// Appends counts: compact when all are whole, else a JSON array of
  /// exact numbers (the viewer reads both).
  func writeCounts(_ values: [Double]) {
    if CompactIntegers.canEncode(values) {
      writeCompactIntegers(values.lazy.map { Int($0) })
    } else {
      writeJSONArray(values) { writeJSONNumber($0) }
    }
  }
}
