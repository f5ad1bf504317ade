import FlameGraph
import FlameGraphJSON
import Foundation
import Testing

@Suite struct SpeedscopeRendererTests {
  func document(_ folded: String, countName: String = "samples") throws -> [String: Any] {
    var options = Options()
    options.countName = countName
    options.title = "demo"
    let profile = try Profile(folded: folded, options: options)
    return try JSONFixtures.object(try SpeedscopeRenderer().render(profile, options: options))
  }

  @Test func sampledProfileOverSharedFrames() throws {
    let file = JSONFixtures.path("Goldens/inputs/small-cpu.folded")
    let text = try String(contentsOfFile: file, encoding: .utf8)
    let document = try document(text)
    #expect(document["$schema"] as? String == "https://www.speedscope.app/file-format-schema.json")
    let frames = try #require((document["shared"] as? [String: Any])?["frames"] as? [[String: Any]])
    let profile = try #require((document["profiles"] as? [[String: Any]])?.first)
    #expect(profile["type"] as? String == "sampled")
    #expect(profile["unit"] as? String == "none")
    let samples = try #require(profile["samples"] as? [[Int]])
    let weights = try #require(profile["weights"] as? [Double])
    #expect(samples.count == weights.count)
    #expect(weights.reduce(0, +) == JSONFixtures.sumOfCounts(text))
    #expect(profile["endValue"] as? Double == JSONFixtures.sumOfCounts(text))
    for sample in samples { #expect(sample.allSatisfy { frames.indices.contains($0) }) }
    // Rebuild the stacks and their weights: they are the input's lines.
    var rebuilt: [String: Double] = [:]
    for (sample, weight) in zip(samples, weights) {
      let names = sample.map { index -> String in
        let frame = frames[index]
        let name = frame["name"] as! String
        guard let file = frame["file"] as? String, let line = frame["line"] as? Int else {
          return name
        }
        return "\(name) (\(file):\(line))"
      }
      rebuilt[names.joined(separator: ";"), default: 0] += weight
    }
    var expected: [String: Double] = [:]
    for line in text.split(separator: "\n") {
      let fields = line.split(separator: " ", omittingEmptySubsequences: false)
      let stack = fields.dropLast().joined(separator: " ").trimmingCharacters(in: .whitespaces)
      expected[stack, default: 0] += Double(fields.last!)!
    }
    #expect(rebuilt == expected)
  }

  @Test func columnsOfAChromeProfileReachTheExport() throws {
    // primes.cpuprofile's callFrames carry 0-based line and column numbers.
    let path = JSONFixtures.path("Tests/FlameGraphTests/Fixtures/chrome/primes.cpuprofile")
    let source =
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
      as! [String: Any]
    var columns: [String: Int] = [:]
    for node in source["nodes"] as! [[String: Any]] {
      let call = node["callFrame"] as! [String: Any]
      let name = call["functionName"] as! String
      let column = call["columnNumber"] as! Int
      if !name.isEmpty && column >= 0 && !(call["url"] as! String).isEmpty {
        columns[name] = column + 1
      }
    }
    #expect(!columns.isEmpty)
    let profile = try ProfileReader.readProfile(from: [.file(path)])
    let document = try JSONFixtures.object(
      try SpeedscopeRenderer().render(profile, options: Options()))
    let frames = (document["shared"] as! [String: Any])["frames"] as! [[String: Any]]
    for (name, column) in columns {
      let frame = frames.first { $0["name"] as? String == name }
      #expect(frame?["col"] as? Int == column, "\(name)")
    }
    // Folded names give no column: none is written.
    let folded = try self.document("parse (json/decoder.py:337) 1\n")
    let plain = (folded["shared"] as! [String: Any])["frames"] as! [[String: Any]]
    #expect(plain[0]["col"] == nil)
  }

  @Test func framesKeepFileAndLineInEverySyntax() throws {
    let document = try document(
      "parse (json/decoder.py:337);example.py:12 (main);numpy/core/numeric.py:232;C++ thing<int>::f 1\n",
      countName: "bytes")
    let frames = (document["shared"] as! [String: Any])["frames"] as! [[String: Any]]
    #expect(frames[0]["name"] as? String == "parse")
    #expect(frames[0]["file"] as? String == "json/decoder.py")
    #expect(frames[0]["line"] as? Int == 337)
    #expect(frames[1]["name"] as? String == "main")
    #expect(frames[1]["file"] as? String == "example.py")
    #expect(frames[2]["file"] as? String == "numpy/core/numeric.py")
    #expect(frames[2]["line"] as? Int == 232)
    #expect(frames[3]["name"] as? String == "C++ thing<int>::f")
    #expect(frames[3]["file"] == nil)
    let profile = (document["profiles"] as! [[String: Any]])[0]
    #expect(profile["unit"] as? String == "bytes")
  }
}
