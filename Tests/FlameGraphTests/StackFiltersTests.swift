import Foundation
import Testing

@testable import FlameGraph

/// Folded text read with plain string code, independently of the library,
/// to compute what the filters must give.
private struct PlainFolded {
  var lines: [(frames: [String], count: Double)] = []

  init(_ text: String) {
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let space = line.lastIndex(of: " "),
        let count = Double(line[line.index(after: space)...])
      else { continue }
      let frames = line[..<space].split(separator: ";").map(String.init)
      lines.append((frames, count))
    }
  }

  init(file: String) throws {
    self.init(
      try String(contentsOf: repositoryRoot().appendingPathComponent(file), encoding: .utf8))
  }

  var total: Double { lines.reduce(0) { $0 + $1.count } }

  /// Each distinct stack (joined by `;`) and its summed count; `rewrite`
  /// returns nil to drop a stack.
  func merged(_ rewrite: ([String]) -> [String]?) -> [String: Double] {
    var result: [String: Double] = [:]
    for line in lines {
      guard let frames = rewrite(line.frames) else { continue }
      result[frames.joined(separator: ";"), default: 0] += line.count
    }
    return result
  }
}

@Suite("Stack filters: hide, focus, ignore, recursion, depth, sort, fixed total")
struct StackFiltersTests {
  static let seedMemory = "Examples/seed-memory.folded"
  static let sympy = "Goldens/inputs/sympy-cpu.folded"

  static func profile(_ file: String, _ configure: (inout Options) throws -> Void) throws
    -> Profile
  {
    var options = Options()
    try configure(&options)
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent(file), encoding: .utf8)
    return try Profile(folded: text, options: options)
  }

  /// The folded output of a profile, read back into stack → count.
  static func foldedLines(_ profile: Profile, _ options: Options = Options()) throws
    -> [String: Double]
  {
    let text = String(
      decoding: try FoldedRenderer().render(profile, options: options), as: UTF8.self)
    var result: [String: Double] = [:]
    for line in PlainFolded(text).lines {
      result[line.frames.joined(separator: ";"), default: 0] += line.count
    }
    return result
  }

  @Test func theTestProfilesAreThere() throws {
    #expect(try PlainFolded(file: Self.seedMemory).lines.count > 700)
    #expect(try PlainFolded(file: Self.sympy).lines.count > 1000)
  }

  @Test func noFilterIsTheIdentity() throws {
    #expect(StackFilters().isIdentity)
    var filters = StackFilters()
    filters.maximumDepth = 3
    #expect(!filters.isIdentity)
    var transform = StackTransform()
    transform.filters.collapseRecursion = .direct
    #expect(!transform.isIdentity)
    #expect(StackFilters.python == StackFilters.python)
    #expect(StackFilters.python != StackFilters())
  }

  @Test func hideKeepsTheTotalAndMovesChildrenUp() throws {
    let plain = try PlainFolded(file: Self.seedMemory)
    let profile = try Self.profile(Self.seedMemory) {
      $0.transform.filters.hide = [try LinearRegex("^<frozen importlib")]
    }
    #expect(profile.totalSamples == plain.total)
    let expected = plain.merged { $0.filter { !$0.hasPrefix("<frozen importlib") } }
    #expect(try Self.foldedLines(profile) == expected)
    // numpy's import now sits right under the script.
    #expect(
      profile.node(at: ["example.py:1 (<module>)", "numpy/__init__.py:112 (<module>)"]) != nil)
    #expect(!profile.totalsByPath.keys.contains { $0.contains("<frozen importlib") })
  }

  @Test func focusAndIgnoreSplitTheTotal() throws {
    let plain = try PlainFolded(file: Self.seedMemory)
    let matching = plain.lines.filter { $0.frames.contains { $0.contains("numpy/_core/") } }
      .reduce(0) { $0 + $1.count }
    let focused = try Self.profile(Self.seedMemory) {
      $0.transform.filters.focus = [try LinearRegex("numpy/_core/")]
    }
    let ignored = try Self.profile(Self.seedMemory) {
      $0.transform.filters.ignore = [try LinearRegex("numpy/_core/")]
    }
    #expect(matching > 0 && matching < plain.total)
    #expect(focused.totalSamples == matching)
    #expect(ignored.totalSamples == plain.total - matching)
  }

  @Test func severalPatternsCombineByAnyMatch() throws {
    let plain = PlainFolded("a;x 1\nb;y 2\nc;z 4\n")
    var options = Options()
    options.transform.filters.focus = [try LinearRegex("^x$"), try LinearRegex("^y$")]
    let text = "a;x 1\nb;y 2\nc;z 4\n"
    #expect(try Profile(folded: text, options: options).totalSamples == 3)
    options.transform.filters = StackFilters()
    options.transform.filters.ignore = [try LinearRegex("^x$"), try LinearRegex("^y$")]
    #expect(try Profile(folded: text, options: options).totalSamples == 4)
    #expect(plain.total == 7)
  }

  @Test func focusRootStartsStacksAtTheFirstMatch() throws {
    let plain = try PlainFolded(file: Self.seedMemory)
    let pattern = "numpy/_core/__init__.py"
    let expected = plain.merged { frames in
      guard let first = frames.firstIndex(where: { $0.hasPrefix(pattern) }) else { return nil }
      return Array(frames[first...])
    }
    let profile = try Self.profile(Self.seedMemory) {
      $0.transform.filters.focusRoot = [try LinearRegex("^numpy/_core/__init__\\.py")]
    }
    #expect(!expected.isEmpty)
    #expect(try Self.foldedLines(profile) == expected)
    let index = profile.tree.childIndex()
    for child in index.children(of: profile.tree.root) {
      #expect(profile.name(of: child).hasPrefix(pattern))
    }
  }

  @Test func collapsingDirectRecursionOnDeepRecursion() throws {
    let plain = try PlainFolded(file: Self.sympy)
    let expected = plain.merged { frames in
      var kept: [String] = []
      for frame in frames where kept.last != frame { kept.append(frame) }
      return kept
    }
    let profile = try Self.profile(Self.sympy) { $0.transform.filters.collapseRecursion = .direct }
    #expect(profile.totalSamples == plain.total)
    #expect(try Self.foldedLines(profile) == expected)
    for node in 1..<NodeID(profile.tree.nodeCount) {
      let parent = profile.tree.parent(of: node)
      #expect(parent == 0 || profile.tree.frame(of: parent) != profile.tree.frame(of: node))
    }
  }

  @Test func collapsingAllRecursionKeepsEachFunctionOncePerStack() throws {
    let plain = try PlainFolded(file: Self.sympy)
    let expected = plain.merged { frames in
      var seen = Set<String>()
      return frames.filter { seen.insert($0).inserted }
    }
    let profile = try Self.profile(Self.sympy) { $0.transform.filters.collapseRecursion = .all }
    #expect(profile.totalSamples == plain.total)
    #expect(try Self.foldedLines(profile) == expected)
    // Deep recursion really was there: the unfiltered tree is deeper.
    let unfiltered = try Self.profile(Self.sympy) { _ in }
    let depth = { (p: Profile) in (0..<NodeID(p.tree.nodeCount)).map { p.tree.depth(of: $0) }.max()!
    }
    #expect(depth(profile) < depth(unfiltered))
  }

  @Test func indirectRecursionDropsTheInnerCall() throws {
    var options = Options()
    options.transform.filters.collapseRecursion = .all
    let profile = try Profile(folded: "f;g;f;h 2\nf;f;g 1\n", options: options)
    #expect(profile.totalsByPath == ["f": 3, "f;g": 3, "f;g;h": 2])
  }

  @Test func maximumDepthFoldsDeeperFramesIntoAMarkedAncestor() throws {
    let plain = try PlainFolded(file: Self.seedMemory)
    let limit = 3
    let expected = plain.merged { frames in
      guard frames.count > limit else { return frames }
      var kept = Array(frames.prefix(limit))
      kept[limit - 1] += StackFilters.depthLimitMarker
      return kept
    }
    let profile = try Self.profile(Self.seedMemory) { $0.transform.filters.maximumDepth = limit }
    #expect(profile.totalSamples == plain.total)
    #expect(try Self.foldedLines(profile) == expected)
    let depths = (0..<NodeID(profile.tree.nodeCount)).map { profile.tree.depth(of: $0) }
    #expect(depths.max() == limit)
    #expect(expected.keys.contains { $0.hasSuffix(" …") })
  }

  @Test func aMarkedFrameKeepsItsSourceLocation() throws {
    var options = Options()
    options.transform.filters.maximumDepth = 1
    let profile = try Profile(folded: "app.py:12 (main);lib.py:3 (f) 2\n", options: options)
    #expect(profile.name(of: 1) == "app.py:12 (main) …")
    let location = try #require(profile.frames.location(of: profile.tree.frame(of: 1)))
    #expect(location.file == "app.py" && location.line == 12)
  }

  @Test func theMarkerGoesBeforeTheAnnotation() throws {
    var options = Options()
    options.transform.filters.maximumDepth = 1
    let profile = try Profile(folded: "read_[k];vfs_[k] 2\n", options: options)
    #expect(profile.totalsByPath == ["read …_[k]": 2])
    #expect(profile.name(of: 1) == "read …")
  }

  @Test func thePythonPresetHidesImportMachineryAndRunpy() throws {
    let plain = try PlainFolded(file: Self.seedMemory)
    let profile = try Self.profile(Self.seedMemory) { $0.transform.filters = .python }
    #expect(profile.totalSamples == plain.total)
    let paths = profile.totalsByPath.keys
    #expect(!paths.contains { $0.contains("<frozen importlib._bootstrap") })
    #expect(!paths.contains { $0.contains("_call_with_frames_removed") })
    #expect(paths.contains { $0.contains("numpy/__init__.py") })
    var options = Options()
    options.transform.filters = .python
    let runpy = try Profile(
      folded:
        "<frozen runpy>:198 (_run_module_as_main);app.py:1 (<module>) 1\n"
        + "_run_code (/usr/lib/python3.12/runpy.py:88);main (app.py:3) 2\n",
      options: options)
    #expect(runpy.totalsByPath == ["app.py:1 (<module>)": 1, "main (app.py:3)": 2])
  }

  @Test func sortBySizePutsTheWidestChildFirst() throws {
    var options = Options()
    options.childSorting = .size
    let profile = try Profile(folded: "main;a 1\nmain;b 5\nmain;c 3\n", options: options)
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    let children = scene.frames.filter { $0.depth == 2 }.sorted { $0.x < $1.x }.map(\.name)
    #expect(children == ["b", "c", "a"])
    let text = String(
      decoding: try FoldedRenderer().render(profile, options: options), as: UTF8.self)
    #expect(text == "main;b 5\nmain;c 3\nmain;a 1\n")
    let byName = String(
      decoding: try FoldedRenderer().render(profile, options: Options()), as: UTF8.self)
    #expect(byName == "main;a 1\nmain;b 5\nmain;c 3\n")
  }

  @Test func sortBySizeOnARealProfile() throws {
    var options = Options()
    options.childSorting = .size
    let profile = try Self.profile(Self.sympy) { $0 = options }
    let index = profile.tree.childIndex()
    let order = ChildOrder(profile: profile, options: options)
    for node in 0..<NodeID(profile.tree.nodeCount) {
      var children = index.children(of: node)
      order.sort(&children)
      let totals = children.map { profile.tree.total(of: $0) }
      #expect(totals == totals.sorted(by: >))
    }
  }

  @Test func aFixedTotalOfTwiceTheTotalHalvesTheRoot() throws {
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent(Self.seedMemory), encoding: .utf8)
    var options = Options()
    let profile = try Profile(folded: text, options: options)
    let plain = FlameGraphLayout(options: options).scene(for: profile)
    options.fixedTotal = 2 * PlainFolded(text).total
    let fixed = FlameGraphLayout(options: options).scene(for: profile)
    let root = { (scene: Scene) in scene.frames.first { $0.depth == 0 }!.width }
    #expect(abs(root(fixed) - root(plain) / 2) < 1e-9)
    // Below the total, the root's total is used.
    options.fixedTotal = 1
    #expect(root(FlameGraphLayout(options: options).scene(for: profile)) == root(plain))
  }

  @Test func fixedTotalAndMaximumDepthAreValidated() throws {
    var options = Options()
    options.fixedTotal = 0
    #expect(throws: OptionError.self) { try options.validate() }
    options.fixedTotal = .infinity
    #expect(throws: OptionError.self) { try options.validate() }
    options.fixedTotal = 10
    try options.validate()
    options.transform.filters.maximumDepth = 0
    #expect(throws: OptionError.self) { try options.validate() }
  }
}
