/// Why bytes are not a valid protobuf message: where, and what is wrong.
struct ProtobufError: Error, Equatable {
  /// The byte offset, from the start of the whole buffer, of the problem.
  var offset: Int
  /// The problem in words: "the message ends inside a varint".
  var reason: String
  /// Whether the bytes simply ran out (a cut-off input) rather than being
  /// wrong: format detection, which sees only the first bytes, accepts that.
  var isTruncation: Bool
}

/// A decoder of the protobuf wire format over bytes in memory: tags,
/// varints, fixed 32- and 64-bit values, length-delimited fields, packed
/// repeated varints, and skipping of unknown fields and groups.
///
/// Every read is bounds-checked against the end of the message being read,
/// so a truncated or malformed input throws a ``ProtobufError`` and never
/// reads outside the buffer.
///
/// ```swift
/// try bytes.withUnsafeBufferPointer { buffer in
///   var reader = ProtobufReader(buffer)
///   while !reader.isAtEnd {
///     let tag = try reader.readTag()
///     if tag.field == 1 { let id = try reader.readVarint(tag) } else { try reader.skip(tag) }
///   }
/// }
/// ```
///
/// Invariant: `0 <= position <= end <= buffer.count`. Reads check that
/// what they take lies below `end` before touching the buffer.
struct ProtobufReader {
  /// How a field's value is encoded, from the low three bits of its tag.
  enum WireType: UInt8 {
    /// A base-128 varint.
    case varint = 0
    /// Eight little-endian bytes.
    case fixed64 = 1
    /// A varint length, then that many bytes (strings, messages, packed
    /// repeated fields).
    case lengthDelimited = 2
    /// The start of a (deprecated) group, ended by a matching ``endGroup``.
    case startGroup = 3
    /// The end of a group.
    case endGroup = 4
    /// Four little-endian bytes.
    case fixed32 = 5
  }

  /// A field's number and wire type, as its key encodes them.
  struct Tag: Equatable {
    /// The field number, 1 to 2^29 - 1.
    var field: UInt64
    /// The encoding of the value that follows.
    var wireType: WireType
  }

  /// The deepest nesting of groups ``skip(_:)`` follows.
  static let maximumGroupDepth = 64

  private let buffer: UnsafeBufferPointer<UInt8>
  /// The offset of the next byte to read.
  private(set) var position: Int
  /// The offset just past the message being read.
  let end: Int

  /// A reader of the whole buffer.
  init(_ buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
    position = 0
    end = buffer.count
  }

  /// A reader of `range` of the buffer, such as a range that
  /// ``readLengthDelimited(_:)`` returned.
  ///
  /// - Precondition: `range` lies within the buffer.
  init(_ buffer: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
    precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count)
    self.buffer = buffer
    position = range.lowerBound
    end = range.upperBound
  }

  /// Whether the whole message has been read.
  var isAtEnd: Bool { position >= end }

  /// Reads the key of the next field.
  mutating func readTag() throws -> Tag {
    let start = position
    let key = try readRawVarint()
    guard let wireType = WireType(rawValue: UInt8(key & 7)) else {
      throw malformed(at: start, "field key \(key) has the unknown wire type \(key & 7)")
    }
    let field = key >> 3
    guard field >= 1 && field < 1 << 29 else {
      throw malformed(at: start, "field number \(field) is out of range")
    }
    return Tag(field: field, wireType: wireType)
  }

  /// Reads a varint field's value; throws when `tag` is not a varint.
  mutating func readVarint(_ tag: Tag) throws -> UInt64 {
    try expect(tag, .varint)
    return try readRawVarint()
  }

  /// Reads an `int64` (or `int32`) field: a varint taken as two's complement.
  mutating func readInt64(_ tag: Tag) throws -> Int64 {
    Int64(bitPattern: try readVarint(tag))
  }

  /// Reads a `bool` field.
  mutating func readBool(_ tag: Tag) throws -> Bool { try readVarint(tag) != 0 }

  /// Reads the bytes of a length-delimited field: their range in the buffer.
  mutating func readLengthDelimited(_ tag: Tag) throws -> Range<Int> {
    try expect(tag, .lengthDelimited)
    return try readRawLengthDelimited()
  }

  /// A reader of an embedded message (a length-delimited field).
  mutating func readMessage(_ tag: Tag) throws -> ProtobufReader {
    ProtobufReader(buffer, range: try readLengthDelimited(tag))
  }

  /// Reads the bytes of a length-delimited field as UTF-8 text (invalid
  /// sequences become replacement characters).
  mutating func readString(_ tag: Tag) throws -> String {
    string(in: try readLengthDelimited(tag))
  }

  /// The text of a range returned by ``readLengthDelimited(_:)``.
  func string(in range: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
  }

  /// Reads a repeated varint field, packed (one length-delimited run) or
  /// not (one value per tag), appending its values.
  mutating func readRepeatedVarints(_ tag: Tag, into values: inout [UInt64]) throws {
    switch tag.wireType {
    case .varint:
      values.append(try readRawVarint())
    case .lengthDelimited:
      let range = try readRawLengthDelimited()
      var packed = ProtobufReader(buffer, range: range)
      while !packed.isAtEnd { values.append(try packed.readRawVarint()) }
    default:
      throw malformed(at: position, "field \(tag.field) is a \(tag.wireType), expected varints")
    }
  }

  /// Reads a fixed 32-bit field's value.
  mutating func readFixed32(_ tag: Tag) throws -> UInt32 {
    try expect(tag, .fixed32)
    let start = try advance(by: 4)
    return UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(
      fromByteOffset: start, as: UInt32.self
    ).littleEndian
  }

  /// Reads a fixed 64-bit field's value.
  mutating func readFixed64(_ tag: Tag) throws -> UInt64 {
    try expect(tag, .fixed64)
    let start = try advance(by: 8)
    return UnsafeRawPointer(buffer.baseAddress!).loadUnaligned(
      fromByteOffset: start, as: UInt64.self
    ).littleEndian
  }

  /// Skips the value of a field this reader does not use, groups included.
  mutating func skip(_ tag: Tag) throws {
    switch tag.wireType {
    case .varint: _ = try readRawVarint()
    case .fixed64: _ = try advance(by: 8)
    case .lengthDelimited: _ = try readRawLengthDelimited()
    case .fixed32: _ = try advance(by: 4)
    case .endGroup:
      throw malformed(at: position, "the end of group \(tag.field) has no start")
    case .startGroup:
      // Iterative, with a bounded stack of open groups: nesting in the
      // input cannot exhaust the call stack.
      var open: [UInt64] = [tag.field]
      while let innermost = open.last {
        let start = position
        let inner = try readTag()
        switch inner.wireType {
        case .startGroup:
          guard open.count < Self.maximumGroupDepth else {
            throw malformed(at: start, "groups nest deeper than \(Self.maximumGroupDepth)")
          }
          open.append(inner.field)
        case .endGroup:
          guard inner.field == innermost else {
            throw malformed(at: start, "group \(innermost) is ended as group \(inner.field)")
          }
          open.removeLast()
        default:
          try skip(inner)
        }
      }
    }
  }

  /// A malformed-input error at an offset.
  func malformed(at offset: Int, _ reason: String) -> ProtobufError {
    ProtobufError(offset: offset, reason: reason, isTruncation: false)
  }

  private func truncated(at offset: Int, _ what: String) -> ProtobufError {
    ProtobufError(
      offset: offset, reason: "the message ends inside \(what)", isTruncation: true)
  }

  private func expect(_ tag: Tag, _ wireType: WireType) throws {
    guard tag.wireType == wireType else {
      throw malformed(
        at: position, "field \(tag.field) is a \(tag.wireType), expected a \(wireType)")
    }
  }

  /// Moves past `count` bytes and returns where they start.
  private mutating func advance(by count: Int) throws -> Int {
    guard end - position >= count else { throw truncated(at: position, "a fixed-size value") }
    let start = position
    position += count
    return start
  }

  private mutating func readRawLengthDelimited() throws -> Range<Int> {
    let start = position
    let length = try readRawVarint()
    guard length <= UInt64(end - position) else {
      throw ProtobufError(
        offset: start,
        reason:
          "a field of \(length) bytes goes past the end of its message (\(end - position) left)",
        isTruncation: true)
    }
    let range = position..<(position + Int(length))
    position = range.upperBound
    return range
  }

  /// A base-128 varint of at most ten bytes (64 bits).
  @inline(__always)
  private mutating func readRawVarint() throws -> UInt64 {
    // One byte is by far the most common case: field keys, small ids.
    if position < end, buffer[position] < 0x80 {
      position += 1
      return UInt64(buffer[position - 1])
    }
    let start = position
    var result: UInt64 = 0
    var shift: UInt64 = 0
    while true {
      guard position < end else { throw truncated(at: start, "a varint") }
      let byte = buffer[position]
      position += 1
      if shift == 63 && byte > 1 {
        throw malformed(at: start, "a varint is longer than 64 bits")
      }
      result |= UInt64(byte & 0x7f) << shift
      if byte < 0x80 { return result }
      shift += 7
    }
  }
}

extension ProtobufReader.WireType: CustomStringConvertible {
  /// The wire type's name: "varint", "length-delimited field", ...
  var description: String {
    switch self {
    case .varint: return "varint"
    case .fixed64: return "fixed 64-bit value"
    case .lengthDelimited: return "length-delimited field"
    case .startGroup: return "group start"
    case .endGroup: return "group end"
    case .fixed32: return "fixed 32-bit value"
    }
  }
}
