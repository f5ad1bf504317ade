import FlameGraphCairo
import FlameGraphFormats
import Foundation
import Testing

/// One registry of formats for the tool and for library users.
@Suite struct OutputFormatRegistryTests {
  let registry = OutputFormatRegistry.standard

  @Test func fileNamesPickTheirFormatTheLongestEndingFirst() throws {
    for (path, name) in [
      ("out/graph.svg", "svg"), ("GRAPH.PNG", "png"), ("r.pdf", "pdf"), ("scene.json", "json"),
      ("cpu.tree.json", "tree"), ("p.speedscope.json", "speedscope"), ("m.folded", "folded"),
    ] {
      #expect(registry.backend(forPath: path)?.name == name, "\(path)")
    }
    #expect(registry.backend(forPath: "graph.svg.txt") == nil)
    #expect(registry.backend(forPath: "svg") == nil)
    #expect(registry.backend(named: "PNG")?.fileExtension == "png")
  }

  @Test func eachFormatSaysWhatItNeeds() throws {
    let binary = registry.backends.filter(\.isBinary).map(\.name)
    #expect(binary == ["png", "pdf"])
    #expect(registry.backends.filter(\.isInteractive).map(\.name) == ["svg"])
    #expect(registry.backends.filter(\.drawsScene).map(\.name) == ["svg", "png", "pdf", "json"])
    // Cairo formats measure with the real font, not the monospace model.
    var options = Options()
    options.fontWidth = 0.5
    let svgMeasurer = try #require(registry.backend(named: "svg")).measurer(options)
    #expect(svgMeasurer.fixedAdvance(fontSize: 10) == 5)
    let pngMeasurer = try #require(registry.backend(named: "png")).measurer(options)
    #expect(pngMeasurer is CairoTextMeasurer)
  }

  @Test func aLibraryUserWritesWhateverTheFileNameSays() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let profile = try Profile(folded: "main;work 3\nmain;rest 1\n")
    for (name, magic) in [
      ("graph.png", [0x89, 0x50, 0x4E, 0x47] as [UInt8]), ("graph.pdf", Array("%PDF-".utf8)),
      ("graph.svg", Array("<?xml".utf8)), ("graph.tree.json", Array("{".utf8)),
      ("graph.folded", Array("main;rest 1".utf8)),
    ] {
      let path = directory.appendingPathComponent(name).path
      try registry.write(profile, options: Options(), toFile: path)
      let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      #expect(bytes.starts(with: magic), "\(name)")
    }
    #expect(throws: OutputFormatRegistry.UnknownExtension.self) {
      try registry.write(
        profile, options: Options(), toFile: directory.appendingPathComponent("graph.gif").path)
    }
    #expect(
      !FileManager.default.fileExists(atPath: directory.appendingPathComponent("graph.gif").path))
  }

  @Test func theReadmeExampleWritesAPNG() throws {
    let directory = try CommandRunner.temporaryDirectory()
    let input = directory.appendingPathComponent("cpu.folded").path
    let output = directory.appendingPathComponent("cpu.png").path
    try "main;work 3\n".write(toFile: input, atomically: true, encoding: .utf8)
    // README registry example begin
    let profile = try Profile(reading: [.file(input)])  // input: "cpu.folded"
    try OutputFormatRegistry.standard.write(profile, options: Options(), toFile: output)  // "cpu.png"
    // README registry example end
    let bytes = try Data(contentsOf: directory.appendingPathComponent("cpu.png"))
    #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let begin = try #require(source.range(of: "// README registry example begin\n"))
    let end = try #require(source.range(of: "    // README registry example end"))
    let example = source[begin.upperBound..<end.lowerBound].split(separator: "\n")
      .map { String($0.dropFirst(4)) }.joined(separator: "\n")
    let readme = try String(contentsOf: RepositoryPaths.file("README.md"), encoding: .utf8)
    #expect(readme.contains(example))
  }

  @Test func theCommandWritesWhatTheLibraryWrites() throws {
    let input = Data("main;work 3\nmain;rest 1\n".utf8)
    let profile = try Profile(folded: "main;work 3\nmain;rest 1\n")
    for backend in registry.backends where backend.name != "pdf" {
      let result = try CommandRunner.run(["--format", backend.name], input: input)
      #expect(result.status == 0)
      let writer = ByteWriter()
      try backend.write(profile, options: Options(), to: writer)
      try writer.finish()
      #expect([UInt8](result.standardOutput) == writer.collected, "\(backend.name)")
    }
  }
}
