import FlameGraph
import FlameGraphSVG
import Testing

/// Frames thinner than a pixel, most of a large profile's: in an
/// interactive SVG they are bare rectangles, with the same picture as the
/// static document, and the data block still names them for the viewer.
@Suite("Thin frames of an interactive SVG")
struct ThinFrameTests {
  /// 2,000 one-sample callees of `main` (0.3 px each at the default
  /// width) beside one callee as wide as all of them.
  static let folded =
    (0..<2000).map { "main;thin_\($0) 1\n" }.joined() + "main;wide 2000\n"

  /// The document the `svg` format writes, as the command writes it.
  static func document(_ configure: (inout Options) -> Void = { _ in }) throws -> String {
    var options = Options()
    configure(&options)
    let profile = try Profile(folded: folded, options: options)
    let writer = ByteWriter()
    try SVGRenderer.backend.write(profile, options: options, to: writer)
    writer.flush()
    return String(decoding: writer.collected, as: UTF8.self)
  }

  /// The lines of the frames group: one frame a line.
  static func frameLines(_ document: String) throws -> [Substring] {
    let frames = try InteractiveSVGTests.section(
      document, from: "<g id=\"frames\">\n", to: "</g>\n</g>\n")
    return frames.split(separator: "\n")
  }

  /// A frame's rectangle, as written: `<rect x=... fill=.../>`.
  static func rect(_ line: Substring) throws -> Substring {
    let start = try #require(line.range(of: "<rect"))
    let end = try #require(line.range(of: "/>", range: start.upperBound..<line.endIndex))
    return line[start.lowerBound..<end.upperBound]
  }

  static func width(_ rect: Substring) throws -> Double {
    let start = try #require(rect.range(of: "width=\""))
    let end = try #require(rect[start.upperBound...].firstIndex(of: "\""))
    return try #require(Double(rect[start.upperBound..<end]))
  }

  @Test func thinFramesAreBareRectanglesAndWideOnesKeepTheirTooltips() throws {
    let lines = try Self.frameLines(try Self.document())
    #expect(lines.count == 2003)
    let bare = lines.filter { $0.hasPrefix("<rect") }
    #expect(bare.count == 2000)
    for line in bare {
      #expect(try Self.width(line) < SVGRenderer.bareFrameWidth)
      #expect(!line.contains("<title>"))
    }
    let titled = lines.filter { $0.hasPrefix("<g><title>") }
    #expect(titled.count == 3)
    #expect(titled.contains { $0.contains("<title>wide (2,000 samples, 50.00%)</title>") })
    for line in titled { #expect(try Self.width(try Self.rect(line)) >= 1) }
    // Still well-formed XML.
    _ = try SVGDocument(bytes: Array(try Self.document().utf8))
  }

  @Test func thePictureIsTheStaticDocumentsWhichKeepsEveryTooltip() throws {
    let interactive = try Self.frameLines(try Self.document())
    let staticLines = try Self.frameLines(try Self.document { $0.interactive = false })
    #expect(staticLines.allSatisfy { $0.hasPrefix("<g><title>") })
    #expect(staticLines.count == 2003)
    #expect(
      try interactive.map(Self.rect) == staticLines.map(Self.rect),
      "the same rectangles, in the same order, with the same fills")
  }

  @Test func theDataBlockStillNamesEveryThinFrame() throws {
    let names = try InteractiveSVGTests.names(try InteractiveSVGTests.data(try Self.document()))
    for index in [0, 999, 1999] { #expect(names.contains("thin_\(index)")) }
  }

  @Test func aThinFrameWithAttributesKeepsItsElementAndTitle() throws {
    let document = try Self.document {
      $0.frameAttributes = FrameAttributeMap(parsing: "thin_7\tclass=hot\ttitle=seven\n")
    }
    let lines = try Self.frameLines(document)
    let line = try #require(lines.first { $0.contains("class=\"hot\"") })
    #expect(line.hasPrefix("<g class=\"hot\"><title>seven</title><rect"))
    #expect(lines.filter { $0.hasPrefix("<rect") }.count == 1999)
  }

  @Test func aThinFrameWhoseCalleeTheTrimCutsStaysBare() throws {
    // `--fit auto` ends the rows at `wide`, the deepest labelled frame:
    // each thin frame's callee is cut, a note a tooltip would get and a
    // bare rect cannot.
    var options = Options()
    options.canvasFit = .auto
    let folded =
      (0..<2000).map { "main;thin_\($0);deeper 1\n" }.joined() + "main;wide 2000\n"
    let profile = try Profile(folded: folded, options: options)
    let writer = ByteWriter()
    try SVGRenderer.backend.write(profile, options: options, to: writer)
    writer.flush()
    let lines = try Self.frameLines(String(decoding: writer.collected, as: UTF8.self))
    #expect(lines.count == 2003)
    #expect(lines.filter { $0.hasPrefix("<rect") }.count == 2000)
    #expect(!lines.contains { $0.contains("deeper frame") })
  }

  @Test func layoutAloneStillGivesEveryBoxItsTooltip() throws {
    // A library user who lays out without a format gets every tooltip.
    let profile = try Profile(folded: Self.folded)
    let scene = FlameGraphLayout(options: Options()).scene(for: profile)
    #expect(scene.frames.count == 2003)
    #expect(scene.frames.allSatisfy { !$0.tooltip.isEmpty })
  }
}
