import Testing

@testable import FlameGraph

/// The report as the library lays it out, with the monospace measurer:
/// figures, the choice of hot paths, pages, links and bookmarks.
@Suite struct ReportLayoutTests {
  func report(_ folded: String, _ configure: (inout ReportOptions) -> Void = { _ in }) throws
    -> Report
  {
    var options = ReportOptions()
    configure(&options)
    return ReportLayout(options: options).report(for: try Profile(folded: folded))
  }

  @Test func totalsCountEachStackOnceWhateverTheRecursion() throws {
    let report = try report("main;f;f;f;g 3\nmain;h 1\nmain;f 2\n")
    let f = try #require(report.topByTotal.first { $0.name == "f" })
    #expect(f.total == 5)
    #expect(f.selfCount == 2)
    #expect(report.topBySelf.map(\.name) == ["g", "f", "h"])
    #expect(report.topByTotal.first?.name == "main")
    #expect(report.topByTotal.first?.total == 6)
  }

  @Test func aFrameThatFitsWholeGetsNoPage() throws {
    let report = try report("main 42\n")
    #expect(report.hotPaths.isEmpty)
    #expect(report.document.pages.map(\.anchor) == ["summary", "graph"])
    #expect(report.document.outline.map(\.title) == ["Summary", "Whole profile"])
  }

  @Test func wideFramesWithUnreadableCalleesGetPagesAtTheirBranchingPoint() throws {
    // `work` branches into callees too narrow to label in the whole graph;
    // `main` and `run`, which hold everything, would only repeat it.
    var folded = "main;run;setup 2000\n"
    for index in 0..<30 { folded += "main;run;work;s\(index) 20\n" }
    let report = try report(folded)
    #expect(report.hotPaths.map(\.name) == ["work"])
    let page = report.document.pages[report.hotPaths[0].pageIndex]
    #expect(page.anchor == "hot-path-1")
    guard
      case .scene(let zoomed, _, _)? = page.items.first(where: {
        if case .scene = $0 { return true } else { return false }
      })
    else {
      Issue.record("no graph on the hot path's page")
      return
    }
    // The zoomed frame spans the graph's width, its callees labeled.
    #expect(zoomed.frames.first?.name == "work")
    #expect(zoomed.frames.filter { $0.label != nil }.count == zoomed.frames.count)
  }

  @Test func everyLinkAndBookmarkGoesToAPage() throws {
    var folded = "main;a;x 50\nmain;a;y 40\nmain;b 10\n"
    for index in 0..<40 { folded += "main;a;z;leaf_with_a_long_name_\(index) 3\n" }
    let report = try report(folded) { $0.title = "Links" }
    let anchors = Set(report.document.pages.map(\.anchor))
    #expect(anchors.count == report.document.pages.count)
    var links = 0
    for page in report.document.pages {
      for case .link(_, let destination) in page.items {
        links += 1
        #expect(anchors.contains(destination), "\(destination)")
      }
    }
    #expect(links > 0)
    func check(_ entries: [OutlineEntry]) {
      for entry in entries {
        #expect(anchors.contains(entry.destination))
        check(entry.children)
      }
    }
    check(report.document.outline)
    // Every page ends with its number.
    for (index, page) in report.document.pages.enumerated() {
      let texts = page.items.compactMap { item -> String? in
        if case .text(let run) = item { return run.text } else { return nil }
      }
      #expect(texts.last == "Page \(index + 1) of \(report.document.pages.count)")
    }
  }

  @Test func paperSizes() {
    #expect(Paper.a4.size(landscape: false) == (595.28, 841.89))
    #expect(Paper.letter.size(landscape: true) == (792, 612))
  }

  @Test func differentialReportsListRegressionsAndImprovements() throws {
    let report = try report("main;a 10 30\nmain;b 20 5\nmain;c 5 5\n")
    #expect(report.regressions.map(\.name) == ["a"])
    #expect(report.improvements.map(\.name) == ["b"])
    #expect(report.document.pages.map(\.anchor).prefix(2) == ["summary", "differences"])
  }

  @Test func layoutDecidesTheStyleBackendsDraw() throws {
    var options = Options()
    options.frameStroke = .black
    let scene = FlameGraphLayout(options: options).scene(for: try Profile(folded: "a 1\n"))
    #expect(scene.frameStrokeWidth == 0.5)
    #expect(scene.gradientStops == GradientStops(top: 0.05, bottom: 0.95))
    #expect(scene.codeSlant == .oblique)
  }
}
