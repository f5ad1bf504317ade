import Testing

@testable import FlameGraph

/// What a unit is called, how its amounts read, and how the units of
/// several sources combine.
@Suite struct CountUnitTests {
  @Test(arguments: [
    (0.06, "60 ms"), (1.2, "1.2 s"), (12.34, "12.3 s"), (0.000_85, "850 µs"),
    (850e-9, "850 ns"), (0.999_96, "1 s"), (125.0, "2 min 5 s"), (120.0, "2 min"),
    (3_723.0, "1 h 2 min"), (0.0, "0 s"),
  ])
  func durationsReadInTheUnitThatKeepsThemShort(seconds: Double, text: String) {
    #expect(CountFormatter.duration(seconds: seconds) == text)
  }

  @Test(arguments: [
    (512.0, "512 B"), (7_000.0, "6.84 KiB"), (400.0 * 1_048_576, "400 MiB"),
    (1.5 * 1_073_741_824, "1.5 GiB"),
  ])
  func sizesReadInBinaryUnits(bytes: Double, text: String) {
    #expect(CountFormatter.size(bytes: bytes) == text)
  }

  @Test func formatsNamesOfUnitsAreUnderstood() {
    #expect(CountUnit(declaredName: "nanoseconds") == .time(.nanoseconds))
    #expect(CountUnit(declaredName: "µs") == .time(.microseconds))
    #expect(CountUnit(declaredName: "milliseconds") == .time(.milliseconds))
    #expect(CountUnit(declaredName: "bytes") == .bytes)
    #expect(CountUnit(declaredName: "none") == .samples)
    #expect(CountUnit(declaredName: "count") == .samples)
    #expect(CountUnit(declaredName: "cycles") == CountUnit(.named("cycles")))
  }

  @Test func namesAndQuantities() {
    #expect(CountUnit.samples.name == "samples")
    #expect(CountUnit.time(.microseconds).name == "microseconds")
    #expect(CountUnit(.named("alloc_objects")).name == "alloc_objects")
    #expect(CountUnit.bytes.quantity == "Bytes")
    #expect(CountUnit.time(.seconds).quantity == "Time")
  }

  @Test func samplesOfKnownIntervalReadAsTheTimeProfiled() {
    let unit = CountUnit(.samples, samplingInterval: 0.01)
    #expect(unit.readable(6) == "60 ms")
    #expect(CountUnit.samples.readable(6) == nil)
    #expect(CountUnit.time(.nanoseconds).readable(60_000_000) == "60 ms")
    #expect(CountUnit.bytes.readable(7_000) == "6.84 KiB")
  }

  @Test func sourcesOfOneUnitKeepItAndOthersMakeSamples() {
    let cpu = CountUnit.time(.nanoseconds, samplingInterval: 0.01)
    #expect(cpu.merged(with: cpu) == cpu)
    #expect(cpu.merged(with: .time(.nanoseconds)) == .time(.nanoseconds))
    #expect(cpu.merged(with: .bytes) == .samples)
  }

  @Test func anIntervalThatIsNotATimeIsDropped() {
    #expect(CountUnit(.samples, samplingInterval: 0).samplingInterval == nil)
    #expect(CountUnit(.samples, samplingInterval: -.infinity).samplingInterval == nil)
  }
}
