/// Splits PDF syntax into tokens, for the few objects of a Cairo PDF that
/// ``PDFFrameSplicer`` reads and for a page's content stream.
///
/// It knows numbers, names, keywords (operators, `obj`, `R`, `true` ...),
/// strings (literal and hex, skipped whole), and the delimiters of arrays
/// and dictionaries; anything else (an unbalanced string, a stray `)`, an
/// inline image) ends the tokens with ``failed`` set, so that a caller
/// gives up rather than guesses.
struct PDFTokenizer {
  /// What a token is.
  enum Kind: Equatable {
    case number(Double)
    case name
    case keyword
    case string
    case arrayOpen, arrayClose, dictionaryOpen, dictionaryClose
  }

  /// One token: its kind and where its bytes are.
  struct Token {
    var kind: Kind
    var range: Range<Int>
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// Where the next token is looked for.
  var position: Int
  /// Whether the tokens ended on syntax this tokenizer does not know.
  private(set) var failed = false

  init(_ bytes: UnsafeBufferPointer<UInt8>, at position: Int = 0) {
    self.bytes = bytes
    self.position = position
  }

  static func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 || byte == 0x0C || byte == 0
  }

  static func isDelimiter(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"),
      UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
      UInt8(ascii: "/"), UInt8(ascii: "%"):
      return true
    default: return false
    }
  }

  /// Whether the bytes of `token` are `text`.
  func text(of token: Token, is text: StaticString) -> Bool {
    guard token.range.count == text.utf8CodeUnitCount else { return false }
    let expected = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
    return zip(bytes[token.range], expected).allSatisfy { $0 == $1 }
  }

  /// The next token, or nil at the end of the bytes or when ``failed``.
  mutating func next() -> Token? {
    guard !failed else { return nil }
    skipWhitespaceAndComments()
    guard position < bytes.count else { return nil }
    let start = position
    let byte = bytes[position]
    switch byte {
    case UInt8(ascii: "["):
      position += 1
      return Token(kind: .arrayOpen, range: start..<position)
    case UInt8(ascii: "]"):
      position += 1
      return Token(kind: .arrayClose, range: start..<position)
    case UInt8(ascii: "<"):
      if position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "<") {
        position += 2
        return Token(kind: .dictionaryOpen, range: start..<position)
      }
      // A hex string: hex digits and whitespace up to `>`.
      position += 1
      while position < bytes.count && bytes[position] != UInt8(ascii: ">") {
        let digit = bytes[position]
        guard Self.isWhitespace(digit) || Self.hexValue(digit) != nil else { return fail() }
        position += 1
      }
      guard position < bytes.count else { return fail() }
      position += 1
      return Token(kind: .string, range: start..<position)
    case UInt8(ascii: ">"):
      guard position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: ">") else {
        return fail()
      }
      position += 2
      return Token(kind: .dictionaryClose, range: start..<position)
    case UInt8(ascii: "("):
      return literalString()
    case UInt8(ascii: "/"):
      position += 1
      skipRegular()
      return Token(kind: .name, range: start..<position)
    case UInt8(ascii: ")"), UInt8(ascii: "{"), UInt8(ascii: "}"):
      return fail()
    default:
      skipRegular()
      let range = start..<position
      if let value = Self.number(bytes[range]) { return Token(kind: .number(value), range: range) }
      let token = Token(kind: .keyword, range: range)
      // Inline image data is binary: not tokenized.
      if text(of: token, is: "BI") || text(of: token, is: "ID") { return fail() }
      return token
    }
  }

  private mutating func fail() -> Token? {
    failed = true
    return nil
  }

  private mutating func skipRegular() {
    while position < bytes.count, !Self.isWhitespace(bytes[position]),
      !Self.isDelimiter(bytes[position])
    {
      position += 1
    }
  }

  private mutating func skipWhitespaceAndComments() {
    while position < bytes.count {
      let byte = bytes[position]
      if Self.isWhitespace(byte) {
        position += 1
      } else if byte == UInt8(ascii: "%") {
        while position < bytes.count && bytes[position] != 0x0A && bytes[position] != 0x0D {
          position += 1
        }
      } else {
        return
      }
    }
  }

  /// A `(...)` string: balanced parentheses, `\` escaping the next byte.
  private mutating func literalString() -> Token? {
    let start = position
    var depth = 0
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      if byte == UInt8(ascii: "\\") {
        position += 1
      } else if byte == UInt8(ascii: "(") {
        depth += 1
      } else if byte == UInt8(ascii: ")") {
        depth -= 1
        if depth == 0 { return Token(kind: .string, range: start..<position) }
      }
    }
    return fail()
  }

  private static func hexValue(_ byte: UInt8) -> UInt8? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
    default: return nil
    }
  }

  /// A PDF number (`12`, `-3.5`, `.25`, `+4.`), or nil.
  static func number(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Double? {
    var index = text.startIndex
    guard index < text.endIndex else { return nil }
    var negative = false
    if text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
      negative = text[index] == UInt8(ascii: "-")
      index += 1
    }
    var digits = 0
    var value: Double = 0
    var scale: Double = 1
    var seenPoint = false
    while index < text.endIndex {
      let byte = text[index]
      if byte == UInt8(ascii: ".") && !seenPoint {
        seenPoint = true
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        digits += 1
        // More digits than a page's numbers need are not expected.
        guard digits <= 18 else { return nil }
        value = value * 10 + Double(byte - UInt8(ascii: "0"))
        if seenPoint { scale *= 10 }
      } else {
        return nil
      }
      index += 1
    }
    guard digits > 0 else { return nil }
    return (negative ? -value : value) / scale
  }
}
