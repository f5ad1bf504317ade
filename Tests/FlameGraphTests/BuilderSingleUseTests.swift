import Testing

@testable import FlameGraph

/// A finished profile never changes: the builder that made it is spent.
@Suite("Using a builder once")
struct BuilderSingleUseTests {
  @Test func addingAfterFinishStopsInsteadOfChangingTheProfile() async {
    await #expect(processExitsWith: .failure) {
      let builder = CallTreeBuilder()
      builder.addStack(["main", "work"], count: 1)
      let profile = builder.finish()
      builder.addStack(["main", "other"], count: 100_000)
      // Not reached: the line above stops the program.
      _ = profile.frames.count
    }
  }

  @Test func finishingTwiceStops() async {
    await #expect(processExitsWith: .failure) {
      let builder = CallTreeBuilder()
      builder.addStack(["main"], count: 1)
      _ = builder.finish()
      _ = builder.finish()
    }
  }

  @Test func parsingMoreAfterFinishStops() async {
    await #expect(processExitsWith: .failure) {
      var parser = FoldedStackParser(builder: CallTreeBuilder())
      parser.parse(contentsOf: Array("main;a 1\n".utf8), source: "first")
      _ = parser.finish()
      parser.parse(contentsOf: Array("main;b 1\n".utf8), source: "second")
    }
  }

  @Test func aFinishedProfileKeepsItsFrames() {
    let builder = CallTreeBuilder()
    builder.addStack(["main", "work"], count: 2)
    builder.addStack(["main", "rest"], count: 1)
    let profile = builder.finish()

    #expect(profile.frames.count == 3)
    #expect(profile.totalSamples == 3)
  }
}
