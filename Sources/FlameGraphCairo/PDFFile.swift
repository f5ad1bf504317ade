/// The structure of a PDF file as Cairo writes it, as far as
/// ``PDFFrameSplicer`` needs it: the cross-reference table, a few
/// dictionaries, the page's content stream; and the file written again
/// with some byte ranges replaced.
///
/// Reads only what it checks: an unexpected structure gives nil.
struct PDFFile {
  /// One in-use entry of the cross-reference table.
  struct Entry {
    var object: Int
    var offset: Int
  }

  /// The page's content stream: where its (compressed) bytes are and where
  /// the digits of its length are.
  struct Content {
    var data: Range<Int>
    var length: Range<Int>
  }

  /// A dictionary's value that the splicer reads.
  enum Value {
    case integer(Int, Range<Int>)
    case reference(Int)
    case name(Range<Int>)
    case references([Int])
    case other
  }

  let bytes: UnsafeBufferPointer<UInt8>
  /// Where the table starts (the `xref` keyword).
  let tableOffset: Int
  /// Where the `startxref` keyword after the trailer is.
  let startxrefOffset: Int
  /// The in-use objects' offsets, by object number.
  let offsets: [Int: Int]
  /// Each in-use entry: where its 10 offset digits are in the file, and
  /// the offset they say.
  let entryDigits: [(entry: Int, objectOffset: Int)]
  /// The trailer's entries.
  let trailer: [String: Value]

  init?(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    // `startxref`, its offset and `%%EOF` end the file.
    let tail = max(0, bytes.count - 64)
    guard let keyword = Self.lastIndex(of: "startxref", in: bytes, from: tail) else { return nil }
    var tokenizer = PDFTokenizer(bytes, at: keyword + 9)
    guard let number = tokenizer.next(), case .number(let value) = number.kind,
      let table = Int(exactly: value), table >= 0, table < keyword,
      Self.starts(with: "xref", in: bytes, at: table)
    else { return nil }
    // The offset's line ends, and `%%EOF` follows: the file is whole.
    var end = number.range.upperBound
    while end < bytes.count && PDFTokenizer.isWhitespace(bytes[end]) { end += 1 }
    guard Self.starts(with: "%%EOF", in: bytes, at: end) else { return nil }
    tableOffset = table
    startxrefOffset = keyword
    // Subsections `first count`, then `count` entries of 20 bytes.
    var position = table + 4
    var offsets: [Int: Int] = [:]
    var entryDigits: [(Int, Int)] = []
    tokenizer = PDFTokenizer(bytes, at: position)
    while true {
      position = tokenizer.position
      guard let first = tokenizer.next() else { return nil }
      if first.kind == .keyword && tokenizer.text(of: first, is: "trailer") { break }
      guard case .number(let start) = first.kind, let firstObject = Int(exactly: start),
        let second = tokenizer.next(), case .number(let size) = second.kind,
        let count = Int(exactly: size), count >= 0, count <= bytes.count / 20
      else { return nil }
      // The entries start after the line's end of line.
      position = tokenizer.position
      while position < bytes.count && (bytes[position] == 0x0D || bytes[position] == 0x0A) {
        position += 1
      }
      guard position + 20 * count <= bytes.count else { return nil }
      for entry in 0..<count {
        let at = position + 20 * entry
        guard let offset = Self.digits(bytes, at, 10), bytes[at + 10] == 0x20,
          Self.digits(bytes, at + 11, 5) != nil, bytes[at + 16] == 0x20
        else { return nil }
        if bytes[at + 17] == UInt8(ascii: "n") {
          guard offset < table else { return nil }
          offsets[firstObject + entry] = offset
          entryDigits.append((at, offset))
        } else if bytes[at + 17] != UInt8(ascii: "f") {
          return nil
        }
      }
      tokenizer.position = position + 20 * count
    }
    self.offsets = offsets
    self.entryDigits = entryDigits
    guard let trailer = Self.dictionary(&tokenizer) else { return nil }
    // An update, a cross-reference stream or encryption: not Cairo's plain file.
    guard trailer["Prev"] == nil, trailer["XRefStm"] == nil, trailer["Encrypt"] == nil,
      tokenizer.position <= keyword
    else { return nil }
    self.trailer = trailer
  }

  /// The one page's content stream, or nil when the file has not exactly
  /// one page with one `/FlateDecode` content stream.
  func pageContent() -> Content? {
    guard case .reference(let root) = trailer["Root"], let catalog = dictionary(object: root),
      case .reference(let pages) = catalog["Pages"], let tree = dictionary(object: pages),
      case .references(let kids) = tree["Kids"], kids.count == 1,
      let page = dictionary(object: kids[0]), case .name(let type) = page["Type"],
      text(type, is: "/Page"), case .reference(let contents) = page["Contents"],
      let start = offsets[contents]
    else { return nil }
    var tokenizer = PDFTokenizer(bytes, at: start)
    guard Self.objectHeader(&tokenizer, contents), let stream = Self.dictionary(&tokenizer),
      case .name(let filter) = stream["Filter"], text(filter, is: "/FlateDecode"),
      stream["DecodeParms"] == nil,
      let keyword = tokenizer.next(), tokenizer.text(of: keyword, is: "stream")
    else { return nil }
    // `stream` is followed by CR LF or LF, then the data.
    var dataStart = keyword.range.upperBound
    if dataStart < bytes.count && bytes[dataStart] == 0x0D { dataStart += 1 }
    guard dataStart < bytes.count, bytes[dataStart] == 0x0A else { return nil }
    dataStart += 1
    let length: Int
    let digits: Range<Int>
    switch stream["Length"] {
    case .integer(let value, let range):
      (length, digits) = (value, range)
    case .reference(let object):
      guard let (value, range) = integerObject(object) else { return nil }
      (length, digits) = (value, range)
    default: return nil
    }
    guard length > 0, dataStart + length <= tableOffset else { return nil }
    // The data ends at `endstream`, after an optional end of line.
    tokenizer.position = dataStart + length
    guard let end = tokenizer.next(), tokenizer.text(of: end, is: "endstream") else { return nil }
    return Content(data: dataStart..<(dataStart + length), length: digits)
  }

  /// The file with each range replaced by its bytes (ranges before the
  /// cross-reference table, not overlapping), the objects' offsets in a
  /// rebuilt table and `startxref` moved to match.
  func rewritten(replacing replacements: [(range: Range<Int>, bytes: [UInt8])]) -> [UInt8]? {
    let sorted = replacements.sorted { $0.range.lowerBound < $1.range.lowerBound }
    for (earlier, later) in zip(sorted, sorted.dropFirst())
    where earlier.range.upperBound > later.range.lowerBound {
      return nil
    }
    guard let last = sorted.last, last.range.upperBound <= tableOffset else { return nil }
    // Where an offset of the old file is in the new one: objects start
    // outside the replaced ranges, so shifting by what was replaced before
    // them is exact.
    func moved(_ offset: Int) -> Int {
      var shift = 0
      for replacement in sorted where replacement.range.upperBound <= offset {
        shift += replacement.bytes.count - replacement.range.count
      }
      return offset + shift
    }
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + sorted.reduce(0) { $0 + $1.bytes.count })
    var copied = 0
    for replacement in sorted {
      output.append(contentsOf: bytes[copied..<replacement.range.lowerBound])
      output.append(contentsOf: replacement.bytes)
      copied = replacement.range.upperBound
    }
    output.append(contentsOf: bytes[copied..<tableOffset])
    let newTable = output.count
    // The table and the trailer, with the entries' offsets moved.
    output.append(contentsOf: bytes[tableOffset..<startxrefOffset])
    for entry in entryDigits {
      let digits = Self.padded(moved(entry.objectOffset), 10)
      guard digits.count == 10 else { return nil }
      let at = newTable + entry.entry - tableOffset
      output.replaceSubrange(at..<(at + 10), with: digits)
    }
    output.append(contentsOf: "startxref\n\(newTable)\n%%EOF\n".utf8)
    return output
  }

  /// The digits of a number left-padded with zeros to `width`.
  static func padded(_ value: Int, _ width: Int) -> [UInt8] {
    let digits = Array(String(value).utf8)
    return [UInt8](repeating: UInt8(ascii: "0"), count: max(0, width - digits.count)) + digits
  }

  /// The dictionary of object `number`, or nil.
  func dictionary(object number: Int) -> [String: Value]? {
    guard let start = offsets[number] else { return nil }
    var tokenizer = PDFTokenizer(bytes, at: start)
    guard Self.objectHeader(&tokenizer, number) else { return nil }
    return Self.dictionary(&tokenizer)
  }

  /// Object `number` when it is a lone non-negative integer: its value and
  /// where its digits are.
  func integerObject(_ number: Int) -> (Int, Range<Int>)? {
    guard let start = offsets[number] else { return nil }
    var tokenizer = PDFTokenizer(bytes, at: start)
    guard Self.objectHeader(&tokenizer, number), let token = tokenizer.next(),
      case .number(let value) = token.kind, let integer = Int(exactly: value), integer >= 0,
      bytes[token.range].allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
      let end = tokenizer.next(), tokenizer.text(of: end, is: "endobj")
    else { return nil }
    return (integer, token.range)
  }

  private func text(_ range: Range<Int>, is expected: String) -> Bool {
    bytes[range].elementsEqual(expected.utf8)
  }

  /// `number 0 obj`.
  static func objectHeader(_ tokenizer: inout PDFTokenizer, _ number: Int) -> Bool {
    guard let object = tokenizer.next(), object.kind == .number(Double(number)),
      let generation = tokenizer.next(), generation.kind == .number(0),
      let keyword = tokenizer.next(), tokenizer.text(of: keyword, is: "obj")
    else { return false }
    return true
  }

  /// A dictionary's top-level entries (nested values are skipped), or nil.
  static func dictionary(_ tokenizer: inout PDFTokenizer) -> [String: Value]? {
    guard let open = tokenizer.next(), open.kind == .dictionaryOpen else { return nil }
    var entries: [String: Value] = [:]
    while true {
      guard let key = tokenizer.next() else { return nil }
      if key.kind == .dictionaryClose { return entries }
      guard key.kind == .name else { return nil }
      let name = String(
        decoding: tokenizer.bytes[(key.range.lowerBound + 1)..<key.range.upperBound], as: UTF8.self)
      guard let value = Self.value(&tokenizer) else { return nil }
      entries[name] = value
    }
  }

  /// One value: an integer, `n 0 R`, a name, an array of references, or
  /// something else skipped whole.
  private static func value(_ tokenizer: inout PDFTokenizer) -> Value? {
    guard let token = tokenizer.next() else { return nil }
    switch token.kind {
    case .number(let value):
      // `n 0 R` or a plain number.
      let saved = tokenizer.position
      if let generation = tokenizer.next(), generation.kind == .number(0),
        let keyword = tokenizer.next(), tokenizer.text(of: keyword, is: "R"),
        let object = Int(exactly: value)
      {
        return .reference(object)
      }
      tokenizer.position = saved
      guard let integer = Int(exactly: value) else { return .other }
      return .integer(integer, token.range)
    case .name: return .name(token.range)
    case .arrayOpen:
      // References are `n 0 R` triples at the array's top level.
      var items: [PDFTokenizer.Token] = []
      var nested = false
      var depth = 1
      while depth > 0 {
        guard let item = tokenizer.next() else { return nil }
        switch item.kind {
        case .arrayOpen, .dictionaryOpen:
          depth += 1
          nested = true
        case .arrayClose, .dictionaryClose: depth -= 1
        default: if depth == 1 { items.append(item) }
        }
      }
      guard !nested, items.count % 3 == 0 else { return .other }
      var references: [Int] = []
      for start in stride(from: 0, to: items.count, by: 3) {
        guard case .number(let value) = items[start].kind, let object = Int(exactly: value),
          items[start + 1].kind == .number(0), tokenizer.text(of: items[start + 2], is: "R")
        else { return .other }
        references.append(object)
      }
      return .references(references)
    case .dictionaryOpen:
      var depth = 1
      while depth > 0 {
        guard let item = tokenizer.next() else { return nil }
        if item.kind == .arrayOpen || item.kind == .dictionaryOpen { depth += 1 }
        if item.kind == .arrayClose || item.kind == .dictionaryClose { depth -= 1 }
      }
      return .other
    case .string, .keyword: return .other
    case .arrayClose, .dictionaryClose: return nil
    }
  }

  /// `count` ASCII digits at `offset` as a number.
  private static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: Int, _ count: Int)
    -> Int?
  {
    var value = 0
    for index in offset..<(offset + count) {
      let byte = bytes[index]
      guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  private static func starts(
    with text: String, in bytes: UnsafeBufferPointer<UInt8>, at offset: Int
  )
    -> Bool
  {
    let expected = Array(text.utf8)
    return offset + expected.count <= bytes.count
      && bytes[offset..<(offset + expected.count)].elementsEqual(expected)
  }

  private static func lastIndex(
    of text: String, in bytes: UnsafeBufferPointer<UInt8>, from start: Int
  ) -> Int? {
    let expected = Array(text.utf8)
    var index = bytes.count - expected.count
    while index >= start {
      if bytes[index..<(index + expected.count)].elementsEqual(expected) { return index }
      index -= 1
    }
    return nil
  }
}
