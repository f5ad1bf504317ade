import Testing

@testable import FlameGraph

/// The report names the profile's unit in its summary, tables and
/// explanations, with totals as durations or sizes, unless a count name is
/// given.
@Suite struct ReportUnitTests {
  static let fixtures = "Tests/FlameGraphTests/Fixtures/"

  func profile(_ relative: String, sampleType: String? = nil) throws -> Profile {
    var options = Options()
    options.importing.sampleType = sampleType
    return try Profile(
      reading: [.file(repositoryRoot().appendingPathComponent(relative).path)], options: options)
  }

  /// The text runs of the summary page, in order.
  func summaryTexts(_ profile: Profile, countName: String? = nil) -> [String] {
    var options = ReportOptions()
    options.graph.countName = countName
    let report = ReportLayout(options: options).report(for: profile)
    return report.document.pages[0].items.compactMap { item in
      if case .text(let run) = item { return run.text } else { return nil }
    }
  }

  /// The value of a fact of the summary (`Total`, `Profiled`).
  func fact(_ label: String, in texts: [String]) -> String? {
    texts.firstIndex(of: label).map { texts[$0 + 1] }
  }

  @Test func aCPUProfileReadsInTime() throws {
    let texts = summaryTexts(try profile(Self.fixtures + "pprof/cpu.pb"))
    // The fixture's cpu values add up to 60,000,000 ns, sampled every 10 ms.
    #expect(fact("Total", in: texts) == "60,000,000 nanoseconds (60 ms)")
    #expect(fact("Sampling", in: texts) == "one sample every 10 ms")
    #expect(texts.contains { $0.hasPrefix("Time in the function itself") })
    #expect(!texts.contains { $0.hasPrefix("Samples in") })
    #expect(texts.contains("nanoseconds"))  // the count column's header
  }

  @Test func aDifferenceOfTimesGivesBothAsDurations() throws {
    let cpu = try profile(Self.fixtures + "pprof/cpu.pb")
    let texts = summaryTexts(Profile.difference(before: cpu, after: cpu))
    #expect(
      fact("Total", in: texts)
        == "60,000,000 nanoseconds (60 ms) after, 60,000,000 (60 ms) before (+0.00%)")
  }

  @Test func samplesOfKnownIntervalShowTheProfiledTime() throws {
    let texts = summaryTexts(try profile(Self.fixtures + "pprof/cpu.pb", sampleType: "samples"))
    #expect(fact("Total", in: texts) == "6 samples")
    #expect(fact("Profiled", in: texts) == "60 ms (one sample every 10 ms)")
  }

  @Test func aHeapProfileReadsInBytes() throws {
    let texts = summaryTexts(try profile(Self.fixtures + "pprof/heap.pb"))
    // inuse_space adds up to 5,300 bytes: 5,300 / 1,024 = 5.18 KiB.
    #expect(fact("Total", in: texts) == "5,300 bytes (5.18 KiB)")
    #expect(fact("Sampling", in: texts) == nil)
    #expect(texts.contains { $0.hasPrefix("Bytes in the function itself") })
  }

  @Test func theCountNameOverridesTheUnitsName() throws {
    let texts = summaryTexts(try profile(Self.fixtures + "pprof/cpu.pb"), countName: "ns")
    #expect(fact("Total", in: texts) == "60,000,000 ns (60 ms)")
    #expect(texts.contains("ns"))
    #expect(!texts.contains("nanoseconds"))
  }

  @Test func foldedStacksStaySamples() throws {
    let texts = summaryTexts(try Profile(folded: "main;a 3\nmain;b 1\n"))
    #expect(fact("Total", in: texts) == "4 samples")
    #expect(fact("Profiled", in: texts) == nil)
    #expect(fact("Sampling", in: texts) == nil)
    #expect(
      texts.contains(
        "Samples in the function itself, not in what it calls, as a share of all 4 samples."))
  }

  @Test func hotPathsGiveTheirTimeAsADuration() throws {
    let profile = try profile("Examples/small-cpu.austin")
    let report = ReportLayout(options: ReportOptions()).report(for: profile)
    let hotPath = try #require(report.hotPaths.first)
    let texts = report.document.pages[hotPath.pageIndex].items.compactMap { item in
      if case .text(let run) = item { return run.text } else { return nil }
    }
    let amount = "\(CountFormatter.count(hotPath.total)) microseconds ("
    #expect(texts.contains { $0.contains("% of the total, " + amount) })
    #expect(texts.contains { $0.hasPrefix("Functions called from this frame, by the time of") })
  }

  @Test func anAustinProfileShowsItsTimeAndInterval() throws {
    let profile = try profile("Examples/small-cpu.austin")
    let texts = summaryTexts(profile)
    let total = try #require(fact("Total", in: texts))
    #expect(total.hasPrefix(CountFormatter.count(profile.totalSamples) + " microseconds ("))
    #expect(total.hasSuffix(" s)"))
    #expect(fact("Sampling", in: texts) == "one sample every 5 ms")
  }
}
