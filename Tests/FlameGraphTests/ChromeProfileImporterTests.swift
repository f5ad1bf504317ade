import Foundation
import Testing

@testable import FlameGraph

/// Chrome `.cpuprofile` files and traces: stacks, weights, frames with
/// their place in code, detection, and malformed shapes.
@Suite struct ChromeProfileImporterTests {
  static let fixtures = repositoryRoot().appendingPathComponent(
    "Tests/FlameGraphTests/Fixtures/chrome")
  static let nodeProfile = fixtures.appendingPathComponent("primes.cpuprofile").path
  static let trace = fixtures.appendingPathComponent("two-threads.trace.json").path

  /// Imports a document held in memory.
  func profile(
    _ json: String, weight: ChromeProfileImporter.Weight = .samples,
    merging: StackMerging = .byName
  ) throws -> Profile {
    let builder = CallTreeBuilder(merging: merging)
    var diagnostics = ParseDiagnostics()
    try ChromeProfileImporter(weight: weight).importStacks(
      from: InputByteStream(bytes: Array(json.utf8), name: "test.cpuprofile"), into: builder,
      diagnostics: &diagnostics)
    return builder.finish(diagnostics: diagnostics)
  }

  /// The error an import throws, as text.
  func failure(_ json: String, weight: ChromeProfileImporter.Weight = .samples) -> String? {
    let error = #expect(throws: InputError.self) { _ = try profile(json, weight: weight) }
    return error?.description
  }

  /// The stacks of a `.cpuprofile` computed independently with
  /// JSONSerialization: display names joined by `;`, `(root)` left out.
  func expectedTotals(ofCPUProfile path: String) throws -> [String: Double] {
    let document =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
      as! [String: Any]
    let nodes = document["nodes"] as! [[String: Any]]
    var parent: [Int: Int] = [:]
    var names: [Int: String] = [:]
    for node in nodes {
      let id = node["id"] as! Int
      for child in node["children"] as? [Int] ?? [] { parent[child] = id }
      let frame = node["callFrame"] as! [String: Any]
      let function = frame["functionName"] as! String
      var url = frame["url"] as! String
      if url.hasPrefix("file://") { url.removeFirst(7) }
      let line = frame["lineNumber"] as! Int
      let name = function.isEmpty ? "(anonymous)" : function
      names[id] = url.isEmpty ? name : "\(name) (\(url):\(line + 1))"
    }
    var totals: [String: Double] = [:]
    for sample in document["samples"] as! [Int] {
      var path: [String] = []
      var current: Int? = sample
      while let node = current {
        if parent[node] != nil || names[node] != "(root)" { path.append(names[node]!) }
        current = parent[node]
      }
      // Every prefix of the stack is a node whose total grows by one.
      path.reverse()
      for depth in path.indices {
        totals[path[...depth].joined(separator: ";"), default: 0] += 1
      }
    }
    return totals
  }

  @Test func realNodeProfileHasOneStackPerSample() throws {
    let profile = try ProfileReader.readProfile(from: [.file(Self.nodeProfile)])
    let document =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: Self.nodeProfile))) as! [String: Any]
    let samples = document["samples"] as! [Int]
    #expect(profile.totalSamples == Double(samples.count))
    #expect(profile.diagnostics.validLineCount == samples.count)
    #expect(profile.diagnostics.malformedLineCount == 0)
    #expect(profile.totalsByPath == (try expectedTotals(ofCPUProfile: Self.nodeProfile)))
  }

  @Test func framesCarryFileLineAndColumnFromCallFrames() throws {
    let profile = try ProfileReader.readProfile(from: [.file(Self.nodeProfile)], format: .chrome)
    let id = try #require(profile.frames.id(of: "countPrimes (/app/primes.js:16)"))
    let location = try #require(profile.frames.location(of: id))
    #expect(location.function == "countPrimes")
    #expect(location.file == "/app/primes.js")
    #expect(location.line == 16)
    // The (root) node is no frame; V8's own nodes are.
    #expect(profile.frames.id(of: "(root)") == nil)
    #expect(profile.frames.id(of: "(program)") != nil)
    #expect(profile.childNames(of: profile.tree.root).contains("(program)"))
    // Node's internal modules keep their URL as the file name.
    #expect(profile.frames.id(of: "Module._load (node:internal/modules/cjs/loader:1003)") != nil)
    let frame = ChromeCallFrame.frame(
      .object([
        JSONMember(key: "functionName", value: .string("")),
        JSONMember(key: "url", value: .string("file:///C:/My%20App/x.js")),
        JSONMember(key: "lineNumber", value: .number(4)),
        JSONMember(key: "columnNumber", value: .number(0)),
      ]))
    #expect(frame == ImportedFrame(name: "(anonymous)", file: "C:/My App/x.js", line: 5, column: 1))
  }

  @Test func timeWeightsAreMicrosecondsToTheNextSample() throws {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Self.nodeProfile)))
    let document = try JSONSerialization.jsonObject(with: Data(bytes)) as! [String: Any]
    let deltas = document["timeDeltas"] as! [Double]
    let start = document["startTime"] as! Double
    let end = document["endTime"] as! Double
    let profile = try profile(String(decoding: bytes, as: UTF8.self), weight: .time)
    // The first delta is before the first sample; the last sample lasts to the end.
    #expect(profile.totalSamples == end - start - deltas[0])
    let small = try self.profile(
      #"{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"},"children":[2,3]},"#
        + #"{"id":2,"callFrame":{"functionName":"a"}},{"id":3,"callFrame":{"functionName":"b"}}],"#
        + #""samples":[2,3,2],"timeDeltas":[5,10,20],"startTime":100,"endTime":140}"#,
      weight: .time)
    // a: 10 µs to the next sample, then 5 from the last sample to endTime.
    #expect(small.total(at: "a") == Double(10 + 5))
    #expect(small.total(at: "b") == 20)
    let mismatch = failure(
      #"{"nodes":[{"id":1,"callFrame":{"functionName":"a"}}],"samples":[1,1],"timeDeltas":[1]}"#,
      weight: .time)
    #expect(
      mismatch
        == "test.cpuprofile: samples: not a valid Chrome CPU profile: 1 time deltas for 2 samples")
  }

  @Test func traceEventsMergeEveryThreadsProfileChunks() throws {
    let profile = try ProfileReader.readProfile(from: [.file(Self.trace)])
    #expect(profile.totalSamples == 9)
    let app = "https://example.com/app.js"
    #expect(profile.total(at: "(program)") == 1)
    #expect(profile.total(at: "main (\(app):10)") == 5)
    #expect(profile.total(at: "main (\(app):10);render (\(app):20)") == 4)
    #expect(profile.total(at: "main (\(app):10);render (\(app):20);layout (\(app):30)") == 2)
    #expect(profile.total(at: "(garbage collector)") == 1)
    #expect(profile.total(at: "(anonymous) (https://example.com/worker.js:1)") == 2)
    let id = try #require(profile.frames.id(of: "layout (\(app):30)"))
    #expect(profile.frames.location(of: id)?.file == app)
    // Time: thread 1 from its first sample to endTime, thread 2 has no endTime.
    let builder = CallTreeBuilder()
    var diagnostics = ParseDiagnostics()
    try ChromeProfileImporter(weight: .time).importStacks(
      from: InputByteStream(opening: .file(Self.trace)), into: builder, diagnostics: &diagnostics)
    #expect(builder.finish().totalSamples == (3000 - 1000 - 100) + 50)
  }

  @Test func traceAsAnArrayOfEvents() throws {
    let json = """
      [{"name":"Profile","ph":"P","pid":1,"id":"0x1","args":{"data":{"startTime":0}}},
       {"name":"ProfileChunk","ph":"P","pid":1,"id":"0x1","args":{"data":{"cpuProfile":{
         "nodes":[{"id":1,"callFrame":{"functionName":"(root)"}},
                  {"id":2,"parent":1,"callFrame":{"functionName":"(idle)"}}],
         "samples":[2,2,2]},"timeDeltas":[1,1,1]}}},
       {"name":"ProfileChunk","ph":"P","pid":1,"id":"0x1","args":{"data":{"cpuProfile":{
         "samples":[2,9]},"timeDeltas":[1,1]}}}]
      """
    let profile = try profile(json)
    #expect(profile.total(at: "(idle)") == 4)
    #expect(profile.diagnostics.malformedLineCount == 1)
    #expect(
      profile.diagnostics.firstMalformedLines.first?.description
        == "test.cpuprofile: [2].args.data.cpuProfile.samples[1]: no node has the id 9")
    #expect(
      failure(#"[{"name":"RunTask","ph":"X"}]"#)?.hasPrefix(
        "test.cpuprofile: top level: not a valid Chrome CPU profile: no CPU profile in the trace")
        == true)
  }

  @Test func detectionByContent() {
    func detected(_ text: String) -> InputFormat { InputFormat.detect(ArraySlice(text.utf8)) }
    #expect(detected(#"{"nodes":[{"id":1,"callFrame":{}}]}"#) == .chrome)
    #expect(detected("\u{FEFF}\n  {\n \"startTime\": 1, \"nodes\" : []}") == .chrome)
    #expect(detected(#"{"metadata":{},"traceEvents":[]}"#) == .chrome)
    #expect(detected(#" [ {"name":"Profile","ph":"P"}]"#) == .chrome)
    #expect(detected("main;work 3\n") == .folded)
    #expect(detected("{closure};main 3\n") == .folded)
    #expect(detected(#"[{"name":"nodes"}]"#) == .folded)
    #expect(detected(#"{"name":"nodes"}"#) == .folded)
    #expect(detected("") == .folded)
    #expect(!ChromeProfileImporter.recognizes(ArraySlice("main;nodes 1\n".utf8)))
    #expect(
      !ChromeProfileImporter.recognizes(
        ArraySlice(
          #"{"$schema":"https://www.speedscope.app/file-format-schema.json","nodes":1}"#.utf8)))
  }

  @Test func wrongShapesAreInvalidWithTheirPlace() {
    #expect(
      failure(#"{"samples":[]}"#)
        == "test.cpuprofile: top level: not a valid Chrome CPU profile: no \"nodes\" (a .cpuprofile) or \"traceEvents\" (a trace)"
    )
    #expect(
      failure("[1, 2") == "test.cpuprofile: byte 5: not a valid Chrome CPU profile: expected , or ]"
    )
    #expect(
      failure(#"{"nodes":{}}"#)?.contains(
        "nodes: not a valid Chrome CPU profile: an object, not an array of nodes") == true)
    #expect(
      failure(#"{"nodes":[{"id":1}]}"#)?.contains(
        "nodes[0]: not a valid Chrome CPU profile: no \"callFrame\" object") == true)
    #expect(
      failure(#"{"nodes":[{"id":1,"callFrame":{},"children":[7]}],"samples":[1]}"#)
        == "test.cpuprofile: nodes[0].children[0]: not a valid Chrome CPU profile: no node has the id 7"
    )
    #expect(
      failure(#"{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"}}],"samples":[]}"#)?
        .hasPrefix("test.cpuprofile: samples: not a valid Chrome CPU profile: no samples") == true)
    let cycle = failure(
      #"{"nodes":[{"id":1,"callFrame":{},"parent":2},{"id":2,"callFrame":{},"parent":1}],"samples":[1]}"#
    )
    #expect(cycle?.contains("its own ancestor (a cycle of parents)") == true)
    #expect(
      failure(#"{"nodes":[{"id":1,"callFrame":{},"parent":1}],"samples":[1]}"#)?.contains("cycle")
        == true)
    let twoParents = failure(
      #"{"nodes":[{"id":1,"callFrame":{},"children":[3]},{"id":2,"callFrame":{},"children":[3]},"#
        + #"{"id":3,"callFrame":{}}],"samples":[3]}"#)
    #expect(twoParents?.contains("node id 3 has two parents, ids 1 and 2") == true)
  }

  @Test func badSamplesAndRepeatedNodesAreCountedAndSkipped() throws {
    let profile = try profile(
      #"{"nodes":[{"id":1,"callFrame":{"functionName":"a"}},{"id":1,"callFrame":{"functionName":"b"}}],"#
        + #""samples":[1,42,"x",1]}"#)
    #expect(profile.totalSamples == 2)
    #expect(profile.total(at: "a") == 2)
    #expect(profile.diagnostics.malformedLineCount == 3)
    #expect(
      profile.diagnostics.firstMalformedLines.map(\.description) == [
        "test.cpuprofile: nodes[1]: node id 1 is repeated (the first is kept)",
        "test.cpuprofile: samples[1]: no node has the id 42",
        "test.cpuprofile: samples[2]: not an integer node id",
      ])
  }

  @Test func deepChainsAndDeepNestingDoNotOverflowTheStack() throws {
    // A chain of 100,000 nodes linked by parent ids, sampled at its end.
    let depth = 100_000
    var json = #"{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"}}"#
    for id in 2...depth {
      json += #",{"id":\#(id),"parent":\#(id - 1),"callFrame":{"functionName":"f\#(id % 7)"}}"#
    }
    json += #"],"samples":[\#(depth),\#(depth)]}"#
    let profile = try profile(json)
    #expect(profile.totalSamples == 2)
    #expect(profile.tree.nodeCount == depth)
    // Nesting deeper than the parser's limit is refused, not recursed into.
    let nested = String(repeating: "[", count: 1_000_000)
    #expect(failure(nested)?.contains("nested deeper than 512 levels") == true)
  }

  @Test func flameChartKeepsSampleOrder() throws {
    let profile = try profile(
      #"{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"},"children":[2,3]},"#
        + #"{"id":2,"callFrame":{"functionName":"a"}},{"id":3,"callFrame":{"functionName":"b"}}],"#
        + #""samples":[2,2,3,2]}"#, merging: .consecutive)
    #expect(profile.childNames(of: profile.tree.root) == ["a", "b", "a"])
  }

  @Test func hitCountsWithoutSamples() throws {
    let profile = try profile(
      #"{"nodes":[{"id":1,"callFrame":{"functionName":"(root)"},"children":[2]},"#
        + #"{"id":2,"hitCount":3,"callFrame":{"functionName":"a","url":"a.js","lineNumber":0}}]}"#)
    #expect(profile.total(at: "a (a.js:1)") == 3)
  }
  @Test func aProfileWhoseNodesComeAfterMegabytesOfSamplesIsTold() throws {
    // 300,000 samples before "nodes": the telling key is far past the
    // first bytes detection looks at.
    let count = 300_000
    let samples = Array(repeating: "2", count: count).joined(separator: ",")
    let deltas = Array(repeating: "1", count: count).joined(separator: ",")
    let json =
      "{\"startTime\":0,\"endTime\":\(count),\"samples\":[\(samples)],"
      + "\"timeDeltas\":[\(deltas)],\"nodes\":["
      + "{\"id\":1,\"callFrame\":{\"functionName\":\"(root)\",\"scriptId\":\"0\","
      + "\"url\":\"\",\"lineNumber\":-1,\"columnNumber\":-1},\"children\":[2]},"
      + "{\"id\":2,\"callFrame\":{\"functionName\":\"work\",\"scriptId\":\"1\","
      + "\"url\":\"app.js\",\"lineNumber\":3,\"columnNumber\":0}}]}"
    #expect(json.utf8.count > 4 * InputFormat.detectionLength)
    let path = FileManager.default.temporaryDirectory
      .appendingPathComponent("late-nodes-\(getpid()).cpuprofile").path
    try Data(json.utf8).write(to: URL(fileURLWithPath: path))
    defer { try? FileManager.default.removeItem(atPath: path) }
    let profile = try ProfileReader.readProfile(from: [.file(path)])
    #expect(profile.totalSamples == Double(count))
    #expect(profile.total(at: "work (app.js:4)") == Double(count))
  }
}
