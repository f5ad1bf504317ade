import FlameGraph
import FlameGraphSVG
import Foundation
import Testing

/// The README's library example, compiled and run; a second test checks the
/// README shows exactly this code.
@Suite struct ReadmeExampleTests {
  @Test func exampleRunsAndDrawsTheProfile() throws {
    // README example begin
    var options = Options()
    options.direction = .icicle
    options.colorDiffusion = true
    options.countName = "bytes"

    let profile = try Profile(folded: "main;load 300\nmain;compute;sum 700\n", options: options)
    let (scene, viewer) = FlameGraphLayout(options: options).sceneWithViewer(for: profile)
    let svg: [UInt8] = try SVGRenderer(viewer: viewer).render(scene)  // or .write(scene, toFile: "memory.svg")

    for frame in scene.frames { print(frame.tooltip) }  // "sum (700 bytes, 70.00%)", ...
    // README example end
    #expect(scene.frames.map(\.tooltip).contains("sum (700 bytes, 70.00%)"))
    #expect(
      String(decoding: svg, as: UTF8.self).contains("<title>compute (700 bytes, 70.00%)</title>"))
    #expect(scene.frames.first?.y ?? 0 < scene.frames.last?.y ?? 0)  // icicle: root on top
  }

  @Test func readmeShowsThisExample() throws {
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let begin = try #require(source.range(of: "// README example begin\n"))
    let end = try #require(source.range(of: "    // README example end"))
    let example = source[begin.upperBound..<end.lowerBound].split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
    let readme = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains(example), "README.md should show the example of \(#fileID) verbatim")
  }
}
