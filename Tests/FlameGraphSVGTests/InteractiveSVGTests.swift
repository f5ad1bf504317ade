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
    return (
      scene, String(decoding: try SVGRenderer(viewer: viewer).render(scene), as: UTF8.self)
    )
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

  /// The integers of a compact string: base-30 leading digits and a base-57
  /// final one, from printable ASCII without `"`, `\`, `&`, `<`, `>`, `]`.
  static func compact(_ text: String) -> [Int] {
    let alphabet = (0x23...0x7E).filter { !"&<>\\]".utf8.contains(UInt8($0)) }
    var values: [Int] = []
    var value = 0
    for unit in text.utf8 {
      let digit = alphabet.firstIndex(of: Int(unit))!
      if digit >= 57 {
        value = value * 30 + digit - 57
      } else {
        values.append(value * 57 + digit)
        value = 0
      }
    }
    return values
  }

  /// The name table of a data block: front coded, sorted.
  static func names(_ data: [String: Any]) throws -> [String] {
    let table = try #require(data["names"] as? [String: String])
    let text = Array(table["text"]!.utf16)
    var names: [String] = []
    var previous: [UInt16] = []
    var offset = 0
    for (shared, length) in zip(compact(table["shared"]!), compact(table["lengths"]!)) {
      previous = Array(previous[..<shared]) + text[offset..<offset + length]
      offset += length
      names.append(String(decoding: previous, as: UTF16.self))
    }
    return names
  }

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
    #expect(data["version"] as? Int == 2)
    #expect(data["total"] as? Double == 6)
    let frames = try #require(data["frames"] as? [String: String])
    // Depth steps: a first child is 0, a sibling 1, a parent's sibling 2...
    let depths: [Int] = scene.frames.map(\.depth)
    let steps: [Int] = depths.indices.map { $0 == 0 ? 0 : depths[$0 - 1] + 1 - depths[$0] }
    #expect(Self.compact(frames["up"]!) == steps)
    // What each frame holds beyond its drawn children.
    #expect(Self.compact(frames["residual"]!) == [0, 0, 2, 3, 1])
    #expect(scene.frames.map(\.total) == [6, 6, 5, 3, 1])
    let names = try Self.names(data)
    #expect(names == names.sorted { Array($0.utf16).lexicographicallyPrecedes(Array($1.utf16)) })
    #expect(Self.compact(frames["name"]!).map { names[$0] } == scene.frames.map(\.name))
    #expect(frames["fills"]!.utf8.count == 4 * scene.frames.count)
    let layout = try #require(data["layout"] as? [String: Any])
    #expect(layout["characterWidth"] as? Double == 0.6)
    #expect(layout["labelPadding"] as? Double == LabelFitter.padding)
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
    let names = try Self.names(try Self.data(text))
    for name in hostile {
      #expect(names.contains(name.replacingOccurrences(of: "\u{01}", with: "\u{FFFD}")))
    }
  }

  @Test func scriptAndStyleAreTheResourceFiles() throws {
    let text = try Self.render(Self.folded).text
    let resources = RepositoryPaths.root.appendingPathComponent("Sources/FlameGraphSVG/Resources")
    // The pattern matcher first, then the viewer's modules in one function,
    // without their comments, blank lines and indentation.
    let files = [
      "linear-regex.js", "viewer-state.js", "viewer-model.js", "viewer-abbreviation.js",
      "viewer-layout.js", "viewer-drawing.js", "viewer-search.js", "viewer-views.js",
      "viewer-controls.js",
    ]
    let sources = try files.map {
      try String(contentsOf: resources.appendingPathComponent($0), encoding: .utf8)
    }
    let script = sources.joined(separator: "\n")
    let code = { (source: String) -> [String] in
      var inComment = false
      return source.split(separator: "\n").compactMap { line -> String? in
        let text = line.drop { $0 == " " }
        if inComment {
          inComment = !text.hasSuffix("*/")
          return nil
        }
        if text.hasPrefix("/*") {
          inComment = !text.hasSuffix("*/") || text.count < 4
          return nil
        }
        return text.isEmpty || text.hasPrefix("//") ? nil : String(text)
      }
    }
    // The modules run in one strict function, started after the first paint.
    let expected =
      code(sources[0])
      + [
        "(function () {", "let started = false;", "function start() {", "'use strict';",
        "if (started) return;", "started = true;",
      ] + sources.dropFirst().flatMap(code)
      + [
        "}", "requestAnimationFrame(() => setTimeout(start, 0));", "setTimeout(start, 1000);",
        "})();",
      ]
    let style = try String(
      contentsOf: resources.appendingPathComponent("flamegraph.css"), encoding: .utf8)
    let embedded = try Self.section(
      text, from: "<script type=\"text/ecmascript\"><![CDATA[\n", to: "]]></script>")
    #expect(embedded.split(separator: "\n").map(String.init) == expected)
    #expect(
      try Self.section(text, from: "<style type=\"text/css\"><![CDATA[\n", to: "]]></style>")
        == style[...])
    for source in [script, style] {
      #expect(!source.contains("]]>"))
      #expect(!source.contains("innerHTML"))
      // Namespace names are names, never fetched; nothing else is a URL.
      let namespaces = ["http://www.w3.org/1999/xhtml", "http://www.w3.org/2000/svg"]
      #expect(
        !namespaces.reduce(source) { $0.replacingOccurrences(of: $1, with: "") }.contains("http"))
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

  @Test func namesSharingPrefixesReadBackWhole() throws {
    // Names that share a prefix ending inside a surrogate pair, long and
    // short ones, and one that is a prefix of another.
    let names = [
      "a\u{1F600}x", "a\u{1F601}y", "abc", "ab", "std::vector::push", "std::vector::pop",
    ]
    let folded = names.map { "main;\($0) 2" }.joined(separator: "\n")
    let data = try Self.data(try Self.render(folded).text)
    #expect(Set(try Self.names(data)) == Set(names + ["all", "main"]))
  }

  @Test func viewerSettingsAreInTheDataBlock() throws {
    let data = try Self.data(
      try Self.render(Self.folded) {
        $0.viewerTheme = .dark
        $0.viewerTextColor = RGBColor(red: 1, green: 2, blue: 3)
        $0.fluidWidth = true
      }.text)
    #expect(data["theme"] as? String == "dark")
    #expect(data["uiColor"] as? String == "#010203")
    #expect(data["fluid"] as? Bool == true)
    let plain = try Self.data(try Self.render(Self.folded) { $0.fluidWidth = false }.text)
    #expect(plain["theme"] as? String == "auto")
    #expect(plain["uiColor"] == nil && plain["fluid"] == nil)
    // Fluid by default, as the command is without --width.
    #expect(try Self.data(try Self.render(Self.folded).text)["fluid"] as? Bool == true)
  }
}
