#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Sorts byte strings by their bytes (unsigned, and a string before the
/// longer ones it starts), as `memcmp` then the length order them: frame
/// names for the order of children, and the viewer's name table.
///
/// A most-significant-byte radix sort: strings are distributed by their
/// first byte, then each group by its next byte, and so on; the bytes a
/// whole group shares (the `std::` or `serde_json::de::` of many names) are
/// skipped in one scan, and small groups are finished by insertion. Time
/// is linear in the bytes that tell strings apart, with no `memcmp` per
/// comparison of a comparison sort; the order is stable, so equal strings
/// keep their order.
///
/// ```swift
/// let flat = Array("maina".utf8)
/// let order = flat.withUnsafeBufferPointer { flat in
///   ByteStringOrder.order(of: [
///     UnsafeBufferPointer(rebasing: flat[0..<4]), UnsafeBufferPointer(rebasing: flat[4...]),
///   ])
/// }  // [1, 0]: "a", then "main"
/// ```
package enum ByteStringOrder {
  /// Groups this small are sorted by insertion.
  static let insertionLimit = 12

  /// The indices of `strings` in ascending byte order; equal strings keep
  /// their order.
  ///
  /// Invariant: every buffer's memory stays valid until the call returns.
  package static func order(of strings: [UnsafeBufferPointer<UInt8>]) -> [Int] {
    var order = Array(strings.indices)
    var moved = order
    // Bucket 0 holds the strings that end at the depth, bucket b + 1 those
    // whose byte there is b.
    var counts = [Int](repeating: 0, count: 257)
    strings.withUnsafeBufferPointer { strings in
      order.withUnsafeMutableBufferPointer { order in
        moved.withUnsafeMutableBufferPointer { moved in
          counts.withUnsafeMutableBufferPointer { counts in
            sort(strings, order: order, moved: moved, counts: counts)
          }
        }
      }
    }
    return order
  }

  /// The sort on buffers: `order` and `moved` hold as many elements as
  /// `strings`, `counts` 257. Every range of `order` in `pending` holds
  /// strings that agree on their first `depth` bytes, and no two overlap.
  private static func sort(
    _ strings: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>,
    order: UnsafeMutableBufferPointer<Int>, moved: UnsafeMutableBufferPointer<Int>,
    counts: UnsafeMutableBufferPointer<Int>
  ) {
    var pending: [(range: Range<Int>, depth: Int)] = [(order.indices, 0)]
    while let (range, sharedDepth) = pending.popLast() {
      if range.count <= insertionLimit {
        insertionSort(order, range, from: sharedDepth, strings)
        continue
      }
      let depth = sharedDepth + commonPrefix(order[range], from: sharedDepth, strings)
      counts.update(repeating: 0)
      for index in order[range] { counts[bucket(strings[index], depth)] += 1 }
      var next = range.lowerBound
      for bucket in counts.indices {
        let count = counts[bucket]
        // Strings that end here are equal: they stay in their order.
        if bucket > 0 && count > 1 { pending.append(((next..<(next + count)), depth + 1)) }
        counts[bucket] = next
        next += count
      }
      for index in order[range] {
        let bucket = bucket(strings[index], depth)
        moved[counts[bucket]] = index
        counts[bucket] += 1
      }
      for position in range { order[position] = moved[position] }
    }
  }

  /// Whether `left` sorts before `right` byte by byte: the simple
  /// comparison that ``order(of:)`` gives the result of.
  package static func precedes(
    _ left: UnsafeBufferPointer<UInt8>, _ right: UnsafeBufferPointer<UInt8>
  ) -> Bool {
    let common = min(left.count, right.count)
    let order =
      common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
    return order != 0 ? order < 0 : left.count < right.count
  }

  @inline(__always)
  private static func bucket(_ string: UnsafeBufferPointer<UInt8>, _ depth: Int) -> Int {
    depth < string.count ? Int(string[depth]) + 1 : 0
  }

  /// How many bytes from `depth` every string of the group shares (the
  /// group has at least two).
  private static func commonPrefix(
    _ group: Slice<UnsafeMutableBufferPointer<Int>>, from depth: Int,
    _ strings: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
  ) -> Int {
    let first = strings[group.first!]
    var shared = first.count - depth
    for index in group.dropFirst() {
      let string = strings[index]
      shared = min(shared, string.count - depth)
      var length = 0
      while length < shared && string[depth + length] == first[depth + length] { length += 1 }
      shared = length
      if shared == 0 { break }
    }
    return shared
  }

  /// Sorts a small group whose strings agree on their first `depth` bytes.
  private static func insertionSort(
    _ order: UnsafeMutableBufferPointer<Int>, _ range: Range<Int>, from depth: Int,
    _ strings: UnsafeBufferPointer<UnsafeBufferPointer<UInt8>>
  ) {
    for position in range.dropFirst() {
      let index = order[position]
      var slot = position
      while slot > range.lowerBound
        && precedes(suffix(strings[index], depth), suffix(strings[order[slot - 1]], depth))
      {
        order[slot] = order[slot - 1]
        slot -= 1
      }
      order[slot] = index
    }
  }

  private static func suffix(_ string: UnsafeBufferPointer<UInt8>, _ depth: Int)
    -> UnsafeBufferPointer<UInt8>
  {
    UnsafeBufferPointer(rebasing: string[depth...])
  }
}
