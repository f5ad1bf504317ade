import FlameGraph
import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraphCairo

/// The splicer on small PDFs made by hand: it splices what is as Cairo
/// writes it, and gives up (nil, for the caller to draw through Cairo) on
/// anything else, never crashing.
@Suite struct PDFFrameSplicerTests {
  /// Markers of a 600 x 400 scene: 300 x 200 and 150 x 100.
  let markers = PDFFrameMarkers(width: 600, height: 400)
  let frames = "0.5 0.25 0.125 rg\n10 20 30 40 re f\n"

  /// Cairo's markers as it prints them on a page flipped by `cm`.
  static let markedContent = """
    1 0 0 -1 0 400 cm
    q
    0.5 0.5 0.5 rg 0 0 600 400 re f
    0.00392157 0.00784314 0.0117647 rg /a0 gs
    0 0 300 200 re f
    0.0117647 0.00784314 0.00392157 rg 0 0 150 100 re f
    0 0 0 rg BT
    12 0 0 -12 13 30 Tm
    /f-0-0 1 Tf
    (main \\(a.py\\))Tj
    ET
    Q
    """

  /// A one-page PDF laid out as Cairo lays it out: the content stream
  /// first, its length as an indirect object, the xref table last.
  static func pdf(
    content: String, compressed: Bool = true, lengthInline: Bool = false,
    contentsArray: Bool = false
  ) -> [UInt8] {
    let data =
      compressed ? PDFFrameSplicer.deflate(Array(content.utf8), level: 6)! : Array(content.utf8)
    var file: [UInt8] = Array("%PDF-1.5\n%\u{b5}\n".utf8)
    var offsets: [Int] = []
    func object(_ body: [UInt8]) {
      offsets.append(file.count)
      file += Array("\(offsets.count) 0 obj\n".utf8) + body + Array("\nendobj\n".utf8)
    }
    let filter = compressed ? "   /Filter /FlateDecode\n" : ""
    let length = lengthInline ? "\(data.count)" : "2 0 R"
    object(
      Array("<< /Length \(length)\n\(filter)>>\nstream\n".utf8) + data + Array("endstream".utf8))
    object(Array("   \(data.count)".utf8))
    let contents = contentsArray ? "[ 1 0 R ]" : "1 0 R"
    object(
      Array(
        "<< /Type /Page % 1\n   /Parent 4 0 R\n   /MediaBox [ 0 0 600 400 ]\n   /Contents \(contents)\n   /Group << /Type /Group /S /Transparency >>\n   /Resources << /ExtGState << /a0 << /CA 1 /ca 1 >> >> /Font << /f-0-0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>\n>>"
          .utf8))
    object(Array("<< /Type /Pages\n   /Kids [ 3 0 R ]\n   /Count 1\n>>".utf8))
    object(Array("<< /Type /Catalog\n   /Pages 4 0 R\n>>".utf8))
    let table = file.count
    file += Array("xref\n0 \(offsets.count + 1)\n0000000000 65535 f \n".utf8)
    for offset in offsets {
      file += PDFFile.padded(offset, 10) + Array(" 00000 n \n".utf8)
    }
    file += Array(
      "trailer\n<< /Size \(offsets.count + 1)\n   /Root 5 0 R\n>>\nstartxref\n\(table)\n%%EOF\n"
        .utf8)
    return file
  }

  func splice(_ pdf: [UInt8]) -> [UInt8]? {
    PDFFrameSplicer(markers: markers).splice(pdf) { mapping, output in
      output += Array(frames.utf8)
      return true
    }
  }

  func content(_ pdf: [UInt8]) -> String? { PDFSplicedFramesTests.pageContent(pdf) }

  @Test func splicesTheFramesInPlaceOfTheMarkers() throws {
    let original = Self.pdf(content: Self.markedContent)
    let spliced = try #require(splice(original))
    let text = try #require(content(spliced))
    #expect(text.contains(frames))
    #expect(!text.contains("300 200 re f"))
    #expect(!text.contains("150 100 re f"))
    // Everything else is where it was: the frames after the background, before the text.
    let background = try #require(text.range(of: "0 0 600 400 re f"))
    let label = try #require(text.range(of: "(main \\(a.py\\))Tj"))
    let inserted = try #require(text.range(of: frames))
    #expect(background.upperBound <= inserted.lowerBound)
    #expect(inserted.upperBound <= label.lowerBound)
    // The rebuilt file reads: every object where the table says.
    spliced.withUnsafeBufferPointer { bytes in
      let file = PDFFile(bytes)
      #expect(file != nil)
      for number in 1...5 { #expect(file?.dictionary(object: number) != nil || number == 2) }
      #expect(file?.integerObject(2) != nil)
    }
  }

  @Test func splicedFileRendersWithoutComplaint() throws {
    let spliced = try #require(splice(Self.pdf(content: Self.markedContent)))
    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
      "\(UUID().uuidString).pdf")
    try Data(spliced).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let run = try PDFSplicedFramesTests.run(["pdftoppm", "-r", "10", "-png", file.path, file.path])
    #expect(run.status == 0)
    #expect(!run.errors.contains("Error"), "\(run.errors)")
    let info = try PDFSplicedFramesTests.run(["pdfinfo", file.path])
    #expect(info.status == 0)
    #expect(!info.errors.contains("Error"), "\(info.errors)")
    try? FileManager.default.removeItem(atPath: file.path + "-1.png")
  }

  @Test func learnsCairosFlipFromTheMarkers() {
    let marked = Self.markedContent.replacingOccurrences(
      of: "0 0 300 200 re f", with: "0 400 300 -200 re f"
    )
    .replacingOccurrences(of: "0 0 150 100 re f", with: "0 400 150 -100 re f")
    var mapping: PDFPageMapping?
    _ = PDFFrameSplicer(markers: markers).splice(Self.pdf(content: marked)) { found, output in
      mapping = found
      return true
    }
    #expect(
      mapping == PDFPageMapping(x: .init(scale: 1, offset: 0), y: .init(scale: -1, offset: 400)))
    // A frame 10 high at y 20 is then 370 to 380 in the content.
    #expect(mapping.map { $0.y.interval(20, 10) } ?? (0, 0) == (370, 10))
  }

  @Test func inlineLengthIsRewrittenToo() throws {
    let spliced = try #require(splice(Self.pdf(content: Self.markedContent, lengthInline: true)))
    #expect(try #require(content(spliced)).contains(frames))
  }

  @Test func givesUpWhenAMarkerIsMissing() {
    let withoutSecond = Self.markedContent.replacingOccurrences(
      of: "0.0117647 0.00784314 0.00392157 rg 0 0 150 100 re f", with: "")
    #expect(splice(Self.pdf(content: withoutSecond)) == nil)
    let withoutFirst = Self.markedContent.replacingOccurrences(
      of: "0.00392157 0.00784314 0.0117647 rg", with: "0.2 0.2 0.2 rg")
    #expect(splice(Self.pdf(content: withoutFirst)) == nil)
  }

  @Test func givesUpWhenAMarkerColorIsUsedTwiceOrOutOfOrder() {
    let twice = Self.markedContent.replacingOccurrences(
      of: "0 0 0 rg BT", with: "0.00392157 0.00784314 0.0117647 rg BT")
    #expect(splice(Self.pdf(content: twice)) == nil)
    let swapped = Self.markedContent.replacingOccurrences(of: "0.00392157", with: "X")
      .replacingOccurrences(of: "0.0117647", with: "0.00392157").replacingOccurrences(
        of: "X", with: "0.0117647")
    #expect(splice(Self.pdf(content: swapped)) == nil)
  }

  @Test func givesUpWhenTheMarkersDoNotMakeOneMapping() {
    let skewed = Self.markedContent.replacingOccurrences(
      of: "0 0 150 100 re f", with: "0 0 140 100 re f")
    #expect(splice(Self.pdf(content: skewed)) == nil)
    let drawnAsAPath = Self.markedContent.replacingOccurrences(
      of: "0 0 150 100 re f", with: "0 0 m 150 0 l 150 100 l 0 100 l h f")
    #expect(splice(Self.pdf(content: drawnAsAPath)) == nil)
  }

  @Test func givesUpOnAnotherStructure() {
    #expect(splice(Self.pdf(content: Self.markedContent, compressed: false)) == nil)
    #expect(splice(Self.pdf(content: Self.markedContent, contentsArray: true)) == nil)
    #expect(
      splice(Self.pdf(content: Self.markedContent + "\nBI /W 1 /H 1 ID \u{1}\u{2} EI")) == nil)
    #expect(splice(Array("not a PDF at all".utf8)) == nil)
    #expect(splice([]) == nil)
    // An update appended to the file (a second table pointing back).
    var updated = Self.pdf(content: Self.markedContent)
    let text = String(decoding: updated, as: UTF8.self)
    updated = Array(text.replacingOccurrences(of: "/Root 5 0 R", with: "/Root 5 0 R /Prev 9").utf8)
    #expect(splice(updated) == nil)
  }

  @Test func neverCrashesOnDamagedFiles() {
    let original = Self.pdf(content: Self.markedContent)
    // Every truncation (but of the last end of line, which the file does without).
    for length in 0..<(original.count - 1) {
      #expect(splice(Array(original[..<length])) == nil)
    }
    // Random bytes overwritten: nil, or a file that still has the frames.
    var random = SeededRandom(seed: 42)
    for _ in 0..<3_000 {
      var damaged = original
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(
          in: 0...255, using: &random)
      }
      if let spliced = splice(damaged) {
        #expect(content(spliced)?.contains(frames) == true)
      }
    }
  }

  @Test func framesThatCannotBeWrittenMakeItGiveUp() {
    let result = PDFFrameSplicer(markers: markers).splice(Self.pdf(content: Self.markedContent)) {
      _, _ in false
    }
    #expect(result == nil)
  }
}
