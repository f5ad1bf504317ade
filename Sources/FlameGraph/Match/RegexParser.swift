/// Parses the pattern syntax of ``LinearRegex`` into a ``RegexNode``.
///
/// A recursive-descent parser over the pattern's Unicode scalars. Nesting
/// is limited (``maximumNesting``) so a hostile pattern cannot exhaust the
/// stack; counted repetitions are limited to ``maximumCount``.
struct RegexParser {
  /// The deepest nesting of groups accepted.
  static let maximumNesting = 100
  /// The largest `{n,m}` bound accepted.
  static let maximumCount = 1000

  private let scalars: [UInt32]
  private var position = 0
  private var nesting = 0
  /// Whether the pattern starts with `(?i)`.
  private(set) var caseInsensitive = false

  init(_ pattern: String) { scalars = pattern.unicodeScalars.map(\.value) }

  /// The whole pattern as one node.
  mutating func parse() throws(LinearRegexError) -> RegexNode {
    if startsWith("(?i)") {
      caseInsensitive = true
      position = 4
    }
    let node = try parseAlternation()
    if position < scalars.count {
      // Only an unmatched `)` stops an alternation before the end.
      throw fail("unmatched \")\"")
    }
    return node
  }

  private func startsWith(_ text: String) -> Bool {
    let wanted = text.unicodeScalars.map(\.value)
    return scalars.count - position >= wanted.count
      && Array(scalars[position..<position + wanted.count]) == wanted
  }

  private func fail(_ message: String, at offset: Int? = nil) -> LinearRegexError {
    LinearRegexError(offset: offset ?? position, message: message)
  }

  private var current: UInt32? { position < scalars.count ? scalars[position] : nil }

  private func isCurrent(_ character: Character) -> Bool {
    current == character.unicodeScalars.first!.value
  }

  private mutating func parseAlternation() throws(LinearRegexError) -> RegexNode {
    var alternatives = [try parseSequence()]
    while isCurrent("|") {
      position += 1
      alternatives.append(try parseSequence())
    }
    return alternatives.count == 1 ? alternatives[0] : .alternation(alternatives)
  }

  private mutating func parseSequence() throws(LinearRegexError) -> RegexNode {
    var items: [RegexNode] = []
    while let scalar = current, scalar != 0x7C, scalar != 0x29 {  // | )
      let atomStart = position
      let atom = try parseAtom()
      if let (minimum, maximum) = try parseQuantifier() {
        if case .assertion = atom {
          throw fail("nothing to repeat: an anchor cannot be repeated", at: atomStart)
        }
        items.append(.repetition(atom, minimum: minimum, maximum: maximum))
        if isQuantifierStart() { throw fail("nothing to repeat: two quantifiers in a row") }
      } else {
        items.append(atom)
      }
    }
    switch items.count {
    case 0: return .empty
    case 1: return items[0]
    default: return .sequence(items)
    }
  }

  private func isQuantifierStart() -> Bool {
    guard let scalar = current else { return false }
    if scalar == 0x2A || scalar == 0x2B || scalar == 0x3F { return true }  // * + ?
    var probe = self
    return scalar == 0x7B && (try? probe.parseBraces()) != nil
  }

  /// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}`, with an optional lazy `?`
  /// (the same verdict: the matcher only says whether there is a match).
  private mutating func parseQuantifier() throws(LinearRegexError) -> (Int, Int?)? {
    guard let scalar = current else { return nil }
    let bounds: (Int, Int?)
    switch scalar {
    case 0x2A:
      bounds = (0, nil)
      position += 1
    case 0x2B:
      bounds = (1, nil)
      position += 1
    case 0x3F:
      bounds = (0, 1)
      position += 1
    case 0x7B:
      let start = position
      guard let braces = try parseBraces() else {
        position = start
        return nil
      }
      bounds = braces
    default: return nil
    }
    if isCurrent("?") { position += 1 }
    return bounds
  }

  /// `{n}`, `{n,}` or `{n,m}`; nil (position unchanged) when the brace does
  /// not start one, in which case it is a literal `{`.
  private mutating func parseBraces() throws(LinearRegexError) -> (Int, Int?)? {
    let start = position
    position += 1
    guard let minimum = parseNumber() else {
      position = start
      return nil
    }
    var maximum: Int? = minimum
    if isCurrent(",") {
      position += 1
      maximum = parseNumber()
    }
    guard isCurrent("}") else {
      position = start
      return nil
    }
    position += 1
    if minimum > Self.maximumCount || (maximum ?? 0) > Self.maximumCount {
      throw fail("a repetition count above \(Self.maximumCount)", at: start)
    }
    if let maximum, maximum < minimum {
      throw fail("numbers out of order in {\(minimum),\(maximum)}", at: start)
    }
    return (minimum, maximum)
  }

  private mutating func parseNumber() -> Int? {
    var value: Int?
    while let scalar = current, scalar >= 0x30, scalar <= 0x39 {
      value = min((value ?? 0) * 10 + Int(scalar - 0x30), 1_000_000)
      position += 1
    }
    return value
  }

  private mutating func parseAtom() throws(LinearRegexError) -> RegexNode {
    let scalar = current!
    switch scalar {
    case 0x28: return try parseGroup()  // (
    case 0x5B: return .character(try parseClass())  // [
    case 0x2E:  // .
      position += 1
      return .character(.anyButLineTerminators)
    case 0x5E:  // ^
      position += 1
      return .assertion(.textStart)
    case 0x24:  // $
      position += 1
      return .assertion(.textEnd)
    case 0x5C: return try parseEscape()  // backslash
    case 0x2A, 0x2B, 0x3F: throw fail("nothing to repeat")
    case 0x7B where isQuantifierStart(): throw fail("nothing to repeat")
    default:
      position += 1
      return .character(ScalarSet(scalar: scalar))
    }
  }

  private mutating func parseGroup() throws(LinearRegexError) -> RegexNode {
    let start = position
    position += 1
    if isCurrent("?") {
      if startsWith("?:") {
        position += 2
      } else if startsWith("?=") || startsWith("?!") || startsWith("?<=") || startsWith("?<!") {
        throw fail("lookahead and lookbehind are not supported", at: start)
      } else if startsWith("?<") || startsWith("?P<") {
        // A named group matches like any other group.
        guard let close = scalars[position...].firstIndex(of: 0x3E) else {
          throw fail("unterminated group name", at: start)
        }
        position = close + 1
      } else {
        throw fail("unsupported group syntax \"(?\"", at: start)
      }
    }
    nesting += 1
    if nesting > Self.maximumNesting {
      throw fail("groups nested more than \(Self.maximumNesting) deep", at: start)
    }
    let inner = try parseAlternation()
    nesting -= 1
    guard isCurrent(")") else { throw fail("unmatched \"(\"", at: start) }
    position += 1
    return inner
  }

  private mutating func parseEscape() throws(LinearRegexError) -> RegexNode {
    let start = position
    position += 1
    guard let scalar = current else { throw fail("a pattern cannot end with \"\\\"", at: start) }
    switch scalar {
    case 0x62:  // b
      position += 1
      return .assertion(.wordBoundary)
    case 0x42:  // B
      position += 1
      return .assertion(.notWordBoundary)
    case 0x31...0x39, 0x6B:  // 1-9, k
      throw fail("backreferences are not supported", at: start)
    default:
      return .character(try parseEscapedSet(start: start, inClass: false))
    }
  }

  /// The set of an escape after its backslash: `\d`, `\n`, `\x41`, `\.`.
  private mutating func parseEscapedSet(start: Int, inClass: Bool) throws(LinearRegexError)
    -> ScalarSet
  {
    let scalar = current!
    position += 1
    switch scalar {
    case 0x64: return .digits  // d
    case 0x44: return ScalarSet.digits.inverted  // D
    case 0x77: return .wordCharacters  // w
    case 0x57: return ScalarSet.wordCharacters.inverted  // W
    case 0x73: return .spaces  // s
    case 0x53: return ScalarSet.spaces.inverted  // S
    case 0x74: return ScalarSet(scalar: 0x09)  // t
    case 0x6E: return ScalarSet(scalar: 0x0A)  // n
    case 0x72: return ScalarSet(scalar: 0x0D)  // r
    case 0x66: return ScalarSet(scalar: 0x0C)  // f
    case 0x76: return ScalarSet(scalar: 0x0B)  // v
    case 0x62 where inClass: return ScalarSet(scalar: 0x08)  // [\b] is backspace
    case 0x30:  // 0
      if let next = current, next >= 0x30, next <= 0x39 {
        throw fail("octal escapes are not supported", at: start)
      }
      return ScalarSet(scalar: 0)
    case 0x78: return ScalarSet(scalar: try parseHex(digits: 2, start: start))  // x
    case 0x75:  // u
      if isCurrent("{") {
        position += 1
        let value = try parseHex(digits: nil, start: start)
        guard isCurrent("}") else { throw fail("unterminated \\u{...}", at: start) }
        position += 1
        return ScalarSet(scalar: value)
      }
      return ScalarSet(scalar: try parseHex(digits: 4, start: start))
    case 0x70, 0x50: throw fail("Unicode property classes are not supported", at: start)
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A:
      throw fail("unknown escape \"\\\(Character(Unicode.Scalar(scalar)!))\"", at: start)
    default:
      // Any other character escaped stands for itself: \. \( \\ \/ \-
      return ScalarSet(scalar: scalar)
    }
  }

  /// Hexadecimal digits: exactly `digits` of them, or 1 to 6 when nil.
  private mutating func parseHex(digits: Int?, start: Int) throws(LinearRegexError) -> UInt32 {
    var value: UInt32 = 0
    var count = 0
    while let scalar = current, count < (digits ?? 6), let digit = Self.hexValue(scalar) {
      value = value * 16 + digit
      count += 1
      position += 1
    }
    guard count > 0, digits == nil || count == digits else {
      throw fail("an escape needs \(digits ?? 1) hexadecimal digits", at: start)
    }
    guard value <= ScalarSet.maximumScalar, !(0xD800...0xDFFF).contains(value) else {
      throw fail("not a Unicode scalar value", at: start)
    }
    return value
  }

  private static func hexValue(_ scalar: UInt32) -> UInt32? {
    switch scalar {
    case 0x30...0x39: return scalar - 0x30
    case 0x41...0x46: return scalar - 0x41 + 10
    case 0x61...0x66: return scalar - 0x61 + 10
    default: return nil
    }
  }

  /// `[abc]`, `[^a-z_]`, `[\d.]`.
  private mutating func parseClass() throws(LinearRegexError) -> ScalarSet {
    let start = position
    position += 1
    var negated = false
    if isCurrent("^") {
      negated = true
      position += 1
    }
    if isCurrent("]") { throw fail("an empty character class", at: start) }
    var ranges: [ClosedRange<UInt32>] = []
    while !isCurrent("]") {
      guard current != nil else { throw fail("unmatched \"[\"", at: start) }
      let item = try parseClassItem()
      // A range `a-z`: a single character, `-`, a single character, with
      // `-` before `]` taken literally.
      if case .single(let low) = item, isCurrent("-"), position + 1 < scalars.count,
        scalars[position + 1] != 0x5D
      {
        let dash = position
        position += 1
        let upperItem = try parseClassItem()
        if case .single(let high) = upperItem {
          guard low <= high else { throw fail("a range out of order", at: dash - 1) }
          ranges.append(low...high)
          continue
        }
        // `[\d-z]`: the dash is literal, as in JavaScript.
        ranges.append(low...low)
        ranges.append(0x2D...0x2D)
        ranges += upperItem.set.ranges
        continue
      }
      ranges += item.set.ranges
    }
    position += 1
    let set = ScalarSet(ranges)
    return negated ? set.inverted : set
  }

  private enum ClassItem {
    case single(UInt32)
    case multiple(ScalarSet)

    var set: ScalarSet {
      switch self {
      case .single(let scalar): return ScalarSet(scalar: scalar)
      case .multiple(let set): return set
      }
    }
  }

  private mutating func parseClassItem() throws(LinearRegexError) -> ClassItem {
    let scalar = current!
    guard scalar == 0x5C else {
      position += 1
      return .single(scalar)
    }
    let start = position
    position += 1
    guard current != nil else { throw fail("a pattern cannot end with \"\\\"", at: start) }
    let set = try parseEscapedSet(start: start, inClass: true)
    if set.ranges.count == 1, set.ranges[0].count == 1 { return .single(set.ranges[0].lowerBound) }
    return .multiple(set)
  }
}
