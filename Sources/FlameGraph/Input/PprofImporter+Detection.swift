extension PprofImporter {
  /// Whether the first bytes of an input look like a pprof profile.
  ///
  /// A pprof file is a protobuf `Profile` message with no header, so the
  /// test is structural: the bytes must parse as top-level fields of
  /// `Profile`, each a field number `profile.proto` defines with its wire
  /// type, the first being one of the tables every writer puts first
  /// (field 1 `sample_type`, 2 `sample`, 3 `mapping`, 4 `location`, 5
  /// `function`, or 6 `string_table`, whose first string is empty); and the
  /// fields of each embedded `ValueType`, `Sample`, `Mapping`, `Location`
  /// and `Function` wholly in `head` must be theirs too. Fields numbered
  /// 16 and up (unknown today) are skipped. Up to 32 fields
  /// are checked; a field cut off by the end of `head` is accepted after a
  /// complete one. Text (folded stacks, JSON, perf script) fails at its
  /// first byte: only `\n`, `"`, `*`, `2` and two control characters can
  /// start such a field, and what follows them in text does not parse.
  ///
  /// ```swift
  /// PprofImporter.recognizes([0x0a, 0x04, 0x08, 0x01, 0x10, 0x02])  // true: a sample_type
  /// PprofImporter.recognizes(ArraySlice("main;work 3\n".utf8))    // false
  /// ```
  public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    head.withUnsafeBufferPointer { buffer in
      var reader = ProtobufReader(buffer)
      var fields = 0
      while !reader.isAtEnd && fields < 32 {
        do {
          let tag = try reader.readTag()
          guard let kind = PprofField(profileField: tag.field) else {
            // Fields from a later profile.proto: their keys take two bytes
            // or more, which text (ASCII) never starts a field with.
            guard tag.field >= 16 else { return false }
            try reader.skip(tag)
            fields += 1
            continue
          }
          guard kind.allows(tag.wireType) else { return false }
          if fields == 0 && !(1...6).contains(tag.field) { return false }
          if tag.wireType == .lengthDelimited {
            var content = try reader.readMessage(tag)
            if tag.field == 6 && fields == 0 && !content.isAtEnd { return false }
            if let message = kind.message, !message.accepts(&content) { return false }
          } else {
            try reader.skip(tag)
          }
          fields += 1
        } catch let error as ProtobufError {
          return error.isTruncation && fields > 0
        } catch {
          return false
        }
      }
      return fields > 0
    }
  }
}

/// What format detection knows of a `profile.proto` field: the wire types
/// it may have and, for a message, the fields of that message.
private enum PprofField {
  case varint
  case bytes
  case varintOrPacked
  case message(PprofMessage)

  /// The field of `Profile` with this number, nil for an unknown one.
  init?(profileField field: UInt64) {
    switch field {
    case 1, 11: self = .message(.valueType)
    case 2: self = .message(.sample)
    case 3: self = .message(.mapping)
    case 4: self = .message(.location)
    case 5: self = .message(.function)
    case 6: self = .bytes
    case 7, 8, 9, 10, 12, 14, 15: self = .varint
    case 13: self = .varintOrPacked
    default: return nil
    }
  }

  var message: PprofMessage? {
    if case .message(let message) = self { return message }
    return nil
  }

  func allows(_ wireType: ProtobufReader.WireType) -> Bool {
    switch self {
    case .varint: return wireType == .varint
    case .bytes, .message: return wireType == .lengthDelimited
    case .varintOrPacked: return wireType == .varint || wireType == .lengthDelimited
    }
  }
}

/// The messages embedded in `Profile` that detection looks into.
private enum PprofMessage {
  case valueType, sample, mapping, location, function

  /// The field of this message with this number, nil for an unknown one.
  func field(_ number: UInt64) -> PprofField? {
    switch (self, number) {
    case (.valueType, 1...2), (.mapping, 1...10), (.function, 1...5): return .varint
    case (.location, 1...3), (.location, 5): return .varint
    case (.location, 4), (.sample, 3): return .bytes
    case (.sample, 1...2): return .varintOrPacked
    default: return nil
    }
  }

  /// Whether the whole message is fields of this type.
  func accepts(_ reader: inout ProtobufReader) -> Bool {
    do {
      while !reader.isAtEnd {
        let tag = try reader.readTag()
        guard let field = field(tag.field), field.allows(tag.wireType) else { return false }
        try reader.skip(tag)
      }
      return true
    } catch {
      return false
    }
  }
}
