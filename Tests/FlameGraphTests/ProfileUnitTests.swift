import Foundation
import Testing

@testable import FlameGraph

/// The unit each format declares, as the profile read from it carries it.
@Suite struct ProfileUnitTests {
  static func path(_ relative: String) -> InputSource {
    .file(repositoryRoot().appendingPathComponent(relative).path)
  }
  static let fixtures = "Tests/FlameGraphTests/Fixtures/"

  func read(_ relative: String..., configure: (inout Options) -> Void = { _ in }) throws
    -> Profile
  {
    var options = Options()
    configure(&options)
    return try Profile(reading: relative.map(Self.path), options: options)
  }

  @Test func foldedStacksWithoutHeadersAreSamples() throws {
    #expect(try Profile(folded: "main;work 3\n").unit == .samples)
    #expect(try read("Examples/seed-memory.folded").unit == .samples)
    #expect(try Profile(folded: "# a comment: 12\nmain 1\n").unit == .samples)
  }

  @Test func austinHeadersGiveTimeAndTheInterval() throws {
    let wall = try Profile(
      folded: "# austin: 3.6.0\n# interval: 100\n# mode: wall\n\nP1;T1;f 250\n")
    #expect(wall.unit == .time(.microseconds, samplingInterval: 100 / 1_000_000))
    let memory = try Profile(folded: "# mode: memory\nP1;T1;f 4096\n")
    #expect(memory.unit == .bytes)
  }

  @Test func theRecordedAustinProfileIsInMicroseconds() throws {
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent("Examples/small-cpu.austin"),
      encoding: .utf8)
    let interval = try #require(
      text.split(separator: "\n").first { $0.hasPrefix("# interval:") }
        .flatMap { Double($0.split(separator: " ").last!) })
    let profile = try read("Examples/small-cpu.austin")
    #expect(profile.unit == .time(.microseconds, samplingInterval: interval / 1_000_000))
  }

  @Test func pprofCPUProfilesAreNanosecondsEveryPeriod() throws {
    let cpu = try read(Self.fixtures + "pprof/cpu.pb")
    // cpu/nanoseconds, period 10,000,000 of cpu/nanoseconds (make_fixtures.py).
    #expect(cpu.unit == .time(.nanoseconds, samplingInterval: 0.01))
    #expect(cpu.unit.readable(cpu.totalSamples) == "60 ms")
    let samples = try read(Self.fixtures + "pprof/cpu.pb") { $0.importing.sampleType = "samples" }
    #expect(samples.unit == CountUnit(.samples, samplingInterval: 0.01))
  }

  @Test func pprofHeapProfilesAreBytesOrTheirCountsName() throws {
    // The period type is space/bytes: no time interval.
    #expect(try read(Self.fixtures + "pprof/heap.pb").unit == .bytes)
    let objects = try read(Self.fixtures + "pprof/heap.pb") {
      $0.importing.sampleType = "alloc_objects"
    }
    #expect(objects.unit == CountUnit(.named("alloc_objects")))
  }

  @Test func chromeProfilesAreSamplesOrMicroseconds() throws {
    let file = Self.fixtures + "chrome/primes.cpuprofile"
    let document =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: repositoryRoot().appendingPathComponent(file))) as! [String: Any]
    let start = (document["startTime"] as! NSNumber).doubleValue
    let end = (document["endTime"] as! NSNumber).doubleValue
    let sampleCount = Double((document["samples"] as! [Any]).count)
    let samples = try read(file)
    #expect(samples.unit.kind == .samples)
    let interval = try #require(samples.unit.samplingInterval)
    #expect(abs(interval - (end - start) / sampleCount * 1e-6) < 1e-12)
    let timed = try read(file) { $0.importing.chromeWeight = .time }
    #expect(timed.unit.kind == .time(.microseconds))
  }

  @Test func speedscopeProfilesNameTheirUnit() throws {
    #expect(
      try read(Self.fixtures + "speedscope/sampled.speedscope.json").unit.kind
        == .time(.milliseconds))
    #expect(
      try read(Self.fixtures + "speedscope/evented.speedscope.json").unit.kind
        == .time(.microseconds))
    #expect(try read(Self.fixtures + "speedscope/two-profiles.speedscope.json").unit == .samples)
  }

  @Test func perfPeriodsAreInTheEventsUnit() throws {
    let file = Self.fixtures + "perf/two-events.txt"
    #expect(try read(file).unit == .samples)
    let periods = try read(file) { $0.importing.perfScript.usePeriod = true }
    #expect(periods.unit == CountUnit(.named("cycles")))
    #expect(PerfScriptImporter.unit(ofPeriodsOf: "cpu-clock:pppH") == .time(.nanoseconds))
  }

  @Test func sourcesOfDifferentUnitsAreSamples() throws {
    let merged = try read(Self.fixtures + "pprof/cpu.pb", Self.fixtures + "pprof/heap.pb")
    #expect(merged.unit == .samples)
    let twice = try read(Self.fixtures + "pprof/cpu.pb", Self.fixtures + "pprof/cpu.pb")
    #expect(twice.unit == .time(.nanoseconds, samplingInterval: 0.01))
  }

  @Test func aDifferenceKeepsTheUnitOfBothRuns() throws {
    let cpu = try read(Self.fixtures + "pprof/cpu.pb")
    #expect(Profile.difference(before: cpu, after: cpu).unit == cpu.unit)
  }

  @Test func tooltipsNameTheProfilesUnitUnlessCountNameIsGiven() throws {
    let cpu = try read(Self.fixtures + "pprof/cpu.pb")
    let scene = FlameGraphLayout(options: Options()).scene(for: cpu)
    #expect(scene.countName == "nanoseconds")
    #expect(scene.frames[0].tooltip.hasPrefix("all (60,000,000 nanoseconds, 100.00%"))
    var options = Options()
    options.countName = "ns"
    let renamed = FlameGraphLayout(options: options).scene(for: cpu)
    #expect(renamed.countName == "ns")
    #expect(renamed.frames[0].tooltip.hasPrefix("all (60,000,000 ns, 100.00%"))
    let folded = FlameGraphLayout(options: Options()).scene(for: try Profile(folded: "a 2\n"))
    #expect(folded.countName == "samples")
  }
}
