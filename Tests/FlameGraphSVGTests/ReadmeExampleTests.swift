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

  @Test func aCustomBackendWritesTheScene() throws {
    let scene = FlameGraphLayout(options: Options())
      .scene(for: try Profile(folded: "main;load 300\nmain;compute;sum 700\n"))
    // README backend example begin
    /// One line per drawn frame: depth, x, width, name.
    struct CSVRenderer: SceneRenderer {
      func write(_ scene: Scene, to writer: ByteWriter) throws {
        writer.write("depth,x,width,name\n")
        for frame in scene.frames {
          writer.write("\(frame.depth),\(frame.x),\(frame.width),\"\(frame.name)\"\n")
        }
      }
    }
    let csv = try CSVRenderer().render(scene)  // or .write(scene, toFile: "frames.csv")
    // README backend example end
    let lines = String(decoding: csv, as: UTF8.self).split(separator: "\n")
    #expect(lines.count == scene.frames.count + 1)
    #expect(lines.contains { $0.hasPrefix("3,") && $0.hasSuffix(",\"sum\"") })
    let readme = try String(
      contentsOf: RepositoryPaths.root.appendingPathComponent("README.md"), encoding: .utf8)
    let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
    let begin = try #require(source.range(of: "// README backend example begin\n"))
    let end = try #require(source.range(of: "    // README backend example end"))
    let example = source[begin.upperBound..<end.lowerBound].split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .map { $0.hasPrefix("    ") ? String($0.dropFirst(4)) : String($0) }.joined(separator: "\n")
    #expect(readme.contains(example), "README.md should show the backend example verbatim")
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
