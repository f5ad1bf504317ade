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
  enum Sorted {
    /// As bytes, when every name is ASCII (the usual table): byte order is
    /// code unit order, and a byte is a code unit, so sorting and front
    /// coding skip the UTF-16 copies.
    case bytes(ByteNames)
    /// As UTF-16 code units.
    case codeUnits([[UInt16]])
  }

  /// Names as one buffer of bytes: name `i` of `order` is
  /// `bytes[starts[order[i]]..<starts[order[i] + 1]]`, so no name is an
  /// array of its own.
  struct ByteNames {
    var bytes: [UInt8]
    /// One more than there are names: where each starts, then the end.
    var starts: [Int]
    /// The indices of the names in sorted order.
    var order: [Int]

    var count: Int { order.count }
    var isEmpty: Bool { order.isEmpty }
  }

  let sorted: Sorted
  /// For each index of the catalog's name table, its position in `sorted`.
  let position: [Int]

  /// The table of `names`; `usesBytes: false` takes the code unit path
  /// whatever the names (tests compare both).
  init(_ names: [String], usesBytes: Bool = true) {
    let order: [Int]
    if usesBytes, let table = Self.asciiTable(names) {
      order = table.order
      sorted = .bytes(table)
    } else {
      let units = names.map { Array($0.utf16) }
      order = units.indices.sorted { Self.precedes(units[$0], units[$1]) }
      sorted = .codeUnits(order.map { units[$0] })
    }
    var position = [Int](repeating: 0, count: names.count)
    for (rank, index) in order.enumerated() { position[index] = rank }
    self.position = position
  }

  /// The names as bytes in byte order, or nil when one is not ASCII.
  static func asciiTable(_ names: [String]) -> ByteNames? {
    var bytes: [UInt8] = []
    var starts: [Int] = [0]
    starts.reserveCapacity(names.count + 1)
    var isASCII = true
    for var name in names {
      name.withUTF8 { name in
        bytes.append(contentsOf: name)
        for byte in name where byte >= 0x80 { isASCII = false }
      }
      starts.append(bytes.count)
    }
    guard isASCII else { return nil }
    return ByteNames(bytes: bytes, starts: starts, order: byteOrder(bytes, starts: starts))
  }

  /// The indices of the names `bytes[starts[i]..<starts[i + 1]]` in byte
  /// order, as ``precedes(_:_:)`` orders them (unsigned bytes, then the
  /// shorter first; equal names by index).
  static func byteOrder(_ bytes: [UInt8], starts: [Int]) -> [Int] {
    bytes.withUnsafeBufferPointer { bytes in
      // A valid address even when every name is empty.
      let base = bytes.baseAddress ?? UnsafePointer(bitPattern: 1)!
      // The buffers point into `bytes`, valid for the whole sort.
      let names = starts.indices.dropLast().map {
        UnsafeBufferPointer(start: base + starts[$0], count: starts[$0 + 1] - starts[$0])
      }
      return ByteStringOrder.order(of: names)
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
      case .bytes(let names):
        Self.frontCoded(names)
      case .codeUnits(let names):
        Self.frontCoded(names, text: { Array(String(decoding: $0, as: UTF16.self).utf8) })
      }
    writer.write(",\n\"names\":{\"shared\":")
    writer.writeCompactIntegers(shared)
    writer.write(",\"lengths\":")
    writer.writeCompactIntegers(lengths)
    writer.write(",\n\"text\":")
    text.withUnsafeBufferPointer { writer.writeJSONString(utf8: $0, for: .markup) }
    writer.write("}")
  }

  /// ``frontCoded(_:text:)`` of byte names, read in place from their
  /// buffer: the rests joined are the text's UTF-8 (ASCII) bytes.
  static func frontCoded(_ names: ByteNames) -> (shared: [Int], lengths: [Int], text: [UInt8]) {
    var shared: [Int] = []
    var lengths: [Int] = []
    var rests: [UInt8] = []
    shared.reserveCapacity(names.count)
    lengths.reserveCapacity(names.count)
    names.bytes.withUnsafeBufferPointer { bytes in
      var previous = 0..<0
      for index in names.order {
        let name = names.starts[index]..<names.starts[index + 1]
        var common = 0
        while common < previous.count && common < name.count
          && bytes[previous.lowerBound + common] == bytes[name.lowerBound + common]
        {
          common += 1
        }
        shared.append(common)
        lengths.append(name.count - common)
        rests += UnsafeBufferPointer(rebasing: bytes[(name.lowerBound + common)..<name.upperBound])
        previous = name
      }
    }
    return (shared, lengths, rests)
  }

  /// Each name as the length it shares with the name before it and the
  /// length of its rest, and the rests joined, in code units. A rest never
  /// starts inside a surrogate pair (ASCII has none).
  static func frontCoded<Unit: FixedWidthInteger>(
    _ names: [[Unit]], text: ([Unit]) -> [UInt8]
  ) -> (shared: [Int], lengths: [Int], text: [UInt8]) {
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
