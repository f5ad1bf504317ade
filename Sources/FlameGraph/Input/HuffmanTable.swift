/// The packed 32-bit entries of a ``HuffmanTable``.
///
/// An entry says how many bits its code takes (bits 0-3), how many extra
/// bits follow it (bits 4-7), what kind of symbol it is (bits 8-11) and a
/// value (bits 16-31): the byte of a literal, the base of a length or
/// distance, or where a second-level table starts. Decoding one symbol is
/// one or two array loads and a few shifts, with no branch per bit.
enum HuffmanEntry {
  /// A literal byte, or a code-length symbol (0-18): `value` is the symbol.
  static let literal: UInt32 = 0
  /// A length or a distance: `value` is its base, `extra` bits are added.
  static let base: UInt32 = 1
  /// The end of a block.
  static let endOfBlock: UInt32 = 2
  /// A second-level table of `extra` index bits starts at `value`; the
  /// entry's bit count is the first level's.
  static let link: UInt32 = 3
  /// No code, or a code the format does not allow (lengths 286-287,
  /// distances 30-31).
  static let invalid: UInt32 = 4

  /// An entry from its fields.
  @inline(__always)
  static func make(kind: UInt32, bits: Int, extra: Int = 0, value: Int = 0) -> UInt32 {
    UInt32(value) << 16 | kind << 8 | UInt32(extra) << 4 | UInt32(bits)
  }

  /// How many bits the entry's code takes.
  @inline(__always) static func bits(_ entry: UInt32) -> Int { Int(entry & 0xF) }
  /// How many extra bits follow the code (or the index bits of a link).
  @inline(__always) static func extra(_ entry: UInt32) -> Int { Int(entry >> 4 & 0xF) }
  /// The entry's kind: ``literal``, ``base``, ``endOfBlock``, ``link`` or ``invalid``.
  @inline(__always) static func kind(_ entry: UInt32) -> UInt32 { entry >> 8 & 0xF }
  /// The entry's value.
  @inline(__always) static func value(_ entry: UInt32) -> Int { Int(entry >> 16) }
}

/// The three alphabets of DEFLATE (RFC 1951, 3.2.5 and 3.2.7), which say
/// what each symbol of a table decodes to.
enum HuffmanAlphabet {
  /// Literal bytes 0-255, end of block 256, lengths 257-285.
  case literalLength
  /// Distances 0-29.
  case distance
  /// The code lengths of a dynamic block's header, 0-18.
  case codeLength

  /// The base of each length symbol from 257.
  static let lengthBases: [Int] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
  ]
  /// The extra bits of each length symbol from 257.
  static let lengthExtraBits: [Int] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
  ]
  /// The base of each distance symbol.
  static let distanceBases: [Int] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
  ]
  /// The extra bits of each distance symbol.
  static let distanceExtraBits: [Int] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
  ]

  /// The table entry of a symbol whose code takes `bits` bits.
  func entry(symbol: Int, bits: Int) -> UInt32 {
    switch self {
    case .codeLength:
      return HuffmanEntry.make(kind: HuffmanEntry.literal, bits: bits, value: symbol)
    case .literalLength:
      if symbol < 256 {
        return HuffmanEntry.make(kind: HuffmanEntry.literal, bits: bits, value: symbol)
      }
      if symbol == 256 { return HuffmanEntry.make(kind: HuffmanEntry.endOfBlock, bits: bits) }
      let index = symbol - 257
      guard index < Self.lengthBases.count else {
        return HuffmanEntry.make(kind: HuffmanEntry.invalid, bits: bits)
      }
      return HuffmanEntry.make(
        kind: HuffmanEntry.base, bits: bits, extra: Self.lengthExtraBits[index],
        value: Self.lengthBases[index])
    case .distance:
      guard symbol < Self.distanceBases.count else {
        return HuffmanEntry.make(kind: HuffmanEntry.invalid, bits: bits)
      }
      return HuffmanEntry.make(
        kind: HuffmanEntry.base, bits: bits, extra: Self.distanceExtraBits[symbol],
        value: Self.distanceBases[symbol])
    }
  }
}

/// A table that decodes one canonical Huffman code (RFC 1951, 3.2.2) by
/// looking up the next `rootBits` bits of the stream, least significant
/// first; codes longer than that continue in a second-level table.
///
/// Every entry that no code reaches is ``HuffmanEntry/invalid``, so a
/// corrupt stream meets an invalid entry instead of reading out of bounds.
final class HuffmanTable {
  /// How many bits the first level is indexed by.
  let rootBits: Int
  /// The entries: the first level (`1 << rootBits`), then the second-level tables.
  private(set) var entries: UnsafeMutablePointer<UInt32>
  private var capacity: Int

  /// The longest code DEFLATE allows.
  static let maximumCodeLength = 15

  /// An empty table indexed by `rootBits` bits.
  init(rootBits: Int) {
    self.rootBits = rootBits
    capacity = 1 << rootBits
    entries = .allocate(capacity: capacity)
    entries.initialize(
      repeating: HuffmanEntry.make(kind: HuffmanEntry.invalid, bits: 0), count: capacity)
  }

  deinit { entries.deallocate() }

  /// Why code lengths do not make a usable code.
  enum BuildError: Error {
    /// More codes of some lengths than the lengths leave room for.
    case overSubscribed
    /// Room left for more codes, with more than one code.
    case incomplete
  }

  /// Rebuilds the table for code lengths (0 means the symbol has no code).
  ///
  /// A code is canonical: codes of one length are consecutive in symbol
  /// order, shorter codes first. An incomplete code is only accepted when
  /// it has at most one code (RFC 1951 allows one distance code); its
  /// unused entries stay invalid.
  func build(lengths: ArraySlice<UInt8>, alphabet: HuffmanAlphabet) throws(BuildError) {
    var lengthCounts = [Int](repeating: 0, count: Self.maximumCodeLength + 1)
    for length in lengths { lengthCounts[Int(length)] += 1 }
    lengthCounts[0] = 0
    var left = 1
    var codes = 0
    for length in 1...Self.maximumCodeLength {
      left <<= 1
      left -= lengthCounts[length]
      codes += lengthCounts[length]
      if left < 0 { throw .overSubscribed }
    }
    if left > 0 && codes > 1 { throw .incomplete }

    // The first code of each length.
    var nextCode = [Int](repeating: 0, count: Self.maximumCodeLength + 2)
    var code = 0
    for length in 1...Self.maximumCodeLength {
      code = (code + lengthCounts[length - 1]) << 1
      nextCode[length] = code
    }

    // First pass: how many index bits each second-level table needs.
    let rootSize = 1 << rootBits
    let rootMask = rootSize - 1
    var subtableBits = [Int](repeating: 0, count: rootSize)
    var firstCode = nextCode
    for length in lengths where Int(length) > rootBits {
      let reversed = Self.reversed(firstCode[Int(length)], bits: Int(length))
      firstCode[Int(length)] += 1
      let prefix = reversed & rootMask
      subtableBits[prefix] = max(subtableBits[prefix], Int(length) - rootBits)
    }
    var size = rootSize
    for bits in subtableBits where bits > 0 { size += 1 << bits }
    if size > capacity {
      entries.deallocate()
      capacity = size
      entries = .allocate(capacity: capacity)
    }
    entries.initialize(
      repeating: HuffmanEntry.make(kind: HuffmanEntry.invalid, bits: 0), count: size)
    var start = rootSize
    for prefix in 0..<rootSize where subtableBits[prefix] > 0 {
      entries[prefix] = HuffmanEntry.make(
        kind: HuffmanEntry.link, bits: rootBits, extra: subtableBits[prefix], value: start)
      start += 1 << subtableBits[prefix]
    }

    // Second pass: each code fills every entry whose low bits are its
    // (reversed) code.
    var symbol = 0
    for length in lengths {
      defer { symbol += 1 }
      let length = Int(length)
      guard length > 0 else { continue }
      let reversed = Self.reversed(nextCode[length], bits: length)
      nextCode[length] += 1
      if length <= rootBits {
        let entry = alphabet.entry(symbol: symbol, bits: length)
        for index in stride(from: reversed, to: rootSize, by: 1 << length) {
          entries[index] = entry
        }
      } else {
        let link = entries[reversed & rootMask]
        let tableStart = HuffmanEntry.value(link)
        let tableSize = 1 << HuffmanEntry.extra(link)
        let rest = length - rootBits
        let entry = alphabet.entry(symbol: symbol, bits: rest)
        for index in stride(from: reversed >> rootBits, to: tableSize, by: 1 << rest) {
          entries[tableStart + index] = entry
        }
      }
    }
  }

  /// `code`'s low `bits` bits in reverse order: Huffman codes are sent
  /// most significant bit first, the stream is read least significant first.
  static func reversed(_ code: Int, bits: Int) -> Int {
    var result = 0
    var code = code
    for _ in 0..<bits {
      result = result << 1 | code & 1
      code >>= 1
    }
    return result
  }
}
