import Foundation
import Testing

/// The command names each profile's own unit, in graphs and reports, and
/// `--countname` still renames it.
@Suite struct CountUnitCommandTests {
  static let cpu = "Tests/FlameGraphTests/Fixtures/pprof/cpu.pb"

  func svg(_ arguments: [String]) throws -> String {
    let result = try CommandRunner.run(arguments, in: RepositoryPaths.root)
    #expect(result.status == 0, "\(result.standardError)")
    return String(decoding: result.standardOutput, as: UTF8.self)
  }

  func reportText(_ arguments: [String]) throws -> String {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let pdf = directory.appendingPathComponent("report.pdf").path
    let result = try ReportRunner.run(arguments + ["-o", pdf])
    #expect(result.status == 0, "\(result.standardError)")
    return try ReportRunner.text(ofPDF: pdf)
  }

  @Test func aCPUProfilesReportGivesItsTimeNotSamples() throws {
    let text = try reportText([Self.cpu])
    // The fixture's cpu values: 30 + 20 + 10 ms in nanoseconds.
    #expect(text.contains("60,000,000 nanoseconds (60 ms)"))
    #expect(text.contains("one sample every 10 ms"))
    #expect(!text.contains("samples"))
    #expect(text.contains("Time in the function itself"))
  }

  @Test func aReportsCountNameStillOverrides() throws {
    let text = try reportText([Self.cpu, "--countname", "ns"])
    #expect(text.contains("60,000,000 ns (60 ms)"))
    #expect(!text.contains("nanoseconds"))
  }

  @Test func aHeapReportIsInBytes() throws {
    let text = try reportText(["Tests/FlameGraphTests/Fixtures/pprof/heap.pb"])
    #expect(text.contains("5,300 bytes (5.18 KiB)"))
    #expect(text.contains("Bytes in the function itself"))
  }

  @Test func graphTooltipsNameTheUnit() throws {
    #expect(try svg([Self.cpu]).contains("(60,000,000 nanoseconds, 100.00%)"))
    #expect(try svg([Self.cpu, "--countname", "ns"]).contains("(60,000,000 ns, 100.00%)"))
    let austin = try svg(["Examples/small-cpu.austin"])
    #expect(austin.contains(" microseconds, 100.00%)"))
    #expect(!austin.contains(" samples, 100.00%)"))
    #expect(try svg(["Examples/seed-memory.folded"]).contains(" samples, 100.00%)"))
  }
}
