import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraph

@Suite("Formatting counts and shares")
struct CountFormatterTests {
  @Test(
    arguments: [
      (1_234_567, "1,234,567"),
      (2.5, "2.5"),
      (0, "0"),
      (999, "999"),
      (1000, "1,000"),
      (1234.5, "1,234.5"),
      (12.05, "12.05"),
      (0.25, "0.25"),
      (1.999, "2"),
      (0.001, "0"),
      (-1234, "-1,234"),
      (-0.001, "0"),
      (.nan, "0"),
      (.infinity, "0"),
    ] as [(Double, String)])
  func countsHaveThousandsSeparatorsAndAtMostTwoDecimals(value: Double, text: String) {
    #expect(CountFormatter.count(value) == text)
  }

  @Test(
    arguments: [
      (0.0567, "5.67"),
      (1, "100.00"),
      (0, "0.00"),
      (0.5, "50.00"),
      (0.00004, "0.00"),
      (0.00005, "0.01"),
      (-0.25, "-25.00"),
      (.nan, "0.00"),
    ] as [(Double, String)])
  func percentagesHaveTwoDecimals(share: Double, text: String) {
    #expect(CountFormatter.percent(share) == text)
  }

  @Test func hugeCountsAreFormattedNotFatal() async {
    // Counts with more than 18 digits are accepted by the parser, and byte
    // counts of large heaps get near that range; formatting them for a
    // tooltip must not trap.
    await #expect(processExitsWith: .success) {
      _ = CountFormatter.count(1e17)
    }
  }

  @Test func layingOutAProfileWithHugeCountsDoesNotCrash() async {
    await #expect(processExitsWith: .success) {
      let profile = try Profile(folded: "main 100000000000000000\n")
      _ = FlameGraphLayout(options: Options()).scene(for: profile)
    }
  }
}

/// The formatting of counts and shares as plain string operations: the
/// reference the digit-by-digit formatter must agree with.
private enum SimpleCountFormatter {
  static func count(_ value: Double) -> String {
    guard value.isFinite else { return "0" }
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

  static func grouped(_ digits: String) -> String {
    guard digits.allSatisfy(\.isNumber) else { return digits }
    var rest = digits
    var text = ""
    while rest.count > 3 {
      text = "," + rest.suffix(3) + text
      rest.removeLast(3)
    }
    return rest + text
  }

  static func percent(_ share: Double) -> String {
    guard share.isFinite, abs(share) < 1e12 else { return "0.00" }
    let hundredths = Int64((abs(share) * 10_000).rounded())
    let sign = share < 0 && hundredths != 0 ? "-" : ""
    return sign + String(hundredths / 100) + "." + twoDigits(hundredths % 100)
  }

  static func twoDigits(_ value: Int64) -> String {
    value < 10 ? "0" + String(value) : String(value)
  }
}

@Suite("Formatting counts and shares, against plain string operations")
struct CountFormatterReferenceTests {
  @Test func countsAndSharesAreThoseOfThePlainFormatting() {
    var random = SeededRandom(seed: 41)
    var values: [Double] = [
      0, -0.0, 0.004, 0.005, 0.995, 9.995, 999.995, 1e15, 8.99e15, 9e15, 1e17, 1.7e19, 1.9e19,
      1e300,
    ]
    for _ in 0..<20_000 {
      let magnitude = pow(10, Double(random.next() % 2_000) / 100 - 3)
      let fractional = Double(random.next() % 1_000) / 1_000
      let value = (random.next() % 3 == 0 ? magnitude.rounded() : magnitude + fractional)
      values.append(random.next() % 4 == 0 ? -value : value)
    }
    for value in values {
      #expect(CountFormatter.count(value) == SimpleCountFormatter.count(value), "\(value)")
      let share = value / 1e6
      #expect(CountFormatter.percent(share) == SimpleCountFormatter.percent(share), "\(share)")
    }
  }
}
