/// The CRC-32 of gzip (RFC 1952, 8): the reflected polynomial 0xEDB88320,
/// computed eight bytes at a time with eight tables ("slicing by 8").
///
/// ```swift
/// CRC32.checksum(Array("123456789".utf8))  // 0xCBF43926
/// ```
enum CRC32 {
  /// `tables[k * 256 + n]`: the CRC of byte `n` followed by `k` zero bytes.
  static let tables: [UInt32] = {
    var tables = [UInt32](repeating: 0, count: 8 * 256)
    for byte in 0..<256 {
      var crc = UInt32(byte)
      for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ crc >> 1 : crc >> 1 }
      tables[byte] = crc
    }
    for slice in 1..<8 {
      for byte in 0..<256 {
        let previous = tables[(slice - 1) * 256 + byte]
        tables[slice * 256 + byte] = previous >> 8 ^ tables[Int(previous & 0xFF)]
      }
    }
    return tables
  }()

  /// The CRC of `count` bytes at `bytes` following bytes whose CRC is `crc` (0 to start).
  static func update(_ crc: UInt32, _ bytes: UnsafePointer<UInt8>, count: Int) -> UInt32 {
    tables.withUnsafeBufferPointer { table in
      // Invariant: every index below is a byte plus a multiple of 256
      // below 2048, inside the 8 tables.
      let table = table.baseAddress!
      var crc = ~crc
      var index = 0
      while count - index >= 8 {
        let word = UInt64(
          littleEndian: UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self))
        let low = UInt32(truncatingIfNeeded: word) ^ crc
        let high = UInt32(truncatingIfNeeded: word >> 32)
        crc =
          table[7 * 256 + Int(low & 0xFF)] ^ table[6 * 256 + Int(low >> 8 & 0xFF)]
          ^ table[5 * 256 + Int(low >> 16 & 0xFF)] ^ table[4 * 256 + Int(low >> 24)]
          ^ table[3 * 256 + Int(high & 0xFF)] ^ table[2 * 256 + Int(high >> 8 & 0xFF)]
          ^ table[256 + Int(high >> 16 & 0xFF)] ^ table[Int(high >> 24)]
        index += 8
      }
      while index < count {
        crc = table[Int((crc ^ UInt32(bytes[index])) & 0xFF)] ^ crc >> 8
        index += 1
      }
      return ~crc
    }
  }

  /// The CRC of one more byte.
  static func update(_ crc: UInt32, byte: UInt8) -> UInt32 {
    withUnsafePointer(to: byte) { update(crc, $0, count: 1) }
  }

  /// The CRC of a whole array.
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer {
      update(0, $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count)
    }
  }
}
