import FlameGraph
import FlameGraphJSON
import Foundation
import Testing

@Suite struct TreeJSONRendererTests {
  func tree(_ folded: String, _ configure: (inout Options) -> Void = { _ in }) throws -> [String:
    Any]
  {
    var options = Options()
    configure(&options)
    let profile = try Profile(folded: folded, options: options)
    let bytes = try TreeJSONRenderer().render(profile, options: options)
    #expect(try JSONFixtures.schemaViolation(bytes, schema: "tree.schema.json") == nil)
    return try JSONFixtures.object(bytes)
  }

  @Test func nestedNodesWithValuesAndSelfCounts() throws {
    let root = try tree("main;parse 3\nmain;render;draw 5\nmain 2\n")
    #expect(root["name"] as? String == "all")
    #expect(root["value"] as? Double == 10)
    #expect(root["schema"] as? String == "swift-flamegraph/tree/1")
    let main = try #require((root["children"] as? [[String: Any]])?.first)
    #expect(main["name"] as? String == "main")
    #expect(main["self"] as? Double == 2)
    let children = try #require(main["children"] as? [[String: Any]])
    #expect(children.map { $0["name"] as? String } == ["parse", "render"])
    #expect(children.map { $0["value"] as? Double } == [3, 5])
  }

  @Test func everyValueIsItsSelfPlusItsChildren() throws {
    let text = try String(
      contentsOfFile: JSONFixtures.path("Goldens/inputs/sympy-cpu.folded"), encoding: .utf8)
    let root = try tree(text)
    #expect(root["value"] as? Double == JSONFixtures.sumOfCounts(text))
    var pending = [root]
    var nodes = 0
    while let node = pending.popLast() {
      nodes += 1
      let children = node["children"] as! [[String: Any]]
      let sum = children.reduce(node["self"] as! Double) { $0 + ($1["value"] as! Double) }
      #expect(abs(sum - (node["value"] as! Double)) < 1e-6)
      pending.append(contentsOf: children)
    }
    #expect(nodes > 1000)
  }

  @Test func differentialNodesCarryTheirDelta() throws {
    let root = try tree("main;a 10 4\nmain;b 2 7\n")
    let main = (root["children"] as! [[String: Any]])[0]
    let children = main["children"] as! [[String: Any]]
    #expect(children.map { $0["delta"] as? Double } == [-6, 5])
    #expect(main["delta"] as? Double == -1)
  }

  @Test func flameChartKeepsInputOrder() throws {
    let root = try tree("main;zeta 1\nmain;alpha 1\nmain;zeta 1\n") { $0.merging = .consecutive }
    let main = (root["children"] as! [[String: Any]])[0]
    #expect(
      (main["children"] as! [[String: Any]]).map { $0["name"] as? String } == [
        "zeta", "alpha", "zeta",
      ])
  }

  @Test func veryDeepStacksAreWrittenWithoutRecursion() throws {
    let stack = (0..<5000).map { "f\($0)" }.joined(separator: ";")
    let options = Options()
    let profile = try Profile(folded: "\(stack) 1\n", options: options)
    let bytes = try TreeJSONRenderer().render(profile, options: options)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("\"name\":\"f4999\""))
    #expect(text.filter { $0 == "{" }.count == 5001)
  }
}
