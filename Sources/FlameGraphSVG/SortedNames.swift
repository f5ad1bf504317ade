import FlameGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

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
  enum Sorted {
    /// As bytes, when every name is ASCII (the usual table): byte order is
    /// code unit order, and a byte is a code unit, so sorting and front
    /// coding skip the UTF-16 copies.
    case bytes([[UInt8]])
    /// As UTF-16 code units.
    case codeUnits([[UInt16]])
  }

  let sorted: Sorted
  /// For each index of the catalog's name table, its position in `sorted`.
  let position: [Int]

  /// The table of `names`; `usesBytes: false` takes the code unit path
  /// whatever the names (tests compare both).
  init(_ names: [String], usesBytes: Bool = true) {
    let bytes = names.map { Array($0.utf8) }
    let order: [Int]
    if usesBytes && bytes.allSatisfy({ name in name.allSatisfy { $0 < 0x80 } }) {
      order = Self.byteOrder(bytes)
      sorted = .bytes(order.map { bytes[$0] })
    } else {
      let units = names.map { Array($0.utf16) }
      order = units.indices.sorted { Self.precedes(units[$0], units[$1]) }
      sorted = .codeUnits(order.map { units[$0] })
    }
    var position = [Int](repeating: 0, count: names.count)
    for (rank, index) in order.enumerated() { position[index] = rank }
    self.position = position
  }

  /// The indices of `names` in byte order, as ``precedes(_:_:)`` orders
  /// them: the names copied into one buffer and compared with `memcmp`
  /// (unsigned bytes, then the shorter first), so a comparison touches no
  /// array's reference count.
  static func byteOrder(_ names: [[UInt8]]) -> [Int] {
    var flat: [UInt8] = []
    flat.reserveCapacity(names.reduce(0) { $0 + $1.count })
    var starts: [Int] = [0]
    starts.reserveCapacity(names.count + 1)
    for name in names {
      flat += name
      starts.append(flat.count)
    }
    return flat.withUnsafeBufferPointer { flat in
      starts.withUnsafeBufferPointer { starts in
        // A valid pointer even when every name is empty.
        let base = flat.baseAddress ?? UnsafePointer(bitPattern: 1)!
        return names.indices.sorted { left, right in
          let leftCount = starts[left + 1] - starts[left]
          let rightCount = starts[right + 1] - starts[right]
          let common = min(leftCount, rightCount)
          let order = common == 0 ? 0 : memcmp(base + starts[left], base + starts[right], common)
          return order != 0 ? order < 0 : leftCount < rightCount
        }
      }
    }
  }

  /// Whether `left` sorts before `right` element by element: the generic
  /// `lexicographicallyPrecedes`, without its per-element overhead (tens of
  /// thousands of names are sorted per graph).
  static func precedes<Unit: FixedWidthInteger>(_ left: [Unit], _ right: [Unit]) -> Bool {
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
    let (shared, lengths, text) =
      switch sorted {
      case .bytes(let names): Self.frontCoded(names, text: { String(decoding: $0, as: UTF8.self) })
      case .codeUnits(let names):
        Self.frontCoded(names, text: { String(decoding: $0, as: UTF16.self) })
      }
    writer.write(",\n\"names\":{\"shared\":")
    writer.writeCompactIntegers(shared)
    writer.write(",\"lengths\":")
    writer.writeCompactIntegers(lengths)
    writer.write(",\n\"text\":")
    writer.writeJSONString(text, for: .markup)
    writer.write("}")
  }

  /// Each name as the length it shares with the name before it and the
  /// length of its rest, and the rests joined, in code units. A rest never
  /// starts inside a surrogate pair (ASCII has none).
  static func frontCoded<Unit: FixedWidthInteger>(
    _ names: [[Unit]], text: ([Unit]) -> String
  ) -> (shared: [Int], lengths: [Int], text: String) {
    var shared: [Int] = []
    var lengths: [Int] = []
    var rests: [Unit] = []
    shared.reserveCapacity(names.count)
    lengths.reserveCapacity(names.count)
    var previous: [Unit] = []
    for name in names {
      var common = 0
      name.withUnsafeBufferPointer { name in
        previous.withUnsafeBufferPointer { previous in
          while common < previous.count && common < name.count && previous[common] == name[common] {
            common += 1
          }
        }
      }
      if Unit.bitWidth == 16 && common > 0 && (0xD800...0xDBFF).contains(Int(name[common - 1])) {
        common -= 1
      }
      shared.append(common)
      lengths.append(name.count - common)
      rests += name[common...]
      previous = name
    }
    return (shared, lengths, text(rests))
  }
}
