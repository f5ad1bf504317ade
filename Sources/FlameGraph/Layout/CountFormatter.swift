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
    let hundredths = Int64((abs(value) * 100).rounded())
    let whole = hundredths / 100
    let fraction = hundredths % 100
    var digits = String(whole)
    var grouped = ""
    while digits.count > 3 {
      grouped = "," + digits.suffix(3) + grouped
      digits.removeLast(3)
    }
    grouped = digits + grouped
    if value < 0 && hundredths != 0 { grouped = "-" + grouped }
    guard fraction != 0 else { return grouped }
    let decimals = fraction % 10 == 0 ? String(fraction / 10) : twoDigits(fraction)
    return grouped + "." + decimals
  }

  /// A share as a percentage with two decimals, without the sign: `5.67`.
  public static func percent(_ share: Double) -> String {
    guard share.isFinite else { return "0.00" }
    let hundredths = Int64((abs(share) * 10_000).rounded())
    let sign = share < 0 && hundredths != 0 ? "-" : ""
    return sign + String(hundredths / 100) + "." + twoDigits(hundredths % 100)
  }

  private static func twoDigits(_ value: Int64) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }
}
