import FlameGraph
import FlameGraphSVG
import Foundation
import Testing

/// The interactive SVG is the static one plus a style sheet, controls, a
/// data block and a script; what runs in a browser is tested by
/// Tests/Browser.
@Suite struct InteractiveSVGTests {
  static func render(_ folded: String, _ configure: (inout Options) -> Void = { _ in }) throws
    -> (scene: Scene, text: String)
  {
    var options = Options()
    configure(&options)
    let profile = try Profile(folded: folded, options: options)
    let (scene, viewer) = FlameGraphLayout(options: options).sceneWithViewer(for: profile)
    return (scene, String(decoding: try SVGRenderer(viewer: viewer).render(scene), as: UTF8.self))
  }

  /// The text between two markers.
  static func section(_ text: String, from start: String, to end: String) throws -> Substring {
    let lower = try #require(text.range(of: start))
    let upper = try #require(text.range(of: end, range: lower.upperBound..<text.endIndex))
    return text[lower.upperBound..<upper.lowerBound]
  }

  /// The decoded data block.
  static func data(_ text: String) throws -> [String: Any] {
    let json = try section(
      text, from: "<script type=\"application/json\" id=\"fg-data\">", to: "</script>")
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8))
    return try #require(object as? [String: Any])
  }

  static let folded = "main;parse;read 3\nmain;render 1\nmain;parse 2\n"

  @Test func staticDocumentsHaveNoScriptStyleOrData() throws {
    let text = try Self.render(Self.folded) { $0.interactive = false }.text
    for part in ["<script", "<style", "foreignObject", "fg-", "class="] {
      #expect(!text.contains(part), "\(part)")
    }
  }

  @Test func framesAreWrittenAsInStaticDocuments() throws {
    let interactive = try Self.render(Self.folded).text
    let plain = try Self.render(Self.folded) { $0.interactive = false }.text
    let frames = { (text: String) in
      try Self.section(text, from: "<g id=\"frames\">", to: "</g>\n</g>\n")
    }
    #expect(try frames(interactive) == frames(plain))
  }

  @Test func theDataBlockDescribesTheFrames() throws {
    let (scene, text) = try Self.render(Self.folded)
    let data = try Self.data(text)
    #expect(data["version"] as? Int == 1)
    #expect(data["total"] as? Double == 6)
    let frames = try #require(data["frames"] as? [String: [Double]])
    #expect(frames["parent"] == scene.frames.map { Double($0.parent) })
    #expect(frames["total"] == scene.frames.map(\.total))
    let names = try #require(data["names"] as? [String])
    #expect(frames["name"]!.map { names[Int($0)] } == scene.frames.map(\.name))
    let layout = try #require(data["layout"] as? [String: Any])
    #expect(layout["characterWidth"] as? Double == 0.6)
    #expect(layout["labelPadding"] as? Double == scene.geometry.labelPadding)
    let baseline = try #require(layout["labelBaseline"] as? Double)
    #expect(abs(baseline - (scene.frames[0].label!.y - scene.frames[0].y)) < 1e-9)
    #expect(layout["truncation"] as? String == "keepEnd")
    #expect(layout["ellipsis"] as? String == "\u{2026}")
  }

  @Test func countsAreWrittenExactly() throws {
    // Fractional counts must read back as the same doubles: the script
    // redoes the layout's arithmetic with them.
    let (scene, text) = try Self.render("a;b 0.1\na;c 0.2\na 0.30000000000000004\n") {
      $0.factor = 3
    }
    // Read with Swift's parser: Foundation's JSON reader on Linux rounds
    // some numbers differently from browsers, which read them exactly.
    let totals = try Self.section(text, from: "\n\"total\":[", to: "]")
    #expect(totals.split(separator: ",").map { Double($0) } == scene.frames.map(\.total))
  }

  @Test func theDataBlockHoldsNoMarkupWhateverTheNames() throws {
    let hostile = [
      "</script><script>alert(1)</script>", "<img src=x onerror=alert(1)>", "]]>", "a & b",
      "say \"hi\"", "back\\slash", "x\u{01}y", "it's",
    ]
    let folded = hostile.map { "main;\($0) 1" }.joined(separator: "\n")
    let text = try Self.render(folded).text
    let json = try Self.section(
      text, from: "<script type=\"application/json\" id=\"fg-data\">", to: "</script>")
    for character in ["<", ">", "&"] { #expect(!json.contains(character)) }
    let names = try #require(try Self.data(text)["names"] as? [String])
    for name in hostile {
      #expect(names.contains(name.replacingOccurrences(of: "\u{01}", with: "\u{FFFD}")))
    }
  }

  @Test func scriptAndStyleAreTheResourceFiles() throws {
    let text = try Self.render(Self.folded).text
    let resources = RepositoryPaths.root.appendingPathComponent("Sources/FlameGraphSVG/Resources")
    // The pattern matcher first, then the viewer that uses it.
    let script =
      try String(contentsOf: resources.appendingPathComponent("linear-regex.js"), encoding: .utf8)
      + String(contentsOf: resources.appendingPathComponent("flamegraph.js"), encoding: .utf8)
    let style = try String(
      contentsOf: resources.appendingPathComponent("flamegraph.css"), encoding: .utf8)
    #expect(
      try Self.section(
        text, from: "<script type=\"text/ecmascript\"><![CDATA[\n", to: "]]></script>")
        == script[...])
    #expect(
      try Self.section(text, from: "<style type=\"text/css\"><![CDATA[\n", to: "]]></style>")
        == style[...])
    for source in [script, style] {
      #expect(!source.contains("]]>"))
      #expect(!source.contains("innerHTML"))
      #expect(!source.contains("http"))
    }
    // Search never goes through the browser's backtracking RegExp.
    #expect(!script.contains("RegExp("))
  }

  @Test func controlsArePlacedFromTheScene() throws {
    let (scene, text) = try Self.render(Self.folded) { $0.imageWidth = 900 }
    let document = try SVGDocument(bytes: Array(text.utf8))
    let element = { (id: String) in
      try #require(document.elements.first { $0.attributes["id"] == id })
    }
    #expect(try element("search").attributes["x"] == "890")
    #expect(try element("search").attributes["y"] == "24")
    #expect(try element("unzoom").attributes["x"] == "10")
    #expect(try element("matched").attributes["y"] == (try element("details").attributes["y"]))
    // The canvas covers the rows of frames.
    let view = try element("fg-view")
    let top = scene.frames.map(\.y).min()!
    let bottom = scene.frames.map { $0.y + $0.height }.max()!
    #expect(Double(view.attributes["y"]!)! == top)
    #expect(abs(Double(view.attributes["height"]!)! - (bottom - top)) < 0.01)
  }
}
