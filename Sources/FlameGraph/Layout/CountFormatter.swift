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
    switch countDigits(value) {
    case .digits(let digits): return digits.string
    case .text(let text): return text
    }
  }

  /// The most bytes ``writeCount(_:into:)`` and ``writePercent(_:into:)``
  /// write.
  static let maximumLength = Digits.capacity

  /// Writes the UTF-8 bytes of ``count(_:)`` at the start of `buffer`
  /// (at least ``maximumLength`` bytes) and returns their length, without
  /// making a string (a tooltip per drawn frame holds one).
  static func writeCount(_ value: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    switch countDigits(value) {
    case .digits(let digits): return digits.write(into: buffer)
    case .text(let text):
      // A sign and Swift's shortest form of a double: well under 32 bytes.
      var text = text
      return text.withUTF8 { text in
        _ = buffer.initialize(from: text)
        return text.count
      }
    }
  }

  /// Writes the UTF-8 bytes of ``percent(_:)`` as ``writeCount(_:into:)``
  /// writes a count.
  static func writePercent(_ share: Double, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
    percentDigits(share).write(into: buffer)
  }

  /// How ``count(_:)`` writes a value: digits in most cases, Swift's own
  /// text beyond what a `UInt64` holds.
  private enum CountText {
    case digits(Digits)
    case text(String)
  }

  private static func countDigits(_ value: Double) -> CountText {
    guard value.isFinite else { return .text("0") }
    let magnitude = abs(value)
    // Beyond what hundredths in an Int64 hold, show the whole number alone.
    guard magnitude < 9e15 else {
      if magnitude < 1.8e19 {
        return .digits(
          Digits(
            whole: UInt64(magnitude), negative: value < 0, grouped: true, decimals: 0, fraction: 0)
        )
      }
      return .text((value < 0 ? "-" : "") + String(magnitude))
    }
    let hundredths = UInt64((magnitude * 100).rounded())
    let fraction = hundredths % 100
    let negative = value < 0 && hundredths != 0
    // Two decimals, or one when the second is zero, or none.
    let decimals = fraction == 0 ? 0 : fraction % 10 == 0 ? 1 : 2
    return .digits(
      Digits(
        whole: hundredths / 100, negative: negative, grouped: true, decimals: decimals,
        fraction: decimals == 1 ? fraction / 10 : fraction))
  }

  /// A share as a percentage with two decimals, without the sign: `5.67`.
  public static func percent(_ share: Double) -> String {
    percentDigits(share).string
  }

  private static func percentDigits(_ share: Double) -> Digits {
    guard share.isFinite, abs(share) < 1e12 else {
      return Digits(whole: 0, negative: false, grouped: false, decimals: 2, fraction: 0)
    }
    let hundredths = UInt64((abs(share) * 10_000).rounded())
    return Digits(
      whole: hundredths / 100, negative: share < 0 && hundredths != 0, grouped: false,
      decimals: 2, fraction: hundredths % 100)
  }

  /// `whole` in decimal, with a comma every three digits when `grouped`,
  /// then `decimals` digits of `fraction` after a point (none for 0).
  private struct Digits {
    var whole: UInt64
    var negative: Bool
    var grouped: Bool
    var decimals: Int
    var fraction: UInt64

    /// 20 digits, 6 commas, a sign, a point and two decimals fit in 32.
    static let capacity = 32

    var string: String {
      String(unsafeUninitializedCapacity: Self.capacity) { write(into: $0) }
    }

    /// Writes the text at the start of `buffer` (at least ``capacity``
    /// bytes) and returns its length.
    func write(into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
      // Written from the end backwards, then moved to the start.
      var end = Self.capacity
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
      let length = Self.capacity - end
      for index in 0..<length { buffer[index] = buffer[end + index] }
      return length
    }
  }
}
