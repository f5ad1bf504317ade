import FlameGraph
import FlameGraphJSON
import Foundation
import Testing

/// The call-tree exports hold what the graph shows: frames below the
/// minimum width are left out of the tree JSON and folded into their
/// nearest drawn ancestor in speedscope, and `--minwidth 0` keeps all.
@Suite("Tree and speedscope exports honor the minimum width")
struct MinimumWidthExportTests {
  static let file = "Goldens/inputs/sympy-cpu.folded"

  static func text() throws -> String {
    try String(contentsOfFile: JSONFixtures.path(file), encoding: .utf8)
  }

  /// Every stack prefix of the folded text with its total: the oracle.
  static func prefixTotals(_ text: String) -> [String: Double] {
    var totals: [String: Double] = [:]
    for line in text.split(separator: "\n") {
      guard let space = line.lastIndex(of: " "),
        let count = Double(line[line.index(after: space)...])
      else { continue }
      var path = ""
      for frame in line[..<space].split(separator: ";") {
        path += (path.isEmpty ? "" : ";") + frame
        totals[path, default: 0] += count
      }
    }
    return totals
  }

  /// The paths of the frames a graph with these options draws.
  static func drawnPaths(_ profile: Profile, _ options: Options) -> Set<String> {
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    var paths: [String] = []
    for box in scene.frames {
      paths.append(
        box.parent <= 0 ? (box.parent < 0 ? "" : box.name) : paths[box.parent] + ";" + box.name)
    }
    return Set(paths.dropFirst())
  }

  /// The tree JSON's node paths with their values.
  static func treePaths(_ bytes: [UInt8]) throws -> [String: Double] {
    let root = try JSONFixtures.object(bytes)
    var result: [String: Double] = [:]
    var pending: [(node: [String: Any], path: String)] = [(root, "")]
    while let (node, path) = pending.popLast() {
      for child in node["children"] as! [[String: Any]] {
        let name = child["name"] as! String
        let childPath = path.isEmpty ? name : path + ";" + name
        result[childPath] = child["value"] as? Double
        pending.append((child, childPath))
      }
    }
    return result
  }

  @Test(arguments: [MinimumWidth.percent(0.5), .points(2), .points(0.1)])
  func theTreeHoldsTheFramesTheGraphDraws(minimumWidth: MinimumWidth) throws {
    let text = try Self.text()
    var options = Options()
    options.minimumWidth = minimumWidth
    let profile = try Profile(folded: text, options: options)
    let tree = try Self.treePaths(try TreeJSONRenderer().render(profile, options: options))
    let expected = Self.prefixTotals(text)
    #expect(Set(tree.keys) == Self.drawnPaths(profile, options))
    #expect(tree.allSatisfy { expected[$0.key] == $0.value })
    if minimumWidth != .points(0.1) { #expect(tree.count < expected.count / 2) }
  }

  @Test func aMinimumWidthOfZeroWritesTheWholeTree() throws {
    let text = try Self.text()
    var options = Options()
    options.minimumWidth = .points(0)
    let profile = try Profile(folded: text, options: options)
    let tree = try Self.treePaths(try TreeJSONRenderer().render(profile, options: options))
    #expect(tree == Self.prefixTotals(text))
  }

  /// The speedscope samples as stack paths with their weights.
  static func speedscopeStacks(_ bytes: [UInt8]) throws -> [String: Double] {
    let document = try JSONFixtures.object(bytes)
    let frames = ((document["shared"] as! [String: Any])["frames"] as! [[String: Any]])
    let names = frames.map { frame in
      // Frames keep their function as their name; the graph's name has the location.
      frame["name"] as! String
    }
    let profile = (document["profiles"] as! [[String: Any]])[0]
    let samples = profile["samples"] as! [[Int]]
    let weights = profile["weights"] as! [Double]
    var result: [String: Double] = [:]
    for (stack, weight) in zip(samples, weights) {
      result[stack.map { names[$0] }.joined(separator: ";"), default: 0] += weight
    }
    return result
  }

  @Test func speedscopeFoldsThinStacksIntoTheirDrawnAncestor() throws {
    // Plain names, so that speedscope's frame names are the folded ones.
    let text =
      "main;parse;tokenize 50\nmain;parse;tiny 1\nmain;parse;tiny;tinier 1\nmain;work 40\nmain;rare 2\nidle 6\n"
    var options = Options()
    options.minimumWidth = .percent(2.5)
    let profile = try Profile(folded: text, options: options)
    let bytes = try SpeedscopeRenderer().render(profile, options: options)
    let stacks = try Self.speedscopeStacks(bytes)
    // tiny (2 of 100 with tinier) and rare (2) are under 2.5%: their samples
    // go to parse and main.
    #expect(
      stacks == ["main;parse;tokenize": 50, "main;parse": 2, "main;work": 40, "main": 2, "idle": 6])
    #expect(stacks.values.reduce(0, +) == profile.totalSamples)
    options.minimumWidth = .points(0)
    let everything = try Self.speedscopeStacks(
      try SpeedscopeRenderer().render(profile, options: options))
    #expect(everything["main;parse;tiny;tinier"] == 1 && everything.count == 6)
  }

  @Test(arguments: [MinimumWidth.points(2), .percent(1), .points(0)])
  func theTreeOfAProfileReadForItIsTheTreeOfAllNodes(minimumWidth: MinimumWidth) throws {
    var options = Options()
    options.minimumWidth = minimumWidth
    let backend = TreeJSONRenderer.backend
    let adjusted = backend.adjusted(options)
    let text = try Self.text()
    let kept = try Profile(folded: text, options: adjusted)
    let all = try Profile(folded: text, options: options)
    if case .points(0) = minimumWidth {
      #expect(kept.tree.nodeCount == all.tree.nodeCount)
    } else {
      #expect(kept.tree.omittedNodeCount > 0)
    }
    let keptWriter = ByteWriter()
    let allWriter = ByteWriter()
    try backend.write(kept, options: adjusted, to: keptWriter)
    try backend.write(all, options: options, to: allWriter)
    keptWriter.flush()
    allWriter.flush()
    #expect(keptWriter.collected.count > 1000)
    #expect(keptWriter.collected == allWriter.collected)
  }
}
