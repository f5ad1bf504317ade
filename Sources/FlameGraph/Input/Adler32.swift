/// The Adler-32 checksum of zlib streams (RFC 1950, 8.2).
///
/// ```swift
/// Adler32.checksum(Array("Wikipedia".utf8))  // 0x11E60398
/// ```
enum Adler32 {
  private static let modulus: UInt32 = 65521
  /// The most bytes summed before reducing, so that the sums cannot overflow 32 bits.
  private static let blockLength = 5552

  /// The checksum of `count` bytes at `bytes` following bytes whose
  /// checksum is `adler` (1 to start).
  static func update(_ adler: UInt32, _ bytes: UnsafePointer<UInt8>, count: Int) -> UInt32 {
    var low = adler & 0xFFFF
    var high = adler >> 16
    var index = 0
    while index < count {
      let blockEnd = min(count, index + blockLength)
      while index < blockEnd {
        low &+= UInt32(bytes[index])
        high &+= low
        index += 1
      }
      low %= modulus
      high %= modulus
    }
    return high << 16 | low
  }

  /// The checksum of a whole array.
  static func checksum(_ bytes: [UInt8]) -> UInt32 {
    bytes.withUnsafeBufferPointer {
      update(1, $0.baseAddress ?? UnsafePointer(bitPattern: 1)!, count: $0.count)
    }
  }
}
