import Testing

@testable import FlameGraph

/// The JSON parser behind the Chrome and speedscope importers.
@Suite struct JSONParserTests {
  func parse(_ text: String) throws -> JSONValue {
    try JSONParser.parse(Array(text.utf8), format: "demo", source: "in")
  }

  func failure(_ text: String) -> String? {
    (#expect(throws: InputError.self) { _ = try parse(text) })?.description
  }

  @Test func valuesOfEveryKind() throws {
    let value = try parse(
      "\u{FEFF} {\"a\": [1, -2.5e2, 0], \"b\": {\"c\": null, \"d\": [true, false, \"x\", 3]}, \"a\": []}\n"
    )
    #expect(value["a"] == .array([]))  // the last of a repeated key
    #expect(value["b"]?["c"] == .null)
    #expect(value["b"]?["d"] == .array([.bool(true), .bool(false), .string("x"), .number(3)]))
    #expect(
      try parse("[1, -2.5e2, 0, 12345678901234567890]").numbers == [
        1, -250, 0, 12_345_678_901_234_567_890,
      ])
    // Numbers, then something else: a general array.
    #expect(try parse("[1, 2, [3]]") == .array([.number(1), .number(2), .numbers([3])]))
    #expect(try parse("[1, 2, [3]]").numbers == nil)
    #expect(try parse(" 7 ") == .number(7))
  }

  @Test func stringEscapesAndInvalidUnicode() throws {
    #expect(try parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
    #expect(try parse(#""\ud83d x""#) == .string("\u{FFFD} x"))
    #expect(
      try JSONParser.parse([0x22, 0xFF, 0x22], format: "demo", source: "in") == .string("\u{FFFD}"))
  }

  @Test func errorsNameTheByte() {
    #expect(failure("") == "in: byte 0: not a valid demo profile: the input is empty")
    #expect(
      failure("[01]") == "in: byte 1: not a valid demo profile: invalid number (leading zero)")
    #expect(failure("[1.]") == "in: byte 1: not a valid demo profile: invalid number")
    #expect(failure("{\"a\" 1}") == "in: byte 5: not a valid demo profile: expected :")
    #expect(failure("[1] x") == "in: byte 4: not a valid demo profile: text after the JSON value")
    #expect(failure("\"abc") == "in: byte 0: not a valid demo profile: unterminated string")
    #expect(failure(#""\q""#) == "in: byte 1: not a valid demo profile: invalid escape in a string")
    #expect(failure("[tru]") == "in: byte 1: not a valid demo profile: expected a value")
    #expect(failure("{1: 2}") == "in: byte 1: not a valid demo profile: expected a string key")
    let deep = String(repeating: "{\"a\":", count: 600)
    #expect(
      failure(deep) == "in: byte 2560: not a valid demo profile: nested deeper than 512 levels")
  }
}
