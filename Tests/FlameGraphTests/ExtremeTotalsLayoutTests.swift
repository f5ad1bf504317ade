import Testing

@testable import FlameGraph

/// Layout never traps, whatever the total and whatever options a library
/// user sets without validating them.
@Suite("Layout of extreme totals and sizes")
struct ExtremeTotalsLayoutTests {
  @Test(arguments: ["1e-320", "1e-310", "1e-300", "1e300"])
  func aTinyOrHugeTotalStillSpansTheWidth(factor: String) throws {
    let scene = try layOut("main;a 3\nmain;b 1\n") { $0.factor = Double(factor)! }
    let drawable = scene.width - 2 * FlameGraphLayout.sidePadding
    #expect(scene.root.width == drawable)
    let a = try scene.box(named: "a")
    let b = try scene.box(named: "b")
    #expect(abs(a.width - drawable * 0.75) < 1e-9 * drawable)
    #expect(abs(b.width - drawable * 0.25) < 1e-9 * drawable)
    #expect(abs(b.x - (a.x + a.width)) < 1e-9 * drawable)
  }

  @Test func aSubnormalCountIsAWholeGraph() throws {
    let tiny = "0." + String(repeating: "0", count: 320) + "1"
    let scene = try layOut("main;a \(tiny)\n")
    #expect(scene.frames.map(\.name) == ["all", "main", "a"])
    #expect(scene.frames.allSatisfy { $0.width == scene.root.width && $0.width > 0 })
    #expect(try scene.box(named: "a").tooltip.contains("100.00%"))
  }

  @Test(arguments: [1e-20, 1e300])
  func absurdFontSizesFitLabelsWithoutTrapping(fontSize: Double) throws {
    let scene = try layOut("main;a 3\nmain;b 1\n") { $0.fontSize = fontSize }
    #expect(scene.frames.count == 4)
  }

  @Test func anAbsurdWidthFitsWholeLabels() throws {
    let scene = try layOut("main;a 3\nmain;b 1\n") { $0.imageWidth = 1e300 }
    #expect(try scene.box(named: "a").label?.text == "a")
  }

  @Test(arguments: [
    MinimumWidth.points(1e9), .points(1190), .percent(1e6), .percent(100),
  ])
  func theRootIsDrawnWhateverTheMinimumWidth(minimum: MinimumWidth) throws {
    let scene = try layOut("main;a 3\nmain;b 1\n") { $0.minimumWidth = minimum }
    #expect(scene.frames.first?.name == "all")
    #expect(scene.root.width == scene.width - 2 * FlameGraphLayout.sidePadding)
  }

  @Test func labelFittingClampsAbsurdRooms() {
    let fitter = LabelFitter(
      measurer: MonospaceTextMeasurer(characterWidth: 1e-30), fontSize: 1e-20,
      truncation: .keepEnd)
    #expect(fitter.fit("main", width: 100)?.text == "main")
    #expect(fitter.fit("main", width: .infinity)?.text == "main")
  }
}
