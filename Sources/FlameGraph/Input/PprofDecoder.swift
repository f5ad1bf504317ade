/// Decodes the bytes of a pprof `Profile` message into a ``PprofProfile``.
///
/// Field numbers are those of `profile.proto` (package
/// `perftools.profiles`). Fields may come in any order and repeat; unknown
/// fields are skipped. After decoding, every string index is checked
/// against the string table, so the importer can look strings up without
/// checking again.
enum PprofDecoder {
  /// The profile in `buffer`.
  ///
  /// - Throws: ``ProtobufError`` when the bytes are not a valid message or
  ///   a string index is outside the string table.
  static func decode(_ buffer: UnsafeBufferPointer<UInt8>) throws -> PprofProfile {
    var profile = PprofProfile()
    var reader = ProtobufReader(buffer)
    while !reader.isAtEnd {
      let fieldStart = reader.position
      let tag = try reader.readTag()
      switch tag.field {
      case 1: profile.sampleTypes.append(try valueType(reader.readMessage(tag)))
      case 2:
        profile.samples.append(try reader.readLengthDelimited(tag))
        profile.sampleOffsets.append(fieldStart)
      case 3: profile.mappings.append(try mapping(reader.readMessage(tag)))
      case 4: profile.locations.append(try location(reader.readMessage(tag), lines: &profile.lines))
      case 5: profile.functions.append(try function(reader.readMessage(tag)))
      case 6: profile.strings.append(try reader.readString(tag))
      case 11: profile.periodType = try valueType(reader.readMessage(tag))
      case 12: profile.period = try reader.readInt64(tag)
      case 14: profile.defaultSampleType = try reader.readInt64(tag)
      default: try reader.skip(tag)
      }
    }
    try checkStrings(of: profile, reader: reader)
    // An empty table still has its "" at index 0, which unset fields name.
    if profile.strings.isEmpty { profile.strings = [""] }
    return profile
  }

  /// Decodes the sample whose content is `range` of `buffer` (one of
  /// ``PprofProfile/samples``): its location ids, leaf first, and values
  /// replace the arrays' contents. Labels are skipped.
  static func decodeSample(
    _ buffer: UnsafeBufferPointer<UInt8>, in range: Range<Int>, locationIDs: inout [UInt64],
    values: inout [UInt64]
  ) throws {
    var sample = ProtobufReader(buffer, range: range)
    locationIDs.removeAll(keepingCapacity: true)
    values.removeAll(keepingCapacity: true)
    while !sample.isAtEnd {
      let field = try sample.readTag()
      switch field.field {
      case 1: try sample.readRepeatedVarints(field, into: &locationIDs)
      case 2: try sample.readRepeatedVarints(field, into: &values)
      default: try sample.skip(field)  // 3: labels
      }
    }
  }

  private static func valueType(_ message: ProtobufReader) throws -> PprofProfile.ValueType {
    var reader = message
    var value = PprofProfile.ValueType()
    while !reader.isAtEnd {
      let tag = try reader.readTag()
      switch tag.field {
      case 1: value.type = try reader.readInt64(tag)
      case 2: value.unit = try reader.readInt64(tag)
      default: try reader.skip(tag)
      }
    }
    return value
  }

  private static func mapping(_ message: ProtobufReader) throws -> PprofProfile.Mapping {
    var reader = message
    var mapping = PprofProfile.Mapping()
    while !reader.isAtEnd {
      let tag = try reader.readTag()
      switch tag.field {
      case 1: mapping.id = try reader.readVarint(tag)
      case 2: mapping.memoryStart = try reader.readVarint(tag)
      case 3: mapping.memoryLimit = try reader.readVarint(tag)
      case 4: mapping.fileOffset = try reader.readVarint(tag)
      case 5: mapping.filename = try reader.readInt64(tag)
      default: try reader.skip(tag)  // build id, has_* flags
      }
    }
    return mapping
  }

  private static func location(_ message: ProtobufReader, lines: inout [PprofProfile.Line])
    throws -> PprofProfile.Location
  {
    var reader = message
    var location = PprofProfile.Location()
    location.lineStart = lines.count
    while !reader.isAtEnd {
      let tag = try reader.readTag()
      switch tag.field {
      case 1: location.id = try reader.readVarint(tag)
      case 2: location.mappingID = try reader.readVarint(tag)
      case 3: location.address = try reader.readVarint(tag)
      case 4: lines.append(try line(reader.readMessage(tag)))
      default: try reader.skip(tag)  // is_folded
      }
    }
    location.lineCount = lines.count - location.lineStart
    return location
  }

  private static func line(_ message: ProtobufReader) throws -> PprofProfile.Line {
    var reader = message
    var line = PprofProfile.Line()
    while !reader.isAtEnd {
      let tag = try reader.readTag()
      switch tag.field {
      case 1: line.functionID = try reader.readVarint(tag)
      case 2: line.line = try reader.readInt64(tag)
      case 3: line.column = try reader.readInt64(tag)
      default: try reader.skip(tag)
      }
    }
    return line
  }

  private static func function(_ message: ProtobufReader) throws -> PprofProfile.Function {
    var reader = message
    var function = PprofProfile.Function()
    while !reader.isAtEnd {
      let tag = try reader.readTag()
      switch tag.field {
      case 1: function.id = try reader.readVarint(tag)
      case 2: function.name = try reader.readInt64(tag)
      case 3: function.systemName = try reader.readInt64(tag)
      case 4: function.filename = try reader.readInt64(tag)
      default: try reader.skip(tag)  // start_line
      }
    }
    return function
  }

  /// Throws unless every string index the importer reads is in the table.
  private static func checkStrings(of profile: PprofProfile, reader: ProtobufReader) throws {
    let count = Int64(profile.strings.count)
    func check(_ index: Int64, _ what: @autoclosure () -> String) throws {
      guard index >= 0 && (index < count || (index == 0 && count == 0)) else {
        throw reader.malformed(
          at: reader.end,
          "\(what()) is string \(index), outside the string table of \(count) strings")
      }
    }
    for (number, type) in profile.sampleTypes.enumerated() {
      try check(type.type, "sample type \(number + 1)'s name")
      try check(type.unit, "sample type \(number + 1)'s unit")
    }
    for mapping in profile.mappings { try check(mapping.filename, "mapping \(mapping.id)'s file") }
    for function in profile.functions {
      try check(function.name, "function \(function.id)'s name")
      try check(function.systemName, "function \(function.id)'s system name")
      try check(function.filename, "function \(function.id)'s file")
    }
    try check(profile.defaultSampleType, "the default sample type")
    if count > 0 && !profile.strings[0].isEmpty {
      throw reader.malformed(at: reader.end, "the string table does not start with \"\"")
    }
  }
}
