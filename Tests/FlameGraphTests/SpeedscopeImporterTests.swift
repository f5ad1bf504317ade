import Foundation
import Testing

@testable import FlameGraph

/// speedscope files: sampled and evented profiles, choosing profiles,
/// frames with their place in code, detection, and malformed shapes.
@Suite struct SpeedscopeImporterTests {
  static let fixtures = repositoryRoot().appendingPathComponent(
    "Tests/FlameGraphTests/Fixtures/speedscope")
  static func fixture(_ name: String) -> String {
    fixtures.appendingPathComponent(name).path
  }

  /// Imports a file or a document held in memory.
  func profile(
    _ json: String? = nil, file: String? = nil,
    selection: SpeedscopeImporter.ProfileSelection = .all
  ) throws -> Profile {
    let builder = CallTreeBuilder()
    var diagnostics = ParseDiagnostics()
    let input =
      try file.map { try InputByteStream(opening: .file(Self.fixture($0))) }
      ?? InputByteStream(bytes: Array(json!.utf8), name: "test.speedscope.json")
    try SpeedscopeImporter(profile: selection).importStacks(
      from: input, into: builder, diagnostics: &diagnostics)
    return builder.finish(diagnostics: diagnostics)
  }

  func failure(_ json: String, selection: SpeedscopeImporter.ProfileSelection = .all) -> String? {
    let error = #expect(throws: InputError.self) {
      _ = try profile(json, selection: selection)
    }
    return error?.description
  }

  /// A document with three frames a, b, c and the given profiles.
  func document(_ profiles: String) -> String {
    #"{"$schema":"https://www.speedscope.app/file-format-schema.json","shared":{"frames":"#
      + #"[{"name":"a"},{"name":"b"},{"name":"c"}]},"profiles":[\#(profiles)]}"#
  }

  @Test func sampledProfileWeighsEachStack() throws {
    let profile = try ProfileReader.readProfile(
      from: [.file(Self.fixture("sampled.speedscope.json"))])
    #expect(profile.totalSamples == 30 + 45 + 5 + 15 + 5)
    let main = "main (app/main.py:3)"
    let compute = "compute (app/math.py:40)"
    #expect(profile.total(at: "\(main);load (app/io.py:12)") == 30)
    #expect(profile.total(at: "\(main);\(compute)") == 65)
    #expect(profile.total(at: "\(main);\(compute);sum") == 60)
    // A name that already is its location is not repeated.
    #expect(profile.total(at: "\(main);app/cache.py:7") == 5)
    let id = try #require(profile.frames.id(of: compute))
    #expect(
      profile.frames.location(of: id)
        == FrameLocation(function: "compute", file: "app/math.py", line: 40, column: 5))
    let cache = try #require(profile.frames.id(of: "app/cache.py:7"))
    #expect(profile.frames.location(of: cache)?.file == "app/cache.py")
    #expect(profile.frames.location(of: cache)?.line == 7)
  }

  @Test func eventedProfileWeighsTheTimeOnTop() throws {
    let profile = try profile(file: "evented.speedscope.json")
    let main = "main (src/main.rs:10)"
    let parse = "parse (src/parse.rs:22)"
    #expect(profile.totalSamples == 100)
    #expect(profile.total(at: main) == 100)
    #expect(profile.total(at: "\(main);\(parse)") == 70)
    #expect(profile.total(at: "\(main);\(parse);lex (src/lex.rs:5)") == 30)
    #expect(profile.total(at: "\(main);\(parse);\(parse)") == 10)
    #expect(profile.tree.selfCount(of: profile.node(at: main)!) == 30)
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func profilesAreMergedOrChosen() throws {
    let all = try profile(file: "two-profiles.speedscope.json")
    #expect(all.totalSamples == 7 + 10)
    #expect(all.childNames(of: all.tree.root) == ["main (src/main.c:1)", "thread_start"])
    let worker = try profile(file: "two-profiles.speedscope.json", selection: .named("worker"))
    #expect(worker.totalSamples == 10)
    #expect(worker.total(at: "thread_start;poll (src/poll.c:30)") == 7)
    let first = try profile(file: "two-profiles.speedscope.json", selection: .index(0))
    #expect(first.totalSamples == 7)
    #expect(first.total(at: "main (src/main.c:1);work (src/work.c:8)") == 6)
    let text = try String(
      contentsOfFile: Self.fixture("two-profiles.speedscope.json"), encoding: .utf8)
    #expect(
      failure(text, selection: .named("gpu"))
        == "test.speedscope.json: profiles: not a valid speedscope profile: no profile named \"gpu\" (there are \"main thread\", \"worker\")"
    )
    #expect(failure(text, selection: .index(2))?.contains("no profile [2]: the file has 2") == true)
  }

  @Test func detectionByContent() {
    func detected(_ text: String) -> InputFormat { InputFormat.detect(ArraySlice(text.utf8)) }
    #expect(
      detected(#"{"$schema": "https://www.speedscope.app/file-format-schema.json", "shared": {}}"#)
        == .speedscope)
    #expect(
      detected(
        "\u{FEFF} \n{\"exporter\":\"x\",\n\"$schema\" :\"https://www.speedscope.app/file-format-schema.json\"}"
      )
        == .speedscope)
    #expect(detected(#"{"$schema": "https://json-schema.org/draft-07/schema"}"#) == .folded)
    #expect(detected("speedscope;$schema 1\n") == .folded)
    #expect(!SpeedscopeImporter.recognizes(ArraySlice(#"{"nodes":[]}"#.utf8)))
    #expect(!SpeedscopeImporter.recognizes(ArraySlice("main;work 3\n".utf8)))
    #expect(!SpeedscopeImporter.recognizes([]))
  }

  @Test func unbalancedEventsAreCounted() throws {
    let profile = try profile(
      document(
        #"{"type":"evented","endValue":50,"events":[{"type":"C","frame":0,"at":0},"#
          + #"{"type":"O","frame":0,"at":0},{"type":"O","frame":1,"at":10},"#
          + #"{"type":"O","frame":2,"at":20},{"type":"C","frame":1,"at":30},"#
          + #"{"type":"O","frame":2,"at":25},{"type":"X","frame":2,"at":40},"#
          + #"{"type":"O","frame":9,"at":40}]}"#))
    #expect(
      profile.diagnostics.firstMalformedLines.map(\.description) == [
        "test.speedscope.json: profiles[0].events[0]: it closes a frame that is not open",
        "test.speedscope.json: profiles[0].events[4]: it closes a frame while frames inside it are open",
        "test.speedscope.json: profiles[0].events[5]: \"at\" is earlier than the event before",
        "test.speedscope.json: profiles[0].events[6]: the type is not \"O\" or \"C\"",
        "test.speedscope.json: profiles[0].events[7]: the frame is not a frame index below 3",
      ])
    #expect(profile.diagnostics.malformedLineCount == 6)  // and one frame left open
    #expect(profile.total(at: "a") == 50)
    #expect(profile.total(at: "a;b") == 20)
    #expect(profile.total(at: "a;b;c") == 10)
    #expect(profile.total(at: "a;c") == 20)
  }

  @Test func wrongShapesAreInvalidWithTheirPlace() throws {
    #expect(
      failure(#"{"$schema":"speedscope","profiles":[]}"#)
        == "test.speedscope.json: shared.frames: not a valid speedscope profile: missing")
    #expect(
      failure(#"{"shared":{"frames":[{"file":"x"}]},"profiles":[]}"#)?.contains(
        "shared.frames[0]: not a valid speedscope profile: no \"name\" string") == true)
    #expect(
      failure(document(""))?.contains("profiles: not a valid speedscope profile: empty") == true)
    #expect(
      failure(document(#"{"type":"sampled","samples":[[0]],"weights":[1,2]}"#))
        == "test.speedscope.json: profiles[0].weights: not a valid speedscope profile: 2 weights for 1 samples"
    )
    #expect(failure(document(#"{"type":"evented"}"#))?.contains("without \"events\"") == true)
    #expect(
      failure("{\"shared\": ")
        == "test.speedscope.json: byte 11: not a valid speedscope profile: unexpected end")
  }

  @Test func badSamplesAndUnknownProfilesAreCounted() throws {
    let profile = try profile(
      document(
        #"{"type":"sampled","samples":[[0,1],[0,3],[0,-1],[2],"x",[1]],"weights":[2,1,1,4,1,-1]},"#
          + #"{"type":"flame"},{"type":"sampled","samples":[[0]]}"#))
    #expect(profile.totalSamples == 2 + 4 + 1)
    #expect(profile.total(at: "a") == 3)
    #expect(
      profile.diagnostics.firstMalformedLines.map(\.description) == [
        "test.speedscope.json: profiles[0].samples[1]: frame [1] is not a frame index below 3",
        "test.speedscope.json: profiles[0].samples[2]: frame [1] is not a frame index below 3",
        "test.speedscope.json: profiles[0].samples[4]: not an array of frame indices",
        "test.speedscope.json: profiles[0].samples[5]: the weight is not a finite number of at least 0",
        "test.speedscope.json: profiles[1]: the type is not \"sampled\" or \"evented\"",
      ])
  }

  @Test func deeplyNestedEventsStayWithinTheFrameBudget() throws {
    // 3,000 nested opens then closes: 6,000 stacks of up to 3,000 frames.
    let depth = 3_000
    var events: [String] = []
    for time in 0..<depth { events.append(#"{"type":"O","frame":\#(time % 3),"at":\#(time)}"#) }
    for time in 0..<depth {
      events.append(#"{"type":"C","frame":\#((depth - 1 - time) % 3),"at":\#(depth + time)}"#)
    }
    let profile = try profile(
      document(#"{"type":"evented","events":[\#(events.joined(separator: ","))]}"#))
    #expect(profile.totalSamples == Double(2 * depth - 1))
    #expect(profile.diagnostics.malformedLineCount == 0)
  }
}
