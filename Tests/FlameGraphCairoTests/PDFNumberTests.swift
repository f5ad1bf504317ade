import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraphCairo

/// The content stream's numbers read as printf's `%.Nf` would print them,
/// only shorter.
@Suite struct PDFNumberTests {
  func printed(_ value: Double, _ decimals: Int) -> String? {
    var output: [UInt8] = []
    guard PDFNumber.write(value, decimals: decimals, to: &output) else { return nil }
    return String(decoding: output, as: UTF8.self)
  }

  /// `String(format:)`'s digits with trailing zeros (and a bare point) dropped, `-0` as `0`.
  func reference(_ value: Double, _ decimals: Int) -> String {
    var text = String(format: "%.\(decimals)f", value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  @Test func agreesWithPrintfOnRandomValues() {
    var random = SeededRandom(seed: 0x5eed_0f05)
    for _ in 0..<200_000 {
      let decimals = Int.random(in: 0...6, using: &random)
      let magnitude = [1.0, 10, 1000, 14_400, 1e9][Int.random(in: 0...4, using: &random)]
      var value = Double.random(in: -magnitude...magnitude, using: &random)
      // Values on a grid of halves of the last digit: ties and near-ties.
      if Bool.random(using: &random) {
        let step = pow(10, -Double(decimals)) / 2
        value = (value / step).rounded() * step
      }
      #expect(printed(value, decimals) == reference(value, decimals), "\(value) \(decimals)")
    }
  }

  @Test func shortFormsOfCommonValues() {
    #expect(printed(0, 3) == "0")
    #expect(printed(-0.0, 3) == "0")
    #expect(printed(-0.0001, 3) == "0")
    #expect(printed(12.5, 3) == "12.5")
    #expect(printed(1180, 3) == "1180")
    #expect(printed(1159.1575, 3) == reference(1159.1575, 3))
    #expect(printed(-3.25, 1) == "-3.2")  // a tie, to even as printf
    #expect(printed(1 / 255, 4) == "0.0039")
    #expect(printed(0.0005, 3) == reference(0.0005, 3))
  }

  @Test func refusesWhatNoPageHas() {
    #expect(printed(.nan, 3) == nil)
    #expect(printed(.infinity, 3) == nil)
    #expect(printed(-.infinity, 3) == nil)
    #expect(printed(1e13, 3) == nil)
    #expect(printed(1, 7) == nil)
  }
}
