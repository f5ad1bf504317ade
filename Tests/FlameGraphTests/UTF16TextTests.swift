import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// The ASCII fast paths of ``UTF16Text`` give what the standard library's
/// decoding gives, on random code units (ASCII, CR LF, accents, emoji,
/// lone surrogates).
@Suite("UTF-16 text fast paths")
struct UTF16TextTests {
  static let alphabet: [UInt16] = [
    65, 97, 48, 58, 40, 41, 32, 13, 10, 36, 0x7F, 0xE9, 0x301, 0x4E2D, 0xD83D, 0xDE00, 0xDC00,
  ]

  @Test func stringsAndCountsMatchTheStandardLibrary() {
    var random = SeededRandom(seed: 7)
    for round in 0..<5_000 {
      let length = Int.random(in: 0...12, using: &random)
      // Half the cases ASCII only, where the fast path is taken.
      let pool = round % 2 == 0 ? Array(Self.alphabet.prefix(11)) : Self.alphabet
      let units = (0..<length).map { _ in pool.randomElement(using: &random)! }
      let expected = String(decoding: units, as: UTF16.self)
      #expect(UTF16Text.string(units) == expected, "\(units)")
      #expect(UTF16Text.characterCount(units) == expected.count, "\(units)")
      #expect(UTF16Text.string(units[...]) == expected)
    }
  }

  @Test func spellingComparesWholeWords() {
    #expect(UTF16Text.units(Array("so".utf16), spell: "so"))
    #expect(!UTF16Text.units(Array("son".utf16), spell: "so"))
    #expect(!UTF16Text.units(Array("s".utf16), spell: "so"))
    #expect(!UTF16Text.units(Array("sé".utf16), spell: "so"))
  }
}
