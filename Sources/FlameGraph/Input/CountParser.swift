/// Parses the count field of a folded line: digits with an optional decimal
/// fraction (`42`, `1.5`, `.5`), from bytes, without making a `String`.
enum CountParser {
  enum Result {
    case value(Double)
    case negative
    case invalid
    /// More than 308 digits: beyond the largest finite `Double`.
    case tooLarge
  }

  @inline(__always)
  static func parse(_ start: UnsafePointer<UInt8>, _ length: Int) -> Result {
    guard length > 0 else { return .invalid }
    if start[0] == UInt8(ascii: "-") {
      switch parse(start + 1, length - 1) {
      case .value, .tooLarge: return .negative
      case .negative, .invalid: return .invalid
      }
    }
    var integer: UInt64 = 0
    var fraction: UInt64 = 0
    var fractionDigits = 0
    var sawDot = false
    var digits = 0
    for index in 0..<length {
      let byte = start[index]
      if byte >= 0x30 && byte <= 0x39 {
        digits += 1
        // Beyond 18 digits a UInt64 overflows; such counts are exotic enough
        // to take the slow path.
        if digits > 18 { return slowParse(start, length) }
        if sawDot {
          fraction = fraction &* 10 &+ UInt64(byte &- 0x30)
          fractionDigits += 1
        } else {
          integer = integer &* 10 &+ UInt64(byte &- 0x30)
        }
      } else if byte == UInt8(ascii: ".") && !sawDot {
        sawDot = true
      } else {
        return .invalid
      }
    }
    guard digits > 0 else { return .invalid }
    if fractionDigits == 0 { return .value(Double(integer)) }
    return .value(Double(integer) + Double(fraction) / powersOfTen[fractionDigits])
  }

  private static let powersOfTen: [Double] = (0...18).map { exponent in
    (0..<exponent).reduce(1.0) { value, _ in value * 10 }
  }

  private static func slowParse(_ start: UnsafePointer<UInt8>, _ length: Int) -> Result {
    let text = String(decoding: UnsafeBufferPointer(start: start, count: length), as: UTF8.self)
    guard text.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), let value = Double(text)
    else { return .invalid }
    // An infinite count would make every other frame zero wide.
    guard value.isFinite else { return .tooLarge }
    return .value(value)
  }

  /// Whether a field that failed to parse looked like it meant to be a
  /// number, which tells a wrong count from a missing one.
  static func looksNumeric(_ start: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    guard length > 0 else { return false }
    let first = start[0]
    return (first >= 0x30 && first <= 0x39) || first == UInt8(ascii: ".")
      || first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
  }
}
