/// A fast, non-cryptographic 64-bit hash of a byte slice.
///
/// Frame names are hashed millions of times while parsing; this reads
/// sixteen bytes a step into two independent lanes (so their
/// multiplications overlap) and ends with the last sixteen bytes,
/// overlapping what was read, instead of a loop over the tail. It only has
/// to spread names over a hash table, never to resist crafted collisions:
/// probing stays correct whatever the distribution.
///
/// Invariant: only bytes `start[0..<length]` are read; every load of
/// eight (or four) bytes starts at an offset from 0 to `length - 8` (or
/// `length - 4`). Offsets use wrapping arithmetic because they stay below
/// `length`, which spares an overflow check a step.
@inline(__always)
func hashBytes(_ start: UnsafeRawPointer, _ length: Int) -> UInt64 {
  let multiplier: UInt64 = 0xff51_afd7_ed55_8ccd
  let otherMultiplier: UInt64 = 0xc4ce_b9fe_1a85_ec53
  var first: UInt64 = 0x9e37_79b9_7f4a_7c15 ^ UInt64(truncatingIfNeeded: length)
  var second: UInt64 = 0x6a09_e667_f3bc_c908
  @inline(__always) func word(_ offset: Int) -> UInt64 {
    start.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
  }
  if length >= 16 {
    let last = length &- 16
    var offset = 0
    while offset < last {
      first = (first ^ word(offset)) &* multiplier
      second = (second ^ word(offset &+ 8)) &* otherMultiplier
      first ^= first >> 32
      second ^= second >> 29
      offset &+= 16
    }
    first = (first ^ word(last)) &* multiplier
    second = (second ^ word(last &+ 8)) &* otherMultiplier
  } else if length >= 8 {
    first = (first ^ word(0)) &* multiplier
    second = (second ^ word(length &- 8)) &* otherMultiplier
  } else if length >= 4 {
    let head = UInt64(start.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
    let tail = UInt64(start.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self))
    first = (first ^ (head << 32 | tail)) &* multiplier
  } else if length > 0 {
    // One to three bytes: the first, the middle and the last (some the same).
    let bytes = start.assumingMemoryBound(to: UInt8.self)
    let packed =
      UInt64(bytes[0]) << 16 | UInt64(bytes[length >> 1]) << 8 | UInt64(bytes[length &- 1])
    first = (first ^ packed) &* multiplier
  }
  var hash = first ^ (second << 23 | second >> 41)
  hash ^= hash >> 29
  hash = hash &* otherMultiplier
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
