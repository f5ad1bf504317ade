import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// Interning compares and hashes names with word loads that overlap at
/// the tail; they must agree with comparing and reading byte by byte.
@Suite("Hashing and comparing name bytes")
struct ByteHashTests {
  /// Random bytes with a `length`-byte name at `offset`, so that loads
  /// start at every alignment.
  static func bytes(length: Int, offset: Int, random: inout SeededRandom) -> [UInt8] {
    (0..<(offset + length)).map { _ in UInt8.random(in: 0...255, using: &random) }
  }

  @Test func comparingMatchesByteByByteAtEveryLengthAndAlignment() {
    var random = SeededRandom(seed: 3)
    var checked = 0
    for length in 0...70 {
      for offset in 0..<8 {
        let left = Self.bytes(length: length, offset: offset, random: &random)
        var right = Array(repeating: 0xAA, count: 5) + left[offset...]
        let rightOffset = 5
        // Equal, then one byte changed at each position in turn.
        for changed in [nil] + (0..<length).map(Optional.some) {
          if let changed { right[rightOffset + changed] ^= 0x01 }
          let expected = Array(left[offset...]) == Array(right[rightOffset...])
          let got = left.withUnsafeBytes { leftBytes in
            right.withUnsafeBytes { rightBytes in
              equalBytes(
                leftBytes.baseAddress! + offset, rightBytes.baseAddress! + rightOffset, length)
            }
          }
          #expect(
            got == expected,
            "length \(length), offset \(offset), changed \(String(describing: changed))")
          if let changed { right[rightOffset + changed] ^= 0x01 }
          checked += 1
        }
      }
    }
    #expect(checked > 2000)
  }

  @Test func equalBytesHashEquallyWhereverTheyLieAndOneChangedByteChangesTheHash() {
    var random = SeededRandom(seed: 4)
    for length in 0...70 {
      let name = Self.bytes(length: length, offset: 0, random: &random)
      let hashes = (0..<8).map { offset in
        (Array(repeating: 0x55, count: offset) + name).withUnsafeBytes {
          hashBytes($0.baseAddress! + offset, length)
        }
      }
      #expect(Set(hashes).count == 1, "length \(length)")
      var unchanged = 0
      for position in 0..<length {
        var changed = name
        changed[position] ^= 0x01
        if changed.withUnsafeBytes({ hashBytes($0.baseAddress!, length) }) == hashes[0] {
          unchanged += 1
        }
      }
      #expect(unchanged == 0, "length \(length)")
    }
  }

  @Test func namesOfEveryLengthInternOnceEach() {
    // Prefixes of one long name: each differs from the next by its length only.
    let storage = FrameNameStorage()
    let long = Array("tokio::runtime::task::harness::Harness<T,S>::poll::{{closure}}".utf8)
    var ids: [FrameID] = []
    for round in 0..<2 {
      for length in 0...long.count {
        var isNew = false
        let id = long.withUnsafeBytes { storage.intern($0.baseAddress!, length, isNew: &isNew) }
        #expect(isNew == (round == 0))
        if round == 0 { ids.append(id) } else { #expect(id == ids[length]) }
      }
    }
    #expect(Set(ids).count == long.count + 1)
  }
}
