import CCairo
import FlameGraph

/// Puts a scene's frames into a one-page PDF that Cairo drew with
/// ``PDFFrameMarkers`` in their place: Cairo keeps drawing everything else
/// (background, gradient, texts and fonts, legend, links), and the frames,
/// most of a large graph's page, are written by ``PDFFrameContent`` at a
/// small part of what Cairo's number printing and compression cost.
///
/// It reads the file as Cairo 1.16 writes it: a classic cross-reference
/// table (no `/Prev`, no encryption), one page whose `/Contents` is one
/// `/FlateDecode` stream, its `/Length` direct or an indirect integer. It
/// inflates the content, finds each marker (`r g b rg`, any `/name gs`,
/// then `x y w h re f`), learns the page mapping from the marker's numbers,
/// replaces the first marker's rectangle with the frames and drops the
/// second's, deflates the content again and writes the file back with the
/// objects after it moved and a rebuilt cross-reference table.
///
/// Anything else than what is expected makes ``splice(_:frames:)`` return
/// nil, never guess: the caller then draws the frames through Cairo.
struct PDFFrameSplicer {
  let markers: PDFFrameMarkers
  /// How hard the new content is compressed (zlib's 1 to 9): a large
  /// graph's frames compress about as well at a low level, in a fraction
  /// of the time.
  var compressionLevel: Int32 = 1

  /// The PDF with the marker replaced by what `frames` appends for the
  /// mapping found, or nil when the file is not as expected (or `frames`
  /// returns false).
  func splice(
    _ pdf: [UInt8], frames: (PDFPageMapping, inout [UInt8]) -> Bool
  ) -> [UInt8]? {
    pdf.withUnsafeBufferPointer { bytes in
      guard let file = PDFFile(bytes), let content = file.pageContent(),
        let inflated = Self.inflate(UnsafeBufferPointer(rebasing: bytes[content.data]))
      else { return nil }
      guard let newContent = spliceContent(inflated, frames: frames),
        let compressed = Self.deflate(newContent, level: compressionLevel)
      else { return nil }
      var replacements = [(range: content.data, bytes: compressed)]
      replacements.append((content.length, Array(String(compressed.count).utf8)))
      return file.rewritten(replacing: replacements)
    }
  }

  /// The content with the markers' rectangles replaced, or nil.
  func spliceContent(
    _ content: [UInt8], frames: (PDFPageMapping, inout [UInt8]) -> Bool
  ) -> [UInt8]? {
    content.withUnsafeBufferPointer { bytes -> [UInt8]? in
      guard let found = findMarkers(bytes) else { return nil }
      let first = found.first
      let second = found.second
      let tolerance = 1e-3 + 1e-6 * max(markers.first.width, markers.first.height)
      guard
        let x = PDFPageMapping.Axis(
          length: markers.first.width, start: first.numbers[0], size: first.numbers[2],
          halfStart: second.numbers[0], halfSize: second.numbers[2], tolerance: tolerance),
        let y = PDFPageMapping.Axis(
          length: markers.first.height, start: first.numbers[1], size: first.numbers[3],
          halfStart: second.numbers[1], halfSize: second.numbers[3], tolerance: tolerance)
      else { return nil }
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count + 64)
      output.append(contentsOf: bytes[..<first.range.lowerBound])
      output.append(UInt8(ascii: "\n"))
      guard frames(PDFPageMapping(x: x, y: y), &output) else { return nil }
      output.append(contentsOf: bytes[first.range.upperBound..<second.range.lowerBound])
      output.append(contentsOf: bytes[second.range.upperBound...])
      return output
    }
  }

  /// Where a marker's `x y w h re f` is in the content, and its four numbers.
  struct FoundMarker {
    var range: Range<Int>
    var numbers: [Double]
  }

  /// Both markers, each found exactly once and in order, or nil.
  func findMarkers(_ bytes: UnsafeBufferPointer<UInt8>) -> (
    first: FoundMarker, second: FoundMarker
  )? {
    var tokenizer = PDFTokenizer(bytes)
    var first: FoundMarker? = nil
    var second: FoundMarker? = nil
    // The last three numbers before the current token.
    var recent: [Double] = []
    while let token = tokenizer.next() {
      guard case .keyword = token.kind else {
        if case .number(let value) = token.kind {
          if recent.count == 3 { recent.removeFirst() }
          recent.append(value)
        } else {
          recent.removeAll()
        }
        continue
      }
      defer { recent.removeAll() }
      guard tokenizer.text(of: token, is: "rg"), recent.count == 3 else { continue }
      let isFirst = Self.matches(recent, markers.first.color)
      let isSecond = Self.matches(recent, markers.second.color)
      guard isFirst || isSecond else { continue }
      // A marker color used twice, or the second before the first: not ours.
      guard isFirst ? first == nil : (first != nil && second == nil),
        let marker = Self.rectangleFill(after: &tokenizer)
      else { return nil }
      if isFirst { first = marker } else { second = marker }
    }
    guard !tokenizer.failed, let first, let second else { return nil }
    return (first, second)
  }

  /// Whether `channels` are `color` as Cairo prints it (6 decimals).
  static func matches(_ channels: [Double], _ color: RGBColor) -> Bool {
    let expected = [color.red, color.green, color.blue].map { Double($0) / 255 }
    return zip(channels, expected).allSatisfy { ($0 - $1).magnitude < 1e-5 }
  }

  /// After a marker's `rg`: any `/name gs`, then `x y w h re f`.
  static func rectangleFill(after tokenizer: inout PDFTokenizer) -> FoundMarker? {
    var token = tokenizer.next()
    while let name = token, name.kind == .name {
      guard let operation = tokenizer.next(), operation.kind == .keyword,
        tokenizer.text(of: operation, is: "gs")
      else { return nil }
      token = tokenizer.next()
    }
    var numbers: [Double] = []
    var start = 0
    while let number = token, case .number(let value) = number.kind, numbers.count < 4 {
      if numbers.isEmpty { start = number.range.lowerBound }
      numbers.append(value)
      token = tokenizer.next()
    }
    guard numbers.count == 4, let rectangle = token, rectangle.kind == .keyword,
      tokenizer.text(of: rectangle, is: "re"), let fill = tokenizer.next(),
      fill.kind == .keyword, tokenizer.text(of: fill, is: "f")
    else { return nil }
    return FoundMarker(range: start..<fill.range.upperBound, numbers: numbers)
  }

  /// A zlib stream inflated, or nil when it is not a whole valid one.
  static func inflate(_ data: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
    guard !data.isEmpty else { return nil }
    return try? InflateStream.decompress(Array(data), container: .zlib, name: "PDF content")
  }

  /// `data` as a zlib stream, or nil if zlib fails.
  static func deflate(_ data: [UInt8], level: Int32) -> [UInt8]? {
    var size = compressBound(uLong(data.count))
    var output = [UInt8](repeating: 0, count: Int(size))
    let status = output.withUnsafeMutableBufferPointer { target in
      data.withUnsafeBufferPointer { source in
        compress2(target.baseAddress, &size, source.baseAddress, uLong(source.count), level)
      }
    }
    guard status == Z_OK else { return nil }
    output.removeLast(output.count - Int(size))
    return output
  }
}
