/// Cheap tests on the first bytes of an input, for telling JSON profile
/// formats apart without parsing: the first significant byte, and whether a
/// key or a text occurs.
///
/// They look at bytes only, so a key split by the end of the head, or
/// written with escapes, is not seen: detection then falls through to the
/// next format, and naming the format explicitly still works.
enum JSONHead {
  /// The position of the first byte that is not a UTF-8 byte order mark or
  /// JSON whitespace, or nil when there is none.
  static func firstSignificantIndex(_ head: ArraySlice<UInt8>, from start: Int? = nil) -> Int? {
    var index = start ?? head.startIndex
    if start == nil, head.count >= 3, head[index] == 0xEF, head[index + 1] == 0xBB,
      head[index + 2] == 0xBF
    {
      index += 3
    }
    while index < head.endIndex {
      switch head[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return index
      }
    }
    return nil
  }

  /// The first byte that is not a byte order mark or whitespace.
  static func firstSignificantByte(_ head: ArraySlice<UInt8>) -> UInt8? {
    firstSignificantIndex(head).map { head[$0] }
  }

  /// Whether `"key"` occurs followed by optional whitespace and a colon:
  /// the key of an object member, not a string value.
  static func containsKey(_ head: ArraySlice<UInt8>, _ key: String) -> Bool {
    let quoted = Array("\"\(key)\"".utf8)
    var from = head.startIndex
    while let found = firstIndex(of: quoted, in: head, from: from) {
      if let next = firstSignificantIndex(head, from: found + quoted.count),
        head[next] == UInt8(ascii: ":")
      {
        return true
      }
      from = found + 1
    }
    return false
  }

  /// Whether the bytes of `text` occur.
  static func contains(_ head: ArraySlice<UInt8>, _ text: String) -> Bool {
    firstIndex(of: Array(text.utf8), in: head, from: head.startIndex) != nil
  }

  private static func firstIndex(of needle: [UInt8], in head: ArraySlice<UInt8>, from: Int)
    -> Int?
  {
    guard let first = needle.first, head.endIndex - from >= needle.count else { return nil }
    var index = from
    let last = head.endIndex - needle.count
    while index <= last {
      if head[index] == first && head[index..<index + needle.count].elementsEqual(needle) {
        return index
      }
      index += 1
    }
    return nil
  }
}
