/// Formats counts and shares for people: `1,234,567`, `1,234.5`, `12.34`.
///
/// Every drawn frame's tooltip holds a count and a share, so both are
/// written digit by digit into the string's own storage: no intermediate
/// strings, no grouping pass over characters.
public enum CountFormatter {
  /// A count with thousands separators and at most two decimals.
  ///
  /// ```swift
  /// CountFormatter.count(1234567)  // "1,234,567"
  /// CountFormatter.count(2.5)      // "2.5"
  /// ```
  public static func count(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    let magnitude = abs(value)
    // Beyond what hundredths in an Int64 hold, show the whole number alone.
    guard magnitude < 9e15 else {
      if magnitude < 1.8e19 {
        return digits(UInt64(magnitude), negative: value < 0, grouped: true, decimals: 0, of: 0)
      }
      return (value < 0 ? "-" : "") + String(magnitude)
    }
    let hundredths = UInt64((magnitude * 100).rounded())
    let fraction = hundredths % 100
    let negative = value < 0 && hundredths != 0
    // Two decimals, or one when the second is zero, or none.
    let decimals = fraction == 0 ? 0 : fraction % 10 == 0 ? 1 : 2
    return digits(
      hundredths / 100, negative: negative, grouped: true, decimals: decimals,
      of: decimals == 1 ? fraction / 10 : fraction)
  }

  /// A share as a percentage with two decimals, without the sign: `5.67`.
  public static func percent(_ share: Double) -> String {
    guard share.isFinite, abs(share) < 1e12 else { return "0.00" }
    let hundredths = UInt64((abs(share) * 10_000).rounded())
    return digits(
      hundredths / 100, negative: share < 0 && hundredths != 0, grouped: false, decimals: 2,
      of: hundredths % 100)
  }

  /// `whole` in decimal, with a comma every three digits when `grouped`,
  /// then `decimals` digits of `fraction` after a point (none for 0).
  private static func digits(
    _ whole: UInt64, negative: Bool, grouped: Bool, decimals: Int, of fraction: UInt64
  ) -> String {
    // 20 digits, 6 commas, a sign, a point and two decimals fit in 32.
    String(unsafeUninitializedCapacity: 32) { buffer in
      // Written from the end backwards, then moved to the start.
      var end = buffer.count
      var rest = fraction
      for _ in 0..<decimals {
        end -= 1
        buffer[end] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
      }
      if decimals > 0 {
        end -= 1
        buffer[end] = UInt8(ascii: ".")
      }
      var value = whole
      var written = 0
      repeat {
        if grouped && written > 0 && written % 3 == 0 {
          end -= 1
          buffer[end] = UInt8(ascii: ",")
        }
        end -= 1
        buffer[end] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
        written += 1
      } while value > 0
      if negative {
        end -= 1
        buffer[end] = UInt8(ascii: "-")
      }
      let length = buffer.count - end
      for index in 0..<length { buffer[index] = buffer[end + index] }
      return length
    }
  }
}
