/// A frame name's UTF-16 code units as the abbreviator reads them, with
/// the text and character count of pieces of them, fast for ASCII.
struct NameUnits {
  /// The code units, valid while the caller's buffer is.
  let units: UnsafeBufferPointer<UInt16>
  /// Whether every unit is ASCII: then a unit is a byte of the text's UTF-8.
  let isASCII: Bool
  /// Whether a carriage return is among them (CR LF is one character).
  let hasCarriageReturn: Bool

  /// The name's code units, read as bytes when it is ASCII (nearly every
  /// frame name is) rather than transcoded through the UTF-16 view.
  static func of(_ name: String) -> [UInt16] {
    let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> [UInt16]? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return [UInt16](unsafeUninitializedCapacity: bytes.count) { units, count in
        // Invariant: `units` has room for `bytes.count` units, one per byte.
        for index in bytes.indices { units[index] = UInt16(bytes[index]) }
        count = bytes.count
      }
    }
    return (ascii ?? nil) ?? Array(name.utf16)
  }

  init(_ units: UnsafeBufferPointer<UInt16>) {
    self.units = units
    var highest: UInt16 = 0
    var hasCarriageReturn = false
    for unit in units {
      highest |= unit
      if unit == 13 { hasCarriageReturn = true }
    }
    isASCII = highest < 0x80
    self.hasCarriageReturn = hasCarriageReturn
  }

  /// The number of characters of the text of `pieces`, as
  /// ``UTF16Text/characterCount(_:)`` of their units joined.
  func characterCount(of pieces: [Range<Int>]) -> Int {
    guard isASCII, !hasCarriageReturn else { return UTF16Text.characterCount(joined(pieces)) }
    var count = 0
    for piece in pieces { count += piece.count }
    return count
  }

  /// The text of `pieces` joined, as ``UTF16Text/string(_:)`` of their units.
  func string(of pieces: [Range<Int>]) -> String {
    guard isASCII else { return String(decoding: joined(pieces), as: UTF16.self) }
    var total = 0
    for piece in pieces { total += piece.count }
    return String(unsafeUninitializedCapacity: total) { bytes in
      // Invariant: `bytes` holds `total` bytes, one per unit of the pieces.
      var count = 0
      for piece in pieces {
        for index in piece {
          bytes[count] = UInt8(truncatingIfNeeded: units[index])
          count += 1
        }
      }
      return count
    }
  }

  private func joined(_ pieces: [Range<Int>]) -> [UInt16] {
    var joined: [UInt16] = []
    for piece in pieces { joined += units[piece] }
    return joined
  }
}
