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
