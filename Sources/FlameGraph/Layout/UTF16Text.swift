/// Strings from UTF-16 code units, fast for ASCII.
///
/// `String(decoding:as: UTF16.self)` transcodes through a generic path of
/// thousands of instructions per name; frame names are nearly always
/// ASCII, whose code units are their UTF-8 bytes.
enum UTF16Text {
  /// The text of `units`, as `String(decoding: units, as: UTF16.self)`.
  static func string<Units: Collection<UInt16>>(_ units: Units) -> String {
    guard units.allSatisfy({ $0 < 0x80 }) else { return String(decoding: units, as: UTF16.self) }
    return String(unsafeUninitializedCapacity: units.count) { bytes in
      var count = 0
      // Invariant: `bytes` holds `units.count` bytes, one per unit.
      for unit in units {
        bytes[count] = UInt8(truncatingIfNeeded: unit)
        count += 1
      }
      return count
    }
  }

  /// The number of characters of the text of `units`, as
  /// `string(units).count`: for ASCII, one per unit except that CR LF is
  /// one character.
  static func characterCount<Units: Collection<UInt16>>(_ units: Units) -> Int {
    var count = 0
    var previous: UInt16 = 0
    for unit in units {
      guard unit < 0x80 else { return String(decoding: units, as: UTF16.self).count }
      if !(unit == 10 && previous == 13) { count += 1 }
      previous = unit
    }
    return count
  }

  /// Whether `units` spell `text`, an ASCII word.
  static func units<Units: Collection<UInt16>>(_ units: Units, spell text: StaticString) -> Bool {
    guard units.count == text.utf8CodeUnitCount else { return false }
    return text.withUTF8Buffer { bytes in
      zip(units, bytes).allSatisfy { $0 == UInt16($1) }
    }
  }
}
