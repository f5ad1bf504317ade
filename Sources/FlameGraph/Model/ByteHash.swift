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
    let word: UInt64
    if length >= 8 {
      // The last eight bytes, overlapping the words already mixed: one load
      // instead of up to seven.
      word = start.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
    } else {
      var bytes: UInt64 = 0
      var shift: UInt64 = 0
      while offset < length {
        bytes |= UInt64(start.load(fromByteOffset: offset, as: UInt8.self)) << shift
        shift += 8
        offset += 1
      }
      word = bytes
    }
    hash = (hash ^ word) &* multiplier
  }
  hash ^= hash >> 29
  hash = hash &* 0xc4ce_b9fe_1a85_ec53
  hash ^= hash >> 32
  return hash
}

/// Spreads the bits of a 64-bit key (such as a node's packed parent and
/// frame) over the whole word, so that nearby keys land far apart.
@inline(__always)
func mixBits(_ key: UInt64) -> UInt64 {
  var hash = key
  hash ^= hash >> 33
  hash = hash &* 0xff51_afd7_ed55_8ccd
  hash ^= hash >> 33
  hash = hash &* 0xc4ce_b9fe_1a85_ec53
  hash ^= hash >> 33
  return hash
}
