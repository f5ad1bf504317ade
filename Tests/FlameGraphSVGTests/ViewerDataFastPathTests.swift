import FlameGraph
import FlameGraphTestSupport
import Testing

@testable import FlameGraphSVG

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The viewer data block's fast paths against the simple ones they replace.
@Suite("Viewer data fast paths")
struct ViewerDataFastPathTests {
  /// Random code unit arrays over a few ASCII letters, a BMP character and
  /// a surrogate pair, with shared prefixes, so every order case occurs.
  static func randomUnits(seed: UInt64, count: Int) -> [[UInt16]] {
    var random = SeededRandom(seed: seed)
    let alphabet: [UInt16] = [0x61, 0x62, 0x7a, 0xe9, 0xffee, 0xd83d, 0xde00]
    var arrays: [[UInt16]] = []
    for _ in 0..<count {
      var units =
        arrays.isEmpty || Bool.random(using: &random) ? [] : arrays.randomElement(using: &random)!
      for _ in 0..<Int.random(in: 0...6, using: &random) {
        units.append(alphabet.randomElement(using: &random)!)
      }
      arrays.append(units)
    }
    return arrays
  }

  @Test func namesSortAsTheGenericComparisonSortsThem() {
    let arrays = Self.randomUnits(seed: 3, count: 600)
    var disagreements = 0
    for left in arrays.prefix(200) {
      for right in arrays {
        if SortedNames.precedes(left, right) != left.lexicographicallyPrecedes(right) {
          disagreements += 1
        }
      }
    }
    #expect(disagreements == 0)
  }

  @Test func aPartWrittenOnAnotherThreadIsAppendedWhole() {
    // Appended at once or after a delay, whichever thread writes it, the
    // part lands between what comes before and after it.
    for round in 0..<200 {
      let text = String(repeating: "frame \(round);", count: round * 37 % 500)
      let part = ConcurrentPart { $0.write(text) }
      let writer = ByteWriter()
      writer.write("<before>")
      if round.isMultiple(of: 3) { usleep(200) }
      part.append(to: writer)
      writer.write("<after>")
      writer.flush()
      #expect(writer.collected == Array("<before>\(text)<after>".utf8))
    }
  }

  @Test func asciiNameTablesAreWrittenAsTheCodeUnitPathWritesThem() {
    var random = SeededRandom(seed: 5)
    let pieces = ["std::", "vec<", ">", "main", "a", "b", "\"", "<&>", "\\", "z9"]
    for round in 0..<50 {
      var names = Set<String>()
      for _ in 0..<(round * 7 + 1) {
        names.insert(
          (0..<Int.random(in: 1...6, using: &random)).map { _ in
            pieces.randomElement(using: &random)!
          }.joined())
      }
      let list = Array(names).shuffled(using: &random)
      let bytes = SortedNames(list)
      let units = SortedNames(list, usesBytes: false)
      guard case .bytes(let sortedBytes) = bytes.sorted else {
        Issue.record("an ASCII table took the code unit path")
        continue
      }
      #expect(!sortedBytes.isEmpty)
      #expect(bytes.position == units.position)
      let (bytesWriter, unitsWriter) = (ByteWriter(), ByteWriter())
      bytes.write(to: bytesWriter)
      units.write(to: unitsWriter)
      bytesWriter.flush()
      unitsWriter.flush()
      #expect(bytesWriter.collected == unitsWriter.collected)
    }
  }

  @Test func fillsAreIndexedAsADictionaryIndexesThem() {
    var random = SeededRandom(seed: 23)
    for round in 0..<20 {
      // Few distinct colors or many, so the table grows.
      let distinct = [3, 40, 5000][round % 3]
      let seeds = (0..<distinct).map { _ in
        RGBColor(
          red: UInt8.random(in: 0...255, using: &random),
          green: UInt8.random(in: 0...255, using: &random),
          blue: UInt8.random(in: 0...255, using: &random))
      }
      let fills = (0..<(distinct * 3)).map { _ in seeds.randomElement(using: &random)! }
      var palette = ColorPalette()
      let indices = fills.map { palette.index(of: $0) }
      // The simple path.
      var indexOfColor: [RGBColor: Int] = [:]
      var colors: [RGBColor] = []
      let expected = fills.map { fill in
        if let known = indexOfColor[fill] { return known }
        indexOfColor[fill] = colors.count
        colors.append(fill)
        return colors.count - 1
      }
      #expect(indices == expected)
      #expect(palette.colors == colors)
    }
  }

  /// XML escaping as the byte switch did it, character by character.
  static func simpleEscaped(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      case "\t": result += "&#9;"
      case "\n": result += "&#10;"
      case "\r": result += "&#13;"
      case "\u{0}"..."\u{1f}", "\u{fffe}", "\u{ffff}": result += "\u{fffd}"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  @Test func xmlTextIsEscapedAsTheSimplePathEscapesIt() {
    var random = SeededRandom(seed: 29)
    let pieces = [
      "a", "fn<T>", "&", "\"", "'", "\t", "\n", "\r", "\u{1}", "\u{1f}", "\u{fffe}", "\u{ffff}",
      "\u{fffd}", "\u{efbf}", "é", "🔥", " ",
    ]
    for _ in 0..<1000 {
      let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      let writer = ByteWriter()
      writer.writeEscaped(text)
      writer.flush()
      #expect(String(decoding: writer.collected, as: UTF8.self) == Self.simpleEscaped(text))
    }
  }

  @Test func compactIntegersAreWrittenAsDigitByDigitEncodingWritesThem() {
    var random = SeededRandom(seed: 31)
    let values = (0..<3000).map { index in
      index < 10
        ? [0, 56, 57, 1709, 1710, 51_299, 51_300, Int.max, Int.max - 1, 30][index]
        : Int.random(in: 0...(1 << Int.random(in: 1...62, using: &random)), using: &random)
    }
    let writer = ByteWriter()
    writer.writeCompactIntegers(values)
    writer.flush()
    // The simple path: digits collected least significant first, reversed.
    var expected: [UInt8] = [UInt8(ascii: "\"")]
    for value in values {
      var digits = [CompactIntegers.alphabet[value % CompactIntegers.finalBase]]
      var rest = value / CompactIntegers.finalBase
      while rest > 0 {
        digits.append(
          CompactIntegers.alphabet[CompactIntegers.finalBase + rest % CompactIntegers.leadingBase])
        rest /= CompactIntegers.leadingBase
      }
      expected += digits.reversed()
    }
    expected.append(UInt8(ascii: "\""))
    #expect(writer.collected == expected)
  }
}
