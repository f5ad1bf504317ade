import Foundation
import Testing

@testable import FlameGraph

/// `--fit auto`: the canvas ends at the deepest labelled frame, on the
/// shared profiles whose thin towers make the full graph mostly empty.
@Suite("Canvas fit: rows end at the deepest labelled frame")
struct CanvasFitTests {
  static func scenes(_ file: String, _ configure: (inout Options) -> Void = { _ in }) throws
    -> (full: Scene, auto: Scene)
  {
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent(file), encoding: .utf8)
    var options = Options()
    configure(&options)
    let profile = try Profile(folded: text, options: options)
    let full = FlameGraphLayout(options: options).scene(for: profile)
    options.canvasFit = .auto
    let auto = FlameGraphLayout(options: options).scene(for: profile)
    return (full, auto)
  }

  /// How many frames a tooltip says were cut below its frame.
  static func cutCount(_ tooltip: String) -> Int {
    guard let line = tooltip.split(separator: "\n").last,
      line.hasSuffix(" not drawn"), let count = Int(line.split(separator: " ")[0])
    else { return 0 }
    return count
  }

  @Test(arguments: [Direction.flame, .icicle])
  func theSeedMemoryGraphLosesItsEmptyRowsAndNoLabel(direction: Direction) throws {
    let (full, auto) = try Self.scenes("Examples/seed-memory.folded") {
      $0.direction = direction
    }
    let lastRow = try #require(auto.frames.map(\.depth).max())
    // The last row is readable, and nothing deeper in the full graph was.
    #expect(auto.frames.contains { $0.depth == lastRow && $0.label != nil })
    let deeper = full.frames.filter { $0.depth > lastRow }
    #expect(deeper.count > 400)
    #expect(deeper.allSatisfy { $0.label == nil })
    // Rows of 16 points are gone: the graph was over 1,300 points tall.
    let fullRows = try #require(full.frames.map(\.depth).max())
    #expect(full.height > 1_300)
    #expect(full.height - auto.height == Double(fullRows - lastRow) * 16)
    #expect(auto.height < 200)
    // The kept frames are the full graph's, shifted by the rows cut above
    // them in a flame graph, where rows are counted from the bottom.
    let kept = full.frames.filter { $0.depth <= lastRow }
    let shift = direction == .flame ? full.height - auto.height : 0
    #expect(auto.frames.map(\.name) == kept.map(\.name))
    #expect(auto.frames.map(\.x) == kept.map(\.x))
    #expect(auto.frames.map(\.width) == kept.map(\.width))
    #expect(auto.frames.map(\.y) == kept.map { $0.y - shift })
    #expect(auto.frames.map { $0.label?.text } == kept.map { $0.label?.text })
    // Each cut frame is told by the tooltip of its ancestor on the last row.
    #expect(auto.frames.reduce(0) { $0 + Self.cutCount($1.tooltip) } == deeper.count)
    #expect(
      auto.frames.filter { Self.cutCount($0.tooltip) > 0 }.allSatisfy { $0.depth == lastRow })
    // Parents still point at the right boxes.
    let children = auto.frames.filter { $0.parent >= 0 }
    #expect(children.allSatisfy { auto.frames[$0.parent].depth == $0.depth - 1 })
    #expect(children.allSatisfy { auto.frames[$0.parent].x <= $0.x + 1e-9 })
  }

  @Test func searchTotalsStillCountTheCutFrames() throws {
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent("Goldens/inputs/sympy-cpu.folded"),
      encoding: .utf8)
    var options = Options()
    options.interactive = true
    let profile = try Profile(folded: text, options: options)
    let (full, fullViewer) = FlameGraphLayout(options: options).sceneWithViewer(for: profile)
    options.canvasFit = .auto
    let (auto, autoViewer) = FlameGraphLayout(options: options).sceneWithViewer(for: profile)
    let fullCatalog = try #require(fullViewer?.catalog)
    let autoCatalog = try #require(autoViewer?.catalog)
    #expect(auto.frames.count < full.frames.count)
    // Every frame of the full graph, drawn or thin, is drawn or thin here.
    #expect(
      auto.frames.count + autoCatalog.thinFrames.count
        == full.frames.count + fullCatalog.thinFrames.count)
    let lastRow = try #require(auto.frames.map(\.depth).max())
    let cutTotal = full.frames.filter { $0.depth > lastRow }.reduce(0) { $0 + $1.total }
    let thinTotal = { (catalog: FrameCatalog) in catalog.thinFrames.reduce(0) { $0 + $1.total } }
    #expect(abs(thinTotal(autoCatalog) - thinTotal(fullCatalog) - cutTotal) < 1e-6)
    // Thin frames hang from drawn frames or from thin frames listed before them.
    #expect(
      autoCatalog.thinFrames.indices.allSatisfy {
        Int(autoCatalog.thinFrames[$0].parent) < auto.frames.count + $0
      })
    #expect(autoCatalog.isComplete)
  }

  @Test func aGraphWhoseFramesAllHaveLabelsKeepsItsRows() throws {
    let folded = "main;parse;read 30\nmain;compute;sum 20\nmain 5\n"
    var options = Options()
    let profile = try Profile(folded: folded, options: options)
    let full = FlameGraphLayout(options: options).scene(for: profile)
    options.canvasFit = .auto
    let auto = FlameGraphLayout(options: options).scene(for: profile)
    #expect(auto.height == full.height)
    #expect(auto.frames.map(\.tooltip) == full.frames.map(\.tooltip))
  }

  @Test func theDefaultDrawsEveryRow() {
    #expect(Options().canvasFit == .full)
  }
}
