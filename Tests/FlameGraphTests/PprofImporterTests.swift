import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraph

// The fixtures are made by Fixtures/pprof/make_fixtures.py, whose docstring
// describes each one.

/// The bytes of a fixture under `Tests/FlameGraphTests/Fixtures/pprof/`.
private func fixture(_ name: String) throws -> [UInt8] {
  let url = repositoryRoot().appendingPathComponent("Tests/FlameGraphTests/Fixtures/pprof/\(name)")
  return Array(try Data(contentsOf: url))
}

/// A profile imported from pprof bytes, validated as the reader does.
private func importPprof(_ bytes: [UInt8], sampleType: String? = nil) throws -> Profile {
  let builder = CallTreeBuilder()
  var diagnostics = ParseDiagnostics()
  try PprofImporter(sampleType: sampleType).importStacks(
    from: InputByteStream(bytes: bytes, name: "test.pb"), into: builder,
    diagnostics: &diagnostics)
  return try FoldedStackReader.validated(builder.finish(diagnostics: diagnostics), strict: false)
}

private let mainFrame = "main.main (main.go:12)"
private let loadFrame = "main.load (main.go:20)"
private let parseFrame = "main.parse (main.go:31)"
private let unmarshalFrame =
  "encoding/json.Unmarshal (/usr/local/go/src/encoding/json/decode.go:100)_[i]"
private let walkFrame = "main.walk (main.go:40)"
private let mallocFrame = "runtime.mallocgc (/usr/local/go/src/runtime/malloc.go:900)"

@Suite("Importing pprof profiles")
struct PprofImporterTests {
  @Test func countsTheLastSampleTypeByDefault() throws {
    let profile = try importPprof(fixture("heap.pb"))

    #expect(profile.tree.total(of: profile.tree.root) == 5300)  // inuse_space
    #expect(
      profile.totalsByPath == [
        mainFrame: 5300,
        "\(mainFrame);\(loadFrame)": 200,
        "\(mainFrame);\(loadFrame);\(mallocFrame)": 200,
        "\(mainFrame);\(parseFrame)": 5000,
        "\(mainFrame);\(parseFrame);\(unmarshalFrame)": 5000,
        "\(mainFrame);\(parseFrame);\(unmarshalFrame);\(mallocFrame)": 5000,
        "\(mainFrame);\(walkFrame)": 100,
        "\(mainFrame);\(walkFrame);\(walkFrame)": 100,
        "\(mainFrame);\(walkFrame);\(walkFrame);\(walkFrame)": 100,
        "\(mainFrame);\(walkFrame);\(walkFrame);\(walkFrame);\(mallocFrame)": 100,
      ])
  }

  @Test(arguments: [
    ("alloc_objects", 25.0), ("alloc_space", 7000), ("inuse_objects", 8), ("inuse_space", 5300),
  ])
  func theRootTotalIsTheSumOfTheChosenValues(sampleType: String, sum: Double) throws {
    let profile = try importPprof(fixture("heap.pb"), sampleType: sampleType)

    #expect(profile.tree.total(of: profile.tree.root) == sum)
    #expect(profile.diagnostics.validLineCount == 4)
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func aZeroValuedSampleAddsNothing() throws {
    let inUse = try importPprof(fixture("heap.pb"), sampleType: "inuse_space")
    let allocated = try importPprof(fixture("heap.pb"), sampleType: "alloc_space")

    // The fourth sample (main;load;mallocgc) allocated 700 bytes, all freed.
    #expect(inUse.total(at: "\(mainFrame);\(loadFrame)") == 200)
    #expect(allocated.total(at: "\(mainFrame);\(loadFrame)") == 1700)
  }

  @Test func framesCarryTheirFileAndLine() throws {
    let profile = try importPprof(fixture("heap.pb"))
    let load = try #require(profile.frames.id(of: loadFrame))
    let malloc = try #require(profile.frames.id(of: mallocFrame))

    #expect(
      profile.frames.importedLocation(of: load)
        == FrameLocation(function: "main.load", file: "main.go", line: 20))
    #expect(
      profile.frames.location(of: malloc)
        == FrameLocation(
          function: "runtime.mallocgc", file: "/usr/local/go/src/runtime/malloc.go", line: 900))
  }

  @Test func inlinedLinesAreFramesBelowTheirCaller() throws {
    let profile = try importPprof(fixture("heap.pb"))
    let parse = try #require(profile.frames.id(of: parseFrame))
    let unmarshal = try #require(profile.frames.id(of: unmarshalFrame))

    #expect(profile.frames.annotation(of: parse) == nil)
    #expect(profile.frames.annotation(of: unmarshal) == .inlined)
    #expect(
      profile.frames.name(of: unmarshal)
        == "encoding/json.Unmarshal (/usr/local/go/src/encoding/json/decode.go:100)")
    #expect(profile.frames.importedLocation(of: unmarshal)?.line == 100)
  }

  @Test func recursionKeepsEveryCall() throws {
    let profile = try importPprof(fixture("heap.pb"), sampleType: "alloc_objects")

    #expect(profile.total(at: "\(mainFrame);\(walkFrame);\(walkFrame);\(walkFrame)") == 3)
  }

  @Test func anUnknownSampleTypeListsTheTypes() throws {
    let error = #expect(throws: InputError.self) {
      try importPprof(fixture("heap.pb"), sampleType: "cpu")
    }

    #expect(
      error
        == .unknownSampleType(
          path: "test.pb", requested: "cpu",
          available: ["alloc_objects", "alloc_space", "inuse_objects", "inuse_space"]))
    #expect(
      error?.description
        == "test.pb has no sample type \"cpu\"; its sample types are alloc_objects, "
        + "alloc_space, inuse_objects, inuse_space")
  }

  @Test func cpuValuesStayAsRecorded() throws {
    let time = try importPprof(fixture("cpu.pb"))
    let samples = try importPprof(fixture("cpu.pb"), sampleType: "samples")

    #expect(time.tree.total(of: time.tree.root) == 60_000_000)
    #expect(samples.tree.total(of: samples.tree.root) == 6)
    #expect(samples.total(at: "main.main (app.go:5);main.compute (app.go:9)") == 3)
    #expect(
      samples.total(at: "main.main (app.go:5);sort.Slice (/usr/local/go/src/sort/slice.go:14)") == 2
    )
  }

  @Test func theDefaultSampleTypeWinsOverTheLast() throws {
    let byDefault = try importPprof(fixture("native.pb"))
    let wall = try importPprof(fixture("native.pb"), sampleType: "wall")

    #expect(byDefault.tree.total(of: byDefault.tree.root) == 7)
    #expect(wall.tree.total(of: wall.tree.root) == 700)
  }

  @Test func locationsWithoutSymbolsAreNamedByMappingOrAddress() throws {
    let profile = try importPprof(fixture("native.pb"))

    #expect(
      profile.totalsByPath == [
        "main (app.c:7)": 7,
        "main (app.c:7);libc.so.6+0x29234": 5,
        "main (app.c:7);libc.so.6+0x29234;0xdeadbeef": 1,
        "main (app.c:7);_Z6helperv": 2,
      ])
    let helper = try #require(profile.frames.id(of: "_Z6helperv"))
    #expect(profile.frames.importedLocation(of: helper) == nil)
  }

  @Test func readsThroughDetectionAndByName() throws {
    try withTemporaryDirectory { directory in
      let path = try writeFile(try fixture("heap.pb"), named: "heap.pb", in: directory)
      let detected = try ProfileReader.readProfile(from: [.file(path)])
      let named = try ProfileReader.readProfile(from: [.file(path)], format: .pprof)

      #expect(detected.tree.total(of: detected.tree.root) == 5300)
      #expect(named.totalsByPath == detected.totalsByPath)
    }
  }

  @Test func anEmptyInputIsAnError() throws {
    let error = #expect(throws: InputError.self) { try importPprof([]) }
    #expect(
      error == .invalidFormat(format: "pprof", place: "test.pb", reason: "the input is empty"))
  }

  @Test func aProfileWithoutSamplesIsAnError() throws {
    // sample_type {type: 1, unit: 2}, string_table "", "cpu", "ns".
    let bytes: [UInt8] =
      [0x0a, 0x04, 0x08, 0x01, 0x10, 0x02, 0x32, 0x00, 0x32, 0x03] + Array("cpu".utf8)
      + [0x32, 0x02] + Array("ns".utf8)
    let error = #expect(throws: InputError.self) { try importPprof(bytes) }
    #expect(
      error
        == .invalidFormat(format: "pprof", place: "test.pb", reason: "the profile has no samples"))
  }

  @Test func aMalformedSampleIsSkippedAndCounted() throws {
    // Two sample types; the first sample has one value, the second refers
    // to a location that does not exist, the third is fine.
    var bytes: [UInt8] = [0x0a, 0x02, 0x08, 0x01, 0x0a, 0x02, 0x08, 0x02]
    bytes += [0x12, 0x05, 0x0a, 0x01, 0x01, 0x10, 0x05]  // one value
    bytes += [0x12, 0x07, 0x0a, 0x01, 0x09, 0x12, 0x02, 0x05, 0x06]  // location 9
    bytes += [0x12, 0x07, 0x0a, 0x01, 0x01, 0x12, 0x02, 0x03, 0x04]  // fine
    bytes += [0x22, 0x02, 0x08, 0x01]  // location 1, no lines, no mapping
    bytes += [0x32, 0x00, 0x32, 0x01, 0x61, 0x32, 0x01, 0x62]  // "", "a", "b"
    let profile = try importPprof(bytes)

    #expect(profile.totalsByPath == ["0x0": 4])
    #expect(profile.diagnostics.malformedLineCount == 2)
    #expect(
      profile.diagnostics.firstMalformedLines.map(\.description) == [
        "test.pb: byte 8: the sample has 1 values for 2 sample types",
        "test.pb: byte 15: the sample's location 9 is not in the profile",
      ])
  }

  @Test func aStringIndexOutsideTheTableIsAnError() throws {
    let bytes: [UInt8] = [0x0a, 0x02, 0x08, 0x07, 0x32, 0x00]  // type: string 7 of 1
    let error = #expect(throws: InputError.self) { try importPprof(bytes) }
    #expect(error?.description.contains("sample type 1's name is string 7") == true)
  }
}

@Suite("Telling pprof from other formats")
struct PprofDetectionTests {
  @Test(arguments: ["heap.pb", "cpu.pb", "native.pb"])
  func recognizesTheFixtures(name: String) throws {
    let bytes = try fixture(name)

    #expect(InputFormat.detect(bytes[...]) == .pprof)
    // A head cut inside a field, as the first 64 KiB of a large file is.
    #expect(PprofImporter.recognizes(bytes.prefix(bytes.count / 2)))
  }

  @Test(arguments: [
    "main;parse;read 120\nmain;work 3\n",
    "\nmain;work 3\n",
    "2 idle\n",
    "\"quoted\";frame 4\n",
    "{\"$schema\": \"https://www.speedscope.app/file-format-schema.json\"}",
    "[{\"name\": \"main\", \"ph\": \"X\"}]",
    "python3  1234 12345.678901:     250000 cpu-clock:\n\t7f1c2a3b4c5d PyEval (libpython3.so)\n",
    "perf 1234 [000] 12345.678: cycles:\n",
    "",
  ])
  func doesNotMistakeText(text: String) {
    #expect(!PprofImporter.recognizes(ArraySlice(text.utf8)))
    #expect(InputFormat.detect(ArraySlice(text.utf8)) != .pprof)
  }

  @Test(arguments: [
    "Examples/seed-memory.folded", "Goldens/inputs/differential.folded",
    "Goldens/inputs/long-names.folded", "Goldens/inputs/small-cpu.folded",
    "Goldens/inputs/sympy-cpu.folded",
  ])
  func theRepositorysFoldedProfilesStayFolded(path: String) throws {
    let bytes = Array(try Data(contentsOf: repositoryRoot().appendingPathComponent(path)))

    #expect(InputFormat.detect(bytes.prefix(InputFormat.detectionLength)) == .folded)
  }

  @Test func requiresTheStringTableToStartEmpty() {
    #expect(PprofImporter.recognizes([0x32, 0x00, 0x32, 0x01, 0x61]))
    #expect(!PprofImporter.recognizes([0x32, 0x01, 0x61, 0x32, 0x00]))
  }
}

@Suite("pprof input that is damaged")
struct PprofDamagedInputTests {
  /// Imports bytes that may be anything: throwing is fine, trapping is not.
  private func importAnything(_ bytes: [UInt8]) {
    _ = PprofImporter.recognizes(bytes[...])
    _ = try? importPprof(bytes)
  }

  @Test(arguments: ["heap.pb", "cpu.pb", "native.pb"])
  func truncationAtEveryByteThrowsOrImports(name: String) throws {
    let bytes = try fixture(name)
    var thrown = 0
    for length in 0..<bytes.count {
      do { _ = try importPprof(Array(bytes.prefix(length))) } catch { thrown += 1 }
      _ = PprofImporter.recognizes(bytes.prefix(length))
    }
    // Most cuts fall inside a field or before the string table ends.
    #expect(thrown > bytes.count / 2)
  }

  @Test(arguments: ["heap.pb", "cpu.pb", "native.pb"])
  func randomByteFlipsNeverCrash(name: String) throws {
    let bytes = try fixture(name)
    var random = SeededRandom(seed: 0x5eed)
    for _ in 0..<1500 {
      var damaged = bytes
      for _ in 0..<Int.random(in: 1...4, using: &random) {
        damaged[Int.random(in: 0..<damaged.count, using: &random)] = UInt8.random(
          in: 0...255, using: &random)
      }
      importAnything(damaged)
    }
  }

  @Test func randomBytesNeverCrash() {
    var random = SeededRandom(seed: 7)
    for _ in 0..<2000 {
      let count = Int.random(in: 0...64, using: &random)
      importAnything((0..<count).map { _ in UInt8.random(in: 0...255, using: &random) })
    }
  }
}

@Suite("Reading the protobuf wire format")
struct ProtobufReaderTests {
  private func read<Result>(
    _ bytes: [UInt8], _ body: (inout ProtobufReader) throws -> Result
  ) throws -> Result {
    try bytes.withUnsafeBufferPointer { buffer in
      var reader = ProtobufReader(buffer)
      return try body(&reader)
    }
  }

  @Test func readsVarintsUpTo64Bits() throws {
    let largest: [UInt8] = [0x08] + [UInt8](repeating: 0xff, count: 9) + [0x01]
    #expect(try read(largest) { try $0.readVarint($0.readTag()) } == UInt64.max)
    #expect(try read([0x08, 0xac, 0x02]) { try $0.readVarint($0.readTag()) } == 300)
    #expect(
      try read([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]) {
        try $0.readInt64($0.readTag())
      } == -1)
  }

  @Test func refusesVarintsLongerThan64Bits() {
    let tooLong: [UInt8] = [0x08] + [UInt8](repeating: 0xff, count: 9) + [0x02]
    #expect(throws: ProtobufError.self) { try read(tooLong) { try $0.readVarint($0.readTag()) } }
    let endless: [UInt8] = [0x08] + [UInt8](repeating: 0x80, count: 20)
    #expect(throws: ProtobufError.self) { try read(endless) { try $0.readVarint($0.readTag()) } }
  }

  @Test func readsFixedWidthValues() throws {
    #expect(
      try read([0x0d, 0x01, 0x02, 0x03, 0x04]) { try $0.readFixed32($0.readTag()) } == 0x0403_0201)
    #expect(
      try read([0x09, 1, 0, 0, 0, 0, 0, 0, 0x80]) { try $0.readFixed64($0.readTag()) }
        == 0x8000_0000_0000_0001)
    #expect(throws: ProtobufError.self) {
      try read([0x09, 1, 2, 3]) { try $0.readFixed64($0.readTag()) }
    }
  }

  @Test func readsPackedAndUnpackedRepeatedVarints() throws {
    let values = try read([0x0a, 0x03, 0x01, 0xac, 0x02, 0x08, 0x07]) { reader in
      var values: [UInt64] = []
      while !reader.isAtEnd { try reader.readRepeatedVarints(reader.readTag(), into: &values) }
      return values
    }
    #expect(values == [1, 300, 7])
  }

  @Test func aLengthPastTheEndIsATruncation() throws {
    let error = #expect(throws: ProtobufError.self) {
      try read([0x0a, 0x05, 0x01]) { try $0.readLengthDelimited($0.readTag()) }
    }
    #expect(error?.isTruncation == true)
    #expect(error?.offset == 1)
  }

  @Test func skipsNestedGroupsAndRefusesBrokenOnes() throws {
    // group 5 { 1: varint, group 6 { 2: fixed32 } }, then field 7.
    let nested: [UInt8] = [0x2b, 0x08, 0x01, 0x33, 0x15, 1, 2, 3, 4, 0x34, 0x2c, 0x38, 0x09]
    #expect(
      try read(nested) { reader in
        try reader.skip(reader.readTag())
        return try reader.readVarint(reader.readTag())
      } == 9)
    #expect(throws: ProtobufError.self) { try read([0x2b, 0x34]) { try $0.skip($0.readTag()) } }
    #expect(throws: ProtobufError.self) { try read([0x2c]) { try $0.skip($0.readTag()) } }
    let deep = [UInt8](repeating: 0x2b, count: 10_000)
    #expect(throws: ProtobufError.self) { try read(deep) { try $0.skip($0.readTag()) } }
  }

  @Test func refusesUnknownWireTypesAndFieldZero() {
    #expect(throws: ProtobufError.self) { try read([0x0e]) { try $0.readTag() } }
    #expect(throws: ProtobufError.self) { try read([0x00]) { try $0.readTag() } }
    #expect(throws: ProtobufError.self) {
      try read([0x08, 0x01]) { try $0.readLengthDelimited($0.readTag()) }
    }
  }
}
