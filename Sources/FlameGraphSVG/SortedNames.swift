import FlameGraph

/// The name table of the viewer's data block, sorted and front coded: each
/// name is written as how many UTF-16 code units it shares with the name
/// before it and the rest, so the many names that share a namespace or a
/// path cost little more than what tells them apart.
///
/// Written as `"names":{"shared":…,"lengths":…,"text":"…"}`: the shared
/// lengths and the lengths of the rests (compact integers) and the rests
/// joined in one string.
struct SortedNames {
  /// The names in sorted order (by UTF-16 code units, as the viewer
  /// compares them).
  let sorted: [[UInt16]]
  /// For each index of the catalog's name table, its position in `sorted`.
  let position: [Int]

  init(_ names: [String]) {
    let units = names.map { Array($0.utf16) }
    let order = units.indices.sorted { Self.precedes(units[$0], units[$1]) }
    var position = [Int](repeating: 0, count: names.count)
    for (rank, index) in order.enumerated() { position[index] = rank }
    sorted = order.map { units[$0] }
    self.position = position
  }

  /// Whether `left` sorts before `right` by code units: the generic
  /// `lexicographicallyPrecedes`, without its per-element overhead (tens of
  /// thousands of names are sorted per graph).
  static func precedes(_ left: [UInt16], _ right: [UInt16]) -> Bool {
    left.withUnsafeBufferPointer { left in
      right.withUnsafeBufferPointer { right in
        let common = min(left.count, right.count)
        var index = 0
        while index < common {
          if left[index] != right[index] { return left[index] < right[index] }
          index += 1
        }
        return left.count < right.count
      }
    }
  }

  func write(to writer: ByteWriter) {
    var shared: [Int] = []
    var rests: [UInt16] = []
    var lengths: [Int] = []
    shared.reserveCapacity(sorted.count)
    var previous: [UInt16] = []
    for name in sorted {
      var common = 0
      while common < previous.count && common < name.count && previous[common] == name[common] {
        common += 1
      }
      // A rest never starts inside a surrogate pair.
      if common > 0 && (0xD800...0xDBFF).contains(name[common - 1]) { common -= 1 }
      shared.append(common)
      lengths.append(name.count - common)
      rests += name[common...]
      previous = name
    }
    writer.write(",\n\"names\":{\"shared\":")
    writer.writeCompactIntegers(shared)
    writer.write(",\"lengths\":")
    writer.writeCompactIntegers(lengths)
    writer.write(",\n\"text\":")
    writer.writeJSONString(String(decoding: rests, as: UTF16.self), for: .markup)
    writer.write("}")
  }
}
