/// Formats counts and shares for people: `1,234,567`, `1,234.5`, `12.34`.
public enum CountFormatter {
  /// A count with thousands separators and at most two decimals.
  ///
  /// ```swift
  /// CountFormatter.count(1234567)  // "1,234,567"
  /// CountFormatter.count(2.5)      // "2.5"
  /// ```
  public static func count(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
    // Beyond what hundredths in an Int64 hold, show the whole number alone.
    guard abs(value) < 9e15 else {
      let whole = abs(value) < 1.8e19 ? String(UInt64(abs(value))) : String(abs(value))
      return (value < 0 ? "-" : "") + grouped(whole)
    }
    let hundredths = Int64((abs(value) * 100).rounded())
    let fraction = hundredths % 100
    var text = grouped(String(hundredths / 100))
    if value < 0 && hundredths != 0 { text = "-" + text }
    guard fraction != 0 else { return text }
    let decimals = fraction % 10 == 0 ? String(fraction / 10) : twoDigits(fraction)
    return text + "." + decimals
  }

  /// Digits with a comma every three from the right; other text unchanged.
  private static func grouped(_ digits: String) -> String {
    guard digits.allSatisfy(\.isNumber) else { return digits }
    var rest = digits
    var text = ""
    while rest.count > 3 {
      text = "," + rest.suffix(3) + text
      rest.removeLast(3)
    }
    return rest + text
  }

  /// A share as a percentage with two decimals, without the sign: `5.67`.
  public static func percent(_ share: Double) -> String {
    guard share.isFinite, abs(share) < 1e12 else { return "0.00" }
    let hundredths = Int64((abs(share) * 10_000).rounded())
    let sign = share < 0 && hundredths != 0 ? "-" : ""
    return sign + String(hundredths / 100) + "." + twoDigits(hundredths % 100)
  }

  private static func twoDigits(_ value: Int64) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }
}
