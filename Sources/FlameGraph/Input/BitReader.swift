/// Corrupt compressed data: what is wrong and at which byte of the
/// compressed input. ``InflateStream`` turns it into an ``InputError``.
struct CorruptCompressedData: Error, Equatable {
  /// What is wrong: "invalid distance (too far back)", "truncated", ...
  var reason: String
  /// The byte of the compressed input where it was found, from 0.
  var offset: Int
}

/// Reads a compressed stream bit by bit, least significant bit first
/// (RFC 1951, 3.1.1), from a buffer refilled from a source.
///
/// Bits wait in a 64-bit word; ``refill()`` tops it up to at least 56
/// bits, enough for the longest symbol with its extra bits (15 + 5) and
/// distance (15 + 13), so decoding one length and distance pair needs one
/// refill. At the end of the input the word is padded with zero bits that
/// the stream does not have (`phantomBits`); using any of them means the
/// input was truncated, which the next refill or byte read reports.
struct BitReader {
  /// The input buffer; the reader does not own it.
  let buffer: UnsafeMutablePointer<UInt8>
  /// How many bytes the buffer holds.
  let capacity: Int
  /// Bytes `[position, end)` of the buffer are not yet in `bits`.
  var position = 0
  var end = 0
  /// The waiting bits, next first; bits above `count` are either zero or
  /// the same bits as the byte at `position` (a refill may load them
  /// early), so OR-ing that byte in again is harmless.
  var bits: UInt64 = 0
  /// How many bits of `bits` are loaded, phantom ones included.
  var count = 0
  /// How many of the top `count` bits are zero padding past the end of the input.
  var phantomBits = 0
  /// The offset in the whole compressed input of `buffer[0]`.
  var bufferOffset = 0
  /// Whether the source has said it has nothing more.
  var sourceEnded = false
  /// Reads more compressed bytes into a buffer; 0 means the end.
  let source: (UnsafeMutablePointer<UInt8>, Int) throws -> Int

  /// A reader over `buffer`, which starts with `prefix` (bytes already read
  /// from the source, such as the two a format was told by).
  init(
    buffer: UnsafeMutablePointer<UInt8>, capacity: Int, prefix: [UInt8],
    source: @escaping (UnsafeMutablePointer<UInt8>, Int) throws -> Int
  ) {
    precondition(prefix.count <= capacity)
    self.buffer = buffer
    self.capacity = capacity
    self.source = source
    buffer.update(from: prefix, count: prefix.count)
    end = prefix.count
  }

  /// The real (not phantom) bits waiting.
  var realBits: Int { count - phantomBits }

  /// The offset in the compressed input of the byte that holds the next bit.
  var offset: Int { bufferOffset + position - (max(realBits, 0) + 7) / 8 }

  /// An error at the current place, found after looking at the next
  /// `examined` bits (an invalid code) or after consuming a symbol's bits
  /// (0). When those bits reach into the phantom padding, the real problem
  /// is that the input ends too early: it is reported as truncated.
  func corrupt(_ reason: String, examined: Int = 0) -> CorruptCompressedData {
    if phantomBits > 0 && realBits < examined {
      return CorruptCompressedData(reason: "truncated", offset: bufferOffset + end)
    }
    return CorruptCompressedData(reason: reason, offset: offset)
  }

  /// Tops `bits` up to at least 56 bits (padding at the end of the input).
  @inline(__always)
  mutating func refill() throws {
    if end - position >= 8 {
      // Fast path. Invariant: `end - position >= 8`, so the 8-byte load
      // stays inside the buffer's initialized bytes; it adds the whole
      // bytes that fit above `count`, `(63 - count) / 8` of them, and
      // `count | 56` is then `count` plus their bits. The partial byte
      // above them is the byte now at `position` (see `bits`).
      let word = UInt64(
        littleEndian: UnsafeRawPointer(buffer + position).loadUnaligned(as: UInt64.self))
      bits |= word &<< UInt64(count)
      position &+= (63 &- count) &>> 3
      count |= 56
    } else {
      try refillSlowly()
    }
  }

  /// Tops `bits` up byte by byte near the end of the buffer, refilling it
  /// from the source, or padding with phantom zero bits at its end.
  @inline(never)
  mutating func refillSlowly() throws {
    while count <= 56 {
      if position < end {
        bits |= UInt64(buffer[position]) &<< UInt64(count)
        position += 1
        count += 8
      } else if !sourceEnded {
        try fillBuffer()
      } else {
        guard count >= phantomBits else {
          throw CorruptCompressedData(reason: "truncated", offset: bufferOffset + end)
        }
        count += 8
        phantomBits += 8
      }
    }
  }

  /// Reads the source into the emptied buffer. Only called when
  /// `position == end`, so no unread byte is lost.
  mutating func fillBuffer() throws {
    bufferOffset += end
    position = 0
    end = 0
    let got = try source(buffer, capacity)
    if got <= 0 { sourceEnded = true } else { end = got }
  }

  /// The next `bitCount` bits (at most 32), which must be loaded.
  @inline(__always)
  mutating func take(_ bitCount: Int) -> UInt32 {
    let value = UInt32(truncatingIfNeeded: bits & ((1 &<< UInt64(bitCount)) &- 1))
    drop(bitCount)
    return value
  }

  /// Skips `bitCount` loaded bits.
  @inline(__always)
  mutating func drop(_ bitCount: Int) {
    bits &>>= UInt64(bitCount)
    count &-= bitCount
  }

  /// Skips to the next byte boundary: bits are loaded in whole bytes, so
  /// the bits of a partly read byte are `count % 8`.
  mutating func alignToByte() {
    drop(count & 7)
  }

  /// The next `bitCount` bits (at most 32), refilling first; truncated
  /// input throws.
  mutating func read(_ bitCount: Int) throws -> UInt32 {
    if count < bitCount { try refill() }
    guard realBits >= bitCount else {
      throw CorruptCompressedData(reason: "truncated", offset: bufferOffset + end)
    }
    return take(bitCount)
  }

  /// The next whole byte of a byte-aligned stream (headers, trailers).
  mutating func readByte() throws -> UInt8 {
    UInt8(try read(8))
  }

  /// Whether any byte is left in the input, reading the source if needed.
  mutating func hasMoreInput() throws -> Bool {
    while true {
      if realBits > 0 || position < end { return true }
      if sourceEnded { return false }
      try fillBuffer()
    }
  }

  /// Copies up to `limit` whole bytes of a byte-aligned stream (a stored
  /// block) to `destination`, straight from the buffer once the bit word
  /// is empty; returns how many, 0 only at the end of the input.
  mutating func copyBytes(to destination: UnsafeMutablePointer<UInt8>, limit: Int) throws -> Int {
    var copied = 0
    while copied < limit && realBits >= 8 {
      destination[copied] = UInt8(take(8))
      copied += 1
    }
    if copied > 0 || limit == 0 { return copied }
    // The word holds no real byte. Invariant for copying from the buffer:
    // its bits above `count` are a copy of the byte at `position`; they are
    // cleared, since `position` is about to move past bytes the word never took.
    bits = 0
    count = 0
    phantomBits = 0
    if position == end && !sourceEnded { try fillBuffer() }
    if position == end { return 0 }
    let length = min(limit, end - position)
    destination.update(from: buffer + position, count: length)
    position += length
    return length
  }
}
