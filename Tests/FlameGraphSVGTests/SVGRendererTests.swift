import FlameGraph
import FlameGraphSVG
import Foundation
import Testing

@Suite struct SVGRendererTests {
  @Test func framesBecomeRectsWithTooltipsAndLabels() throws {
    let document = try SVGDocument(folded: "main;parse 3\nmain;render 1\n")
    #expect(
      document.titles == [
        "all (4 samples, 100.00%)", "main (4 samples, 100.00%)", "parse (3 samples, 75.00%)",
        "render (1 samples, 25.00%)",
      ])
    #expect(document.frameRects.count == 4)
    let root = document.frameRects[0]
    #expect(root.attributes["x"] == "10")
    #expect(root.attributes["width"] == "1180")
    let parse = document.frameRects[2]
    #expect(parse.attributes["width"] == "885")
    #expect(document.labels.map(\.text) == ["all", "main", "parse", "render"])
  }

  @Test func countNameAndNameTypeAreUsed() throws {
    var options = Options()
    options.countName = "bytes"
    options.nameType = "Allocation:"
    let document = try SVGDocument(folded: "main;alloc 2048\n", options: options)
    #expect(document.titles.contains("alloc (2,048 bytes, 100.00%)"))
    let details = try #require(document.elements.first { $0.attributes["id"] == "details" })
    #expect(details.attributes["data-nametype"] == "Allocation:")
  }

  @Test func hostileFrameNamesStayText() throws {
    let hostile = [
      "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "a & b", "say \"hi\"",
      "it's", "]]>", "x\u{01}y\u{1F}z", "</title><rect/>", "\u{FFFE}odd",
    ]
    let folded = hostile.map { "main;\($0) 1" }.joined(separator: "\n")
    let document = try SVGDocument(folded: folded)
    // A tooltip is "name (count samples, share%)": the name is before the last " (".
    let names = document.titles.map { title in
      String(title[..<title.range(of: " (", options: .backwards)!.lowerBound])
    }
    for name in hostile {
      let expected = String(
        String.UnicodeScalarView(
          name.unicodeScalars.map {
            ($0.value < 0x20 || $0 == "\u{FFFE}") ? "\u{FFFD}" : $0
          }))
      #expect(names.contains(expected), "\(name.debugDescription)")
    }
    // The only scripts are the document's own: its data and its code.
    #expect(!document.elements.contains { $0.name == "img" })
    let scripts = document.elements.filter { $0.name == "script" }
    #expect(scripts.map { $0.attributes["type"] } == ["application/json", "text/ecmascript"])
    #expect(!document.text.contains("<img src"))
    #expect(!document.text.contains("<script>alert"))
    #expect(document.frameRects.count == hostile.count + 2)
  }

  @Test func documentHasNoExternalReferences() throws {
    let profile = try Profile(
      reading: [.file(RepositoryPaths.seedMemory)], options: Options())
    let (scene, viewer) = FlameGraphLayout(options: Options()).sceneWithViewer(for: profile)
    let svg = String(decoding: try SVGRenderer(viewer: viewer).render(scene), as: UTF8.self)
    #expect(!svg.contains("href"))
    #expect(!svg.contains("<!DOCTYPE"))
    #expect(!svg.contains("@import"))
    // Namespace names (SVG, and XHTML for the search field and the canvas)
    // name vocabularies; they are never fetched. Nothing else is a URL.
    var rest = svg
    for namespace in ["http://www.w3.org/2000/svg", "http://www.w3.org/1999/xhtml"] {
      rest = rest.replacingOccurrences(of: "xmlns=\"\(namespace)\"", with: "")
    }
    #expect(!rest.contains("http"))
    // Paint references point inside the document.
    #expect(rest.components(separatedBy: "url(").dropFirst().allSatisfy { $0.hasPrefix("#") })
  }

  @Test func truncatedLabelsAreRightAnchoredAndKeepTheEnd() throws {
    var options = Options()
    options.imageWidth = 300
    // Full labels: the whole name is cut (smart labels would show a shorter form).
    options.labelStyle = .full
    let name = "very/long/package/path/module_with_a_long_name.py:12 (function_name)"
    let document = try SVGDocument(folded: "main;\(name) 1\nmain;other 1\n", options: options)
    let label = try #require(document.labels.first { $0.text.hasPrefix("\u{2026}") })
    #expect(label.attributes["text-anchor"] == "end")
    #expect(name.hasSuffix(label.text.dropFirst()))
    #expect(label.text.hasSuffix("(function_name)"))
  }

  @Test func notesAreEmbeddedAndEscaped() throws {
    var options = Options()
    options.notes = "built from <commit> & co"
    let document = try SVGDocument(folded: "main 1\n", options: options)
    #expect(document.elements.first { $0.name == "desc" }?.text == "built from <commit> & co")
  }

  @Test func renderingIsDeterministic() throws {
    let folded = try String(
      contentsOf: URL(fileURLWithPath: RepositoryPaths.seedMemory), encoding: .utf8)
    let first = try SVGDocument(folded: folded)
    let second = try SVGDocument(folded: folded)
    #expect(first.bytes == second.bytes)
  }

  @Test func rsvgRendersTheDocument() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let svgFile = directory.appendingPathComponent("graph.svg")
    let pngFile = directory.appendingPathComponent("graph.png")
    let folded = try String(
      contentsOf: URL(fileURLWithPath: RepositoryPaths.seedMemory), encoding: .utf8)
    try Data(try SVGDocument(folded: folded).bytes).write(to: svgFile)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["rsvg-convert", svgFile.path, "-o", pngFile.path]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    process.waitUntilExit()
    let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 0, "rsvg-convert (librsvg2-bin) failed: \(message)")
    let png = try Data(contentsOf: pngFile)
    #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    // 1200 wide, as the SVG says (the PNG header's width field).
    #expect(png[16..<20].reduce(0) { $0 << 8 | Int($1) } == 1200)
  }
}

@Suite struct SVGDecorationTests {
  @Test func codeLinesAndLegendAreText() throws {
    var options = Options()
    options.direction = .icicle
    options.categories = .python
    options.interactive = false
    let folded = try String(
      contentsOf: URL(fileURLWithPath: RepositoryPaths.seedMemory), encoding: .utf8)
    let document = try SVGDocument(
      folded: folded, options: options,
      sourceLines: RootedSourceFiles(
        roots: [RepositoryPaths.root.appendingPathComponent("Examples").path]))
    let code = document.elements.filter { $0.name == "text" && $0.attributes["class"] == "code" }
    #expect(code.map(\.text).contains("return np.zeros((1024, 1024, 50))"))
    #expect(code.allSatisfy { $0.attributes["font-style"] == "oblique" })
    // The tooltip carries the whole line, on its own line.
    #expect(document.titles.contains { $0.hasSuffix("\nreturn np.zeros((1024, 1024, 50))") })
    let legend = try #require(document.elements.first { $0.attributes["id"] == "legend" })
    _ = legend
    let legendTexts = document.elements.filter { $0.name == "text" && $0.text.hasSuffix("%") }
    #expect(legendTexts.map { String($0.text.prefix { $0 != " " }) }.contains("Libraries"))
  }
}

enum RepositoryPaths {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
  static let seedMemory = root.appendingPathComponent("Examples/seed-memory.folded").path
}

/// The SVG draws the stroke width, gradient stops and code slant the scene
/// carries, not constants of its own.
@Suite struct SVGSceneStyleTests {
  @Test func strokeWidthAndGradientStopsComeFromTheScene() throws {
    var options = Options()
    options.frameStroke = .black
    options.colorDiffusion = true
    var scene = FlameGraphLayout(options: options).scene(for: try Profile(folded: "a;b 1\n"))
    scene.frameStrokeWidth = 1.25
    scene.gradientStops = GradientStops(top: 0.1, bottom: 0.8)
    let svg = String(decoding: try SVGRenderer().render(scene), as: UTF8.self)
    #expect(svg.contains("stroke-width=\"1.25\""))
    #expect(svg.contains("<stop offset=\"10%\""))
    #expect(svg.contains("<stop offset=\"80%\""))
  }
}
