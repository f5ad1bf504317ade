/// A frame name's UTF-16 code units as the abbreviator reads them, with
/// the text and character count of pieces of them, fast for ASCII.
struct NameUnits {
  /// The code units, valid while the caller's buffer is.
  let units: UnsafeBufferPointer<UInt16>
  /// Whether every unit is ASCII: then a unit is a byte of the text's UTF-8.
  let isASCII: Bool
  /// Whether a carriage return is among them (CR LF is one character).
  let hasCarriageReturn: Bool
  /// The number of characters of the whole name.
  let characterCount: Int

  /// Calls `body` with the name's code units, read as bytes when it is
  /// ASCII (nearly every frame name is) rather than transcoded through the
  /// UTF-16 view, in a temporary buffer (on the stack for short names).
  static func withUnits<Result>(
    of name: String, _ body: (UnsafeBufferPointer<UInt16>) -> Result
  ) -> Result {
    let ascii = name.utf8.withContiguousStorageIfAvailable { bytes -> Result? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      return withUnsafeTemporaryAllocation(of: UInt16.self, capacity: bytes.count) { units in
        // Invariant: `units` has room for `bytes.count` units, one per byte,
        // all written before `body` reads them.
        for index in bytes.indices { units[index] = UInt16(bytes[index]) }
        return body(UnsafeBufferPointer(units))
      }
    }
    if let ascii, let result = ascii { return result }
    return Array(name.utf16).withUnsafeBufferPointer(body)
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
    characterCount =
      isASCII && !hasCarriageReturn ? units.count : UTF16Text.characterCount(units)
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
