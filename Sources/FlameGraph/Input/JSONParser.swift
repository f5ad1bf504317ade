#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A JSON parser for the JSON profile formats: bytes in, a ``JSONValue`` out.
///
/// It walks the input with an explicit stack of open containers, never by
/// recursion, and refuses nesting deeper than ``maximumDepth``, so no input
/// can overflow the call stack, neither while parsing nor when the value is
/// released. Integers of up to 15 digits (node ids, samples, time deltas) are
/// read without `strtod`; other numbers go through it after the JSON grammar
/// has been checked. Invalid UTF-8 in strings becomes replacement characters,
/// lone surrogates in `\u` escapes too.
///
/// ```swift
/// let value = try JSONParser.parse(Array("[1, 2.5]".utf8), format: "demo", source: "inline")
/// ```
enum JSONParser {
  /// The deepest nesting of arrays and objects accepted: the profile
  /// formats need five or six levels.
  static let maximumDepth = 512

  /// Parses one JSON document (surrounding whitespace and a UTF-8 byte
  /// order mark allowed).
  ///
  /// - Throws: ``InputError/invalidFormat(format:place:reason:)`` naming
  ///   `format` and the byte offset in `source` where the text stops being
  ///   JSON.
  static func parse(_ bytes: [UInt8], format: String, source: String) throws -> JSONValue {
    try bytes.withUnsafeBufferPointer { buffer in
      var parser = Scanner(bytes: buffer, format: format, source: source)
      return try parser.document()
    }
  }

  /// An array or object being filled.
  private struct OpenContainer {
    var isObject: Bool
    var elements: [JSONValue] = []
    var members: [JSONMember] = []
    var key = ""

    var value: JSONValue { isObject ? .object(members) : .array(elements) }
  }

  /// The scanning state. Invariant: `position <= bytes.count`; every read
  /// of `bytes[position]` is guarded by `position < bytes.count`.
  private struct Scanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let format: String
    let source: String
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>, format: String, source: String) {
      self.bytes = bytes
      self.format = format
      self.source = source
    }

    func failure(_ reason: String, at offset: Int? = nil) -> InputError {
      .invalidFormat(
        format: format, place: "\(source): byte \(offset ?? position)", reason: reason)
    }

    var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    static func startsNumber(_ byte: UInt8) -> Bool {
      byte == UInt8(ascii: "-") || byte &- UInt8(ascii: "0") < 10
    }

    mutating func skipWhitespace() {
      while position < bytes.count {
        switch bytes[position] {
        case 0x20, 0x0A, 0x0D, 0x09: position += 1
        default: return
        }
      }
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws {
      skipWhitespace()
      guard current == byte else { throw failure("expected \(what)") }
      position += 1
    }

    mutating func document() throws -> JSONValue {
      if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
        position = 3
      }
      var stack: [OpenContainer] = []
      while true {
        // A value is expected here.
        skipWhitespace()
        guard let byte = current else {
          throw failure(stack.isEmpty && position <= 3 ? "the input is empty" : "unexpected end")
        }
        var value: JSONValue
        switch byte {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
          let isObject = byte == UInt8(ascii: "{")
          let opening = position
          position += 1
          skipWhitespace()
          if current == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
            position += 1
            value = isObject ? .object([]) : .array([])
          } else if !isObject, let first = current, Self.startsNumber(first) {
            // Arrays of numbers only (samples, time deltas) skip the
            // container stack and the boxing into values.
            var numbers: [Double] = []
            var complete = false
            while true {
              numbers.append(try number())
              skipWhitespace()
              if current == UInt8(ascii: "]") {
                position += 1
                complete = true
                break
              }
              guard current == UInt8(ascii: ",") else { throw failure("expected , or ]") }
              position += 1
              skipWhitespace()
              guard let next = current, Self.startsNumber(next) else { break }
            }
            if complete {
              value = .numbers(numbers)
            } else {
              // Something else after numbers: go on as a general array.
              guard stack.count < maximumDepth else {
                throw failure("nested deeper than \(maximumDepth) levels", at: opening)
              }
              var container = OpenContainer(isObject: false)
              container.elements = numbers.map { .number($0) }
              stack.append(container)
              continue
            }
          } else {
            guard stack.count < maximumDepth else {
              throw failure("nested deeper than \(maximumDepth) levels", at: opening)
            }
            var container = OpenContainer(isObject: isObject)
            if isObject { container.key = try memberKey() }
            stack.append(container)
            continue
          }
        case UInt8(ascii: "\""):
          value = .string(try string())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
          value = .number(try number())
        case UInt8(ascii: "t"):
          try literal("true")
          value = .bool(true)
        case UInt8(ascii: "f"):
          try literal("false")
          value = .bool(false)
        case UInt8(ascii: "n"):
          try literal("null")
          value = .null
        default:
          throw failure("expected a value")
        }
        // A value is complete: add it to its container, closing containers
        // as long as they end here.
        while true {
          guard !stack.isEmpty else {
            skipWhitespace()
            guard position == bytes.count else { throw failure("text after the JSON value") }
            return value
          }
          let top = stack.count - 1
          if stack[top].isObject {
            stack[top].members.append(JSONMember(key: stack[top].key, value: value))
          } else {
            stack[top].elements.append(value)
          }
          skipWhitespace()
          if current == UInt8(ascii: ",") {
            position += 1
            if stack[top].isObject { stack[top].key = try memberKey() }
            break
          }
          guard current == (stack[top].isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) else {
            throw failure(stack[top].isObject ? "expected , or }" : "expected , or ]")
          }
          position += 1
          value = stack.removeLast().value
        }
      }
    }

    /// `"key":`, leaving the position before the value.
    mutating func memberKey() throws -> String {
      skipWhitespace()
      guard current == UInt8(ascii: "\"") else { throw failure("expected a string key") }
      let key = try string()
      try expect(UInt8(ascii: ":"), ":")
      return key
    }

    mutating func literal(_ word: StaticString) throws {
      let length = word.utf8CodeUnitCount
      guard position + length <= bytes.count,
        memcmp(bytes.baseAddress! + position, word.utf8Start, length) == 0
      else { throw failure("expected a value") }
      position += length
    }

    /// A string, the position on its opening quote.
    mutating func string() throws -> String {
      let opening = position
      position += 1
      let start = position
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          let text = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
          position += 1
          return text
        }
        if byte == UInt8(ascii: "\\") { return try escapedString(from: start, opening: opening) }
        position += 1
      }
      throw failure("unterminated string", at: opening)
    }

    /// The rest of a string with escapes, from its first byte at `start`.
    mutating func escapedString(from start: Int, opening: Int) throws -> String {
      var text = Array(bytes[start..<position])
      while position < bytes.count {
        let byte = bytes[position]
        if byte == UInt8(ascii: "\"") {
          position += 1
          return String(decoding: text, as: UTF8.self)
        }
        guard byte == UInt8(ascii: "\\") else {
          text.append(byte)
          position += 1
          continue
        }
        guard position + 1 < bytes.count else { break }
        let escape = bytes[position + 1]
        position += 2
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): text.append(escape)
        case UInt8(ascii: "b"): text.append(0x08)
        case UInt8(ascii: "f"): text.append(0x0C)
        case UInt8(ascii: "n"): text.append(0x0A)
        case UInt8(ascii: "r"): text.append(0x0D)
        case UInt8(ascii: "t"): text.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try hexQuad()
          if (0xD800..<0xDC00).contains(scalar), position + 1 < bytes.count,
            bytes[position] == UInt8(ascii: "\\"), bytes[position + 1] == UInt8(ascii: "u")
          {
            let save = position
            position += 2
            let low = try hexQuad()
            if (0xDC00..<0xE000).contains(low) {
              scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
            } else {
              position = save
            }
          }
          let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
          text += Array(String(Character(character)).utf8)
        default:
          throw failure("invalid escape in a string", at: position - 2)
        }
      }
      throw failure("unterminated string", at: opening)
    }

    /// Four hexadecimal digits of a `\u` escape.
    mutating func hexQuad() throws -> UInt32 {
      guard position + 4 <= bytes.count else { throw failure("invalid \\u escape") }
      var value: UInt32 = 0
      for _ in 0..<4 {
        let byte = bytes[position]
        let digit: UInt8
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
        default: throw failure("invalid \\u escape")
        }
        value = value << 4 | UInt32(digit)
        position += 1
      }
      return value
    }

    mutating func digits() -> Int {
      let start = position
      while position < bytes.count, bytes[position] &- UInt8(ascii: "0") < 10 { position += 1 }
      return position - start
    }

    /// A number in JSON's grammar; integers of up to 15 digits exactly
    /// without `strtod`, the others through it.
    mutating func number() throws -> Double {
      let start = position
      let negative = bytes[position] == UInt8(ascii: "-")
      if negative { position += 1 }
      let integerStart = position
      // Accumulated as it is scanned; used only with at most 15 digits,
      // where it is exact (longer runs may wrap, and go to strtod).
      var integer = 0
      while position < bytes.count {
        let digit = bytes[position] &- UInt8(ascii: "0")
        guard digit < 10 else { break }
        integer = integer &* 10 &+ Int(digit)
        position += 1
      }
      let integerDigits = position - integerStart
      guard integerDigits > 0 else { throw failure("invalid number", at: start) }
      guard integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else {
        throw failure("invalid number (leading zero)", at: start)
      }
      var isInteger = true
      if current == UInt8(ascii: ".") {
        position += 1
        guard digits() > 0 else { throw failure("invalid number", at: start) }
        isInteger = false
      }
      if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
        position += 1
        if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
        guard digits() > 0 else { throw failure("invalid number", at: start) }
        isInteger = false
      }
      if isInteger && integerDigits <= 15 {
        return negative ? -Double(integer) : Double(integer)
      }
      // strtod needs a terminated string: copy the checked text.
      let length = position - start
      return withUnsafeTemporaryAllocation(of: CChar.self, capacity: length + 1) { text in
        for offset in 0..<length { text[offset] = CChar(bitPattern: bytes[start + offset]) }
        text[length] = 0
        return strtod(text.baseAddress!, nil)
      }
    }
  }
}
