import Foundation
import Testing

@testable import FlameGraph

@Suite("Source code in frames")
struct SourceInFramesTests {
  let examples = repositoryRoot().appendingPathComponent("Examples").path

  func scene(_ configure: (inout Options) -> Void = { _ in }) throws -> Scene {
    var options = Options()
    options.direction = .icicle
    options.colorDiffusion = true
    configure(&options)
    let profile = try Profile(
      reading: [.file(repositoryRoot().appendingPathComponent("Examples/seed-memory.folded").path)],
      options: options)
    return FlameGraphLayout(options: options, sourceLines: RootedSourceFiles(roots: [examples]))
      .scene(for: profile)
  }

  @Test func theBiggestAllocationShowsItsLineOfCode() throws {
    let scene = try scene()
    // The frame that allocated the most itself: the 400 MiB np.zeros call.
    let widest = try #require(scene.frames.max { $0.selfCount < $1.selfCount })
    #expect(widest.name == "example.py:4 (make_big_array)")
    #expect(widest.sourceLine == "return np.zeros((1024, 1024, 50))")
    #expect(widest.code?.text == "return np.zeros((1024, 1024, 50))")
    #expect(widest.tooltip.hasSuffix("\nreturn np.zeros((1024, 1024, 50))"))
    // The code sits one base row under the label, inside a double-height box.
    let label = try #require(widest.label)
    let code = try #require(widest.code)
    #expect(code.y == label.y + 16)
    #expect(widest.height == 31)
  }

  @Test func onlyRowsWithCodeAreTaller() throws {
    let scene = try scene()
    var heightByDepth: [Int: Double] = [:]
    for frame in scene.frames { heightByDepth[frame.depth] = frame.height }
    for frame in scene.frames {
      let rowHasCode = scene.frames.contains { $0.depth == frame.depth && $0.code != nil }
      #expect(frame.height == (rowHasCode ? 31 : 15), "\(frame.name)")
    }
    // Rows still tile: each row starts where the one above ends.
    let tops = Dictionary(grouping: scene.frames, by: \.depth).mapValues { $0[0].y }
    for depth in 1..<(tops.count) {
      #expect(tops[depth]! == tops[depth - 1]! + heightByDepth[depth - 1]! + 1)
    }
  }

  @Test func narrowFramesCutTheCodeAtItsEnd() throws {
    let scene = try scene { $0.imageWidth = 500 }
    let cut = try #require(scene.frames.first { $0.code?.isTruncated == true })
    let code = try #require(cut.code)
    #expect(code.text.hasSuffix("\u{2026}"))
    #expect(cut.sourceLine!.hasPrefix(String(code.text.dropLast())))
    #expect(Double(code.text.count) * 0.6 * 12 <= cut.width - 6 + 1e-9)
  }

  @Test func frozenModulesAndUnknownFilesShowNoCode() throws {
    let scene = try scene()
    for frame in scene.frames where frame.name.hasPrefix("<frozen") {
      #expect(frame.sourceLine == nil)
    }
    #expect(scene.sourceDiagnostics.missingFiles > 0)  // numpy's files are not here
  }

  @Test func codeCanBeTurnedOff() throws {
    let scene = try scene { $0.showSourceCode = false }
    #expect(scene.frames.allSatisfy { $0.sourceLine == nil && $0.height == 15 })
  }
}
