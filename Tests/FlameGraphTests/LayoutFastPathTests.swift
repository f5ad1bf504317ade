import Dispatch
import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// The fast paths of layout and writing against the simple code they
/// replace, on random input.
@Suite("Layout fast paths")
struct LayoutFastPathTests {
  /// Random byte strings over few bytes (zeros and high bytes included),
  /// many sharing long prefixes and some repeated, so every case of the
  /// radix sort occurs: groups large and small, strings ending inside a
  /// group, equal strings.
  static func randomByteStrings(seed: UInt64, count: Int) -> [[UInt8]] {
    var random = SeededRandom(seed: seed)
    let alphabet: [UInt8] = [0, 1, 0x3a, 0x61, 0x62, 0x7a, 0x80, 0xff]
    let prefixes: [[UInt8]] = [[], Array("std::".utf8), Array("serde_json::de::fn_".utf8)]
    var strings: [[UInt8]] = []
    for _ in 0..<count {
      if !strings.isEmpty && Int.random(in: 0..<10, using: &random) == 0 {
        strings.append(strings.randomElement(using: &random)!)
        continue
      }
      var string = prefixes.randomElement(using: &random)!
      for _ in 0..<Int.random(in: 0...12, using: &random) {
        string.append(alphabet.randomElement(using: &random)!)
      }
      strings.append(string)
    }
    return strings
  }

  @Test func theRadixSortOrdersAsTheByteComparisonDoes() {
    for round in 0..<40 {
      let strings = Self.randomByteStrings(seed: UInt64(round), count: round * 25)
      let flat = strings.flatMap { $0 }
      var starts = [0]
      for string in strings { starts.append(starts.last! + string.count) }
      flat.withUnsafeBufferPointer { flat in
        let base = flat.baseAddress ?? UnsafePointer(bitPattern: 1)!
        let buffers = strings.indices.map {
          UnsafeBufferPointer(start: base + starts[$0], count: starts[$0 + 1] - starts[$0])
        }
        // The simple path: a comparison sort, equal strings by index.
        let expected = buffers.indices.sorted { left, right in
          if ByteStringOrder.precedes(buffers[left], buffers[right]) { return true }
          if ByteStringOrder.precedes(buffers[right], buffers[left]) { return false }
          return left < right
        }
        #expect(ByteStringOrder.order(of: buffers) == expected)
      }
    }
  }

  @Test func frameRanksFollowTheNamesBytes() throws {
    var random = SeededRandom(seed: 11)
    let pieces = ["std::", "vec<", ">", "a", "b", "_[k]", "é", "z9", "serde_json::de::"]
    var lines: [String] = []
    for _ in 0..<300 {
      let stack = (0..<Int.random(in: 1...4, using: &random)).map { _ in
        (0..<Int.random(in: 1...5, using: &random)).map { _ in pieces.randomElement(using: &random)!
        }
        .joined()
      }
      lines.append(stack.joined(separator: ";") + " 1")
    }
    let profile = try Profile(folded: lines.joined(separator: "\n"))
    let frames = profile.frames
    let ranks = frames.alphabeticalRanks()
    let byRank = (0..<Int32(frames.count)).sorted { ranks[Int($0)] < ranks[Int($1)] }
    let byName = (0..<Int32(frames.count)).sorted {
      Array(frames.rawName(of: $0).utf8).lexicographicallyPrecedes(
        Array(frames.rawName(of: $1).utf8))
    }
    #expect(byRank == byName)
    #expect(Set(ranks).count == frames.count)
  }

  @Test func ranksWorkedOutWhileReadingEndsAreTheRanksWorkedOutOnDemand() throws {
    var random = SeededRandom(seed: 12)
    let pieces = ["std::", "vec<", ">", "a", "b", "_[k]", "é", "z9", "tokio::"]
    let text = (0..<2_000).map { _ in
      (0..<Int.random(in: 1...6, using: &random)).map { _ in
        (0..<Int.random(in: 1...4, using: &random)).map { _ in
          pieces.randomElement(using: &random)!
        }.joined()
      }.joined(separator: ";") + " 1"
    }.joined(separator: "\n")
    // Read as files are: merged on a second thread, ranked on another.
    var parser = FoldedStackParser(
      builder: CallTreeBuilder(merging: .byName, transform: StackTransform(), pipelined: true))
    try FoldedStackReader.read(
      InputByteStream(bytes: Array(text.utf8), name: "ranks"), into: &parser)
    let pipelined = parser.finish().frames
    let onDemand = try Profile(folded: text).frames
    #expect(pipelined.count == onDemand.count)
    // Asked for from several threads at once, as renderers running
    // together do: every answer is the one worked out.
    let answers = LockedArray<[Int32]>()
    DispatchQueue.concurrentPerform(iterations: 4) { _ in
      answers.append(pipelined.alphabeticalRanks())
    }
    let expected = onDemand.alphabeticalRanks()
    #expect(answers.values.count == 4)
    #expect(answers.values.allSatisfy { $0 == expected })
  }

  /// Tooltips as string interpolation made them.
  static func simpleTooltip(
    name: String, total: Double, countName: String, share: Double, deltaShare: Double?,
    sourceLine: String?
  ) -> String {
    var tooltip =
      "\(name) (\(CountFormatter.count(total)) \(countName), \(CountFormatter.percent(share))%"
    if let deltaShare {
      tooltip += "; \(deltaShare > 0 ? "+" : "")\(CountFormatter.percent(deltaShare))%"
    }
    tooltip += ")"
    if let sourceLine { tooltip += "\n" + sourceLine }
    return tooltip
  }

  @Test func tooltipsAreWrittenAsInterpolationWritesThem() {
    var random = SeededRandom(seed: 13)
    let names = ["main", "", "std::vec<int>::push_back", "émoji 🔥", "a\"<&>'"]
    let units = ["samples", "bytes", "µs", ""]
    let sources = [nil, "x = f(y)", "print(\"🔥\")"]
    let specials: [Double] = [
      0, -0.0, 1, 999.995, -1234.5, 9e15, 1.7e19, 2e19, -3e300, .nan, .infinity, 1e-9,
    ]
    for _ in 0..<2000 {
      let total =
        Bool.random(using: &random)
        ? specials.randomElement(using: &random)!
        : Double.random(in: -1e7...1e9, using: &random)
      let share =
        Bool.random(using: &random) ? total / 1e6 : Double.random(in: -2...2, using: &random)
      let delta: Double? =
        Bool.random(using: &random) ? nil : specials.randomElement(using: &random)! / 1e3
      let name = names.randomElement(using: &random)!
      let unit = units.randomElement(using: &random)!
      let source = sources.randomElement(using: &random)!
      let built = TooltipBuilder(countName: unit).tooltip(
        name: name, total: total, share: share, deltaShare: delta, sourceLine: source)
      let expected = Self.simpleTooltip(
        name: name, total: total, countName: unit, share: share, deltaShare: delta,
        sourceLine: source)
      #expect(built == expected)
    }
  }

  /// Numbers as `write(number:decimals:)` wrote them digit by digit.
  static func simpleNumber(_ number: Double, decimals: Int) -> String {
    guard number.isFinite else { return "0" }
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    guard abs(number) * Double(scale) < 9e18 else { return String(number) }
    var scaled = Int64((number * Double(scale)).rounded())
    var text = ""
    if scaled < 0 {
      text += "-"
      scaled = -scaled
    }
    text += String(scaled / scale)
    var fraction = scaled % scale
    guard fraction != 0 else { return text }
    text += "."
    var digits = decimals
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    let fractionText = String(fraction)
    return text + String(repeating: "0", count: digits - fractionText.count) + fractionText
  }

  @Test func numbersAreWrittenAsTheDigitByDigitPathWroteThem() throws {
    var random = SeededRandom(seed: 17)
    let specials: [Double] = [0, -0.0, 0.005, -0.004, 0.5, 12.345, 1e17, -9e18, .nan, -.infinity]
    for _ in 0..<3000 {
      let number =
        Bool.random(using: &random)
        ? specials.randomElement(using: &random)!
        : Double.random(in: -1e6...1e6, using: &random)
          / Double(Int.random(in: 1...1000, using: &random))
      let decimals = Int.random(in: 0...6, using: &random)
      let writer = ByteWriter()
      writer.write(number: number, decimals: decimals)
      try writer.finish()
      #expect(
        String(decoding: writer.collected, as: UTF8.self)
          == Self.simpleNumber(number, decimals: decimals), "\(number) with \(decimals) decimals")
    }
  }

  /// JSON string literals as the byte switch wrote them, escape by escape.
  static func simpleJSONString(_ text: String, markup: Bool) -> String {
    var result = "\""
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{0}"..."\u{1f}":
        result +=
          markup
          ? "\\ufffd" : "\\u00" + (scalar.value < 16 ? "0" : "") + String(scalar.value, radix: 16)
      case "<" where markup: result += "\\u003c"
      case ">" where markup: result += "\\u003e"
      case "&" where markup: result += "\\u0026"
      case "\u{fffe}" where markup, "\u{ffff}" where markup: result += "\\ufffd"
      case "\u{2028}" where !markup: result += "\\u2028"
      case "\u{2029}" where !markup: result += "\\u2029"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result + "\""
  }

  @Test func jsonStringsAreEscapedAsTheSimplePathEscapesThem() throws {
    var random = SeededRandom(seed: 19)
    let pieces = [
      "a", "fn_1<T>", "\"", "\\", "\n", "\r", "\t", "\u{1}", "\u{1f}", "<", ">", "&", "\u{fffe}",
      "\u{ffff}", "\u{fffd}", "\u{2028}", "\u{2029}", "\u{2027}", "é", "🔥", "\u{efbf}",
    ]
    for _ in 0..<1000 {
      let text = (0..<Int.random(in: 0...10, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      for markup in [false, true] {
        let writer = ByteWriter()
        writer.writeJSONString(text, for: markup ? .markup : .document)
        try writer.finish()
        #expect(
          String(decoding: writer.collected, as: UTF8.self)
            == Self.simpleJSONString(text, markup: markup))
      }
    }
  }

  @Test func boxesThatMayShowNoLabelShowTheSameWithoutTheirLadder() {
    var random = SeededRandom(seed: 37)
    let names = [
      "handle (app/service/module.py:12)", "std::vector<int>::push_back(int const&)",
      "core::ptr::drop_in_place<u8>::h0123456789abcdef", "f", "", "github.com/x/y.(*T).Method",
    ]
    var skipped = 0
    for _ in 0..<2000 {
      let fitter = LabelFitter(
        measurer: MonospaceTextMeasurer(
          characterWidth: Double.random(in: 0.3...0.8, using: &random)),
        fontSize: Double.random(in: 4...20, using: &random),
        truncation: Bool.random(using: &random) ? .keepEnd : .keepStart, style: .smart)
      let name = names.randomElement(using: &random)!
      let width = Double.random(in: 0...30, using: &random)
      guard !fitter.mayShowLabel(width: width) else { continue }
      skipped += 1
      let ladder = LabelAbbreviator.ladder(for: name)
      #expect(
        fitter.fit(name, ladder: ladder, width: width)
          == fitter.fit(name, ladder: .empty, width: width), "\(name) in \(width) points")
    }
    #expect(skipped > 100)
  }
}

/// Values appended from several threads at once.
private final class LockedArray<Value>: @unchecked Sendable {
  private var stored: [Value] = []
  private let lock = DispatchSemaphore(value: 1)

  func append(_ value: Value) {
    lock.wait()
    stored.append(value)
    lock.signal()
  }

  var values: [Value] {
    lock.wait()
    defer { lock.signal() }
    return stored
  }
}
