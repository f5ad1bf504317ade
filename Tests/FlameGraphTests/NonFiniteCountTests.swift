import Testing

@testable import FlameGraph

/// A count too large for a `Double` is a malformed line; counts that add up
/// past the largest finite number are an error, not a blank graph.
@Suite("Counts beyond the largest number")
struct NonFiniteCountTests {
  /// 1 followed by `zeros` zeros.
  static func power(ofTen zeros: Int) -> String { "1" + String(repeating: "0", count: zeros) }

  @Test func aCountOfMoreThan308DigitsIsAMalformedLine() throws {
    let profile = try Profile(folded: "main;a \(Self.power(ofTen: 310))\nmain;b 1\n")
    #expect(profile.totalSamples == 1)
    #expect(profile.diagnostics.malformedLineCount == 1)
    #expect(
      profile.diagnostics.firstMalformedLines
        == [.init(source: "input", line: 1, problem: .countTooLarge)])
    #expect(profile.diagnostics.summary?.contains("input:1: the count is too large") == true)
  }

  @Test func aTooLargeFirstCountOfADifferentialLineIsMalformedToo() throws {
    let profile = try Profile(folded: "main;a \(Self.power(ofTen: 400)) 3\nmain;b 1 1\n")
    #expect(profile.totalSamples == 1)
    #expect(profile.diagnostics.firstMalformedLines.map(\.problem) == [.countTooLarge])
  }

  @Test func aNegativeTooLargeCountIsNegative() throws {
    let profile = try Profile(folded: "main;a -\(Self.power(ofTen: 400))\nmain;b 1\n")
    #expect(profile.diagnostics.firstMalformedLines.map(\.problem) == [.negativeCount])
  }

  @Test func countsWhoseSumOverflowsAreAnError() {
    let huge = Self.power(ofTen: 308)
    #expect(throws: InputError.totalTooLarge(factor: 1)) {
      try Profile(folded: "main;a \(huge)\nmain;b \(huge)\n")
    }
  }

  @Test func aFactorThatMakesTheTotalInfiniteIsAnError() {
    var options = Options()
    options.factor = 1e305
    #expect(throws: InputError.totalTooLarge(factor: 1e305)) {
      try Profile(folded: "main;a 3000\nmain;b 1000\n", options: options)
    }
    #expect(InputError.totalTooLarge(factor: 1e305).description.contains("factor"))
  }

  @Test func aDifferentialFirstCountThatOverflowsIsAnError() {
    let huge = Self.power(ofTen: 308)
    #expect(throws: InputError.totalTooLarge(factor: 1)) {
      try Profile(folded: "main;a \(huge) 1\nmain;b \(huge) 1\n")
    }
  }

  @Test func aBaseFunctionNoStackContainsIsNamed() {
    var options = Options()
    options.transform.baseFunctions = ["nosuch"]
    #expect(throws: InputError.noStackWithBase(["nosuch"])) {
      try Profile(folded: "main;a 3\n", options: options)
    }
    #expect(
      InputError.noStackWithBase(["nosuch"]).description.hasPrefix(
        "no stack contains the --base function \"nosuch\""))
  }

  @Test func aBaseFunctionWhoseStacksHaveNoSamplesIsAZeroTotal() {
    var options = Options()
    options.transform.baseFunctions = ["a"]
    #expect(throws: InputError.zeroTotal) {
      try Profile(folded: "main;a 0\nmain;b 3\n", options: options)
    }
  }
}
