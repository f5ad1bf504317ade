/// A fast, non-cryptographic 64-bit hash of a byte slice.
///
/// Frame names are hashed millions of times while parsing; this reads eight
/// bytes at a time and mixes with multiplications. It only has to spread
/// names over a hash table, never to resist crafted collisions: probing stays
/// correct whatever the distribution.
@inline(__always)
func hashBytes(_ start: UnsafeRawPointer, _ length: Int) -> UInt64 {
  let multiplier: UInt64 = 0xff51_afd7_ed55_8ccd
  var hash: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(truncatingIfNeeded: length)
  var offset = 0
  while offset + 8 <= length {
    let word = start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    hash = (hash ^ word) &* multiplier
    hash ^= hash >> 32
    offset += 8
  }
  if offset < length {
    var word: UInt64 = 0
    var shift: UInt64 = 0
    while offset < length {
      word |= UInt64(start.load(fromByteOffset: offset, as: UInt8.self)) << shift
      shift += 8
      offset += 1
    }
    hash = (hash ^ word) &* multiplier
  }
  hash ^= hash >> 29
  hash = hash &* 0xc4ce_b9fe_1a85_ec53
  hash ^= hash >> 32
  return hash
}

/// Mixes two 32-bit integers into a well-spread 64-bit hash.
@inline(__always)
func hashPair(_ first: Int32, _ second: Int32) -> UInt64 {
  var hash = UInt64(UInt32(bitPattern: first)) << 32 | UInt64(UInt32(bitPattern: second))
  hash ^= hash >> 33
  hash = hash &* 0xff51_afd7_ed55_8ccd
  hash ^= hash >> 33
  hash = hash &* 0xc4ce_b9fe_1a85_ec53
  hash ^= hash >> 33
  return hash
}
