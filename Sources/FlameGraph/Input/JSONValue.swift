/// A parsed JSON value, as the JSON importers read it.
///
/// Objects keep their members in input order as an array: the objects of
/// profile formats have a handful of keys, which a linear search finds
/// faster than a hash table would be built. With a repeated key, the last
/// one counts (``subscript(_:)``).
///
/// ```swift
/// let value = try JSONParser.parse(Array(#"{"a": [1, 2]}"#.utf8), format: "demo", source: "inline")
/// value["a"]?.array?.count  // 2
/// ```
enum JSONValue: Sendable, Equatable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number (JSON does not tell integers apart).
  case number(Double)
  /// A string, its invalid UTF-8 repaired with replacement characters.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An array of numbers only (samples, time deltas, weights): stored
  /// unboxed, a third of the memory of ``array(_:)`` and faster to read.
  case numbers([Double])
  /// An object: its members in input order.
  case object([JSONMember])

  /// The member named `key` of an object (the last one if repeated); nil
  /// for a missing key or a value that is not an object.
  subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.last { $0.key == key }?.value
  }

  /// The elements, when this is an array.
  var array: [JSONValue]? {
    switch self {
    case .array(let elements): return elements
    case .numbers(let numbers): return numbers.map { .number($0) }
    default: return nil
    }
  }

  /// The elements, when this is an array of numbers only.
  var numbers: [Double]? {
    switch self {
    case .numbers(let numbers): return numbers
    case .array(let elements):
      var numbers: [Double] = []
      numbers.reserveCapacity(elements.count)
      for element in elements {
        guard case .number(let value) = element else { return nil }
        numbers.append(value)
      }
      return numbers
    default: return nil
    }
  }

  /// Whether this is an array (of any elements).
  var isArray: Bool {
    switch self {
    case .array, .numbers: return true
    default: return false
    }
  }

  /// The members, when this is an object.
  var members: [JSONMember]? {
    if case .object(let members) = self { return members }
    return nil
  }

  /// The text, when this is a string.
  var string: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The number, when this is a number.
  var number: Double? {
    if case .number(let value) = self { return value }
    return nil
  }

  /// The number, when this is a number that is an integer of at most 2^53
  /// in magnitude (so that it is exact).
  var integer: Int? {
    guard case .number(let value) = self else { return nil }
    return Self.exactInteger(value)
  }

  /// A number as an integer, when it is one of at most 2^53 in magnitude.
  static func exactInteger(_ value: Double) -> Int? {
    guard value.rounded() == value, abs(value) <= 9_007_199_254_740_992 else { return nil }
    return Int(value)
  }

  /// What kind of value this is, in words for messages: "an array", "a string" ...
  var kindDescription: String {
    switch self {
    case .null: return "null"
    case .bool: return "a boolean"
    case .number: return "a number"
    case .string: return "a string"
    case .array, .numbers: return "an array"
    case .object: return "an object"
    }
  }
}

/// One `"key": value` member of a JSON object.
struct JSONMember: Sendable, Equatable {
  /// The key.
  var key: String
  /// The value.
  var value: JSONValue

  /// A member from its parts.
  init(key: String, value: JSONValue) {
    self.key = key
    self.value = value
  }
}
