#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Prints numbers for a PDF content stream: a fixed number of decimals,
/// rounded as `String(format: "%.*f")` rounds, without trailing zeros
/// (`12.5`, `3`, `0.125`), and `0` rather than `-0`.
///
/// Cairo prints a number in about 2,200 instructions; this prints one in a
/// few dozen, which is most of what writing a large graph's frames costs.
enum PDFNumber {
  /// The largest magnitude printed: beyond it (or for NaN) ``write(_:decimals:to:)``
  /// refuses, as no page coordinate or color channel comes near it.
  static let limit: Double = 1e12

  /// The most bytes one number takes: a sign, 18 digits and a point.
  static let maximumLength = 20

  /// Appends `value` rounded to `decimals` (0 to 6) decimals to `output`;
  /// false, appending nothing, when `value` is not finite or beyond ``limit``.
  @discardableResult
  static func write(_ value: Double, decimals: Int, to output: inout [UInt8]) -> Bool {
    var buffer = [UInt8](repeating: 0, count: maximumLength)
    let count = buffer.withUnsafeMutableBufferPointer {
      write(value, decimals: decimals, at: $0.baseAddress!)
    }
    output.append(contentsOf: buffer[0..<count])
    return count > 0
  }

  /// Writes `value` rounded to `decimals` (0 to 6) decimals at `target`,
  /// which has room for ``maximumLength`` bytes, and returns how many it
  /// wrote: 0 when `value` is not finite or beyond ``limit``.
  @inline(__always)
  static func write(_ value: Double, decimals: Int, at target: UnsafeMutablePointer<UInt8>) -> Int {
    guard value.magnitude <= limit, decimals >= 0, decimals <= 6 else { return 0 }
    let scale = powersOfTen[decimals]
    let product = value * scale
    var units = product.rounded(.toNearestOrEven)
    // `product` is `value * scale` rounded to a double; only at a tie in it
    // can that rounding decide the digit, so only then is the exact
    // remainder (which fma gives) consulted, as printf rounds the exact value.
    let halfway = product - units
    if halfway.magnitude == 0.5 {
      let remainder = fma(value, scale, -product)
      if halfway == 0.5 && remainder > 0 { units += 1 }
      if halfway == -0.5 && remainder < 0 { units -= 1 }
    }
    // |units| <= 1e18 < 2^63: exact as an Int.
    var whole = Int(units)
    var length = 0
    if whole < 0 {
      target[0] = UInt8(ascii: "-")
      length = 1
      whole = -whole
    }
    // Trailing zeros of the fraction are dropped, with the point if none is left.
    var fraction = decimals
    while fraction > 0 && whole % 10 == 0 {
      whole /= 10
      fraction -= 1
    }
    // The integer part's digits, then the fraction's (at most 18 in all).
    var integerDigits = 1
    var rest = whole / integerPowers[fraction]
    while rest >= 10 {
      rest /= 10
      integerDigits += 1
    }
    length += integerDigits + (fraction > 0 ? fraction + 1 : 0)
    var position = length
    for _ in 0..<fraction {
      position -= 1
      target[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole % 10)
      whole /= 10
    }
    if fraction > 0 {
      position -= 1
      target[position] = UInt8(ascii: ".")
    }
    repeat {
      position -= 1
      target[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: whole % 10)
      whole /= 10
    } while whole > 0
    return length
  }

  private static let integerPowers = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
  private static let powersOfTen: [Double] = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
}
