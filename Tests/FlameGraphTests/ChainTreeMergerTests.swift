import FlameGraphTestSupport
import Testing

@testable import FlameGraph

/// The chain merger is the fast path for stacks merged by name; the
/// node-by-node ``TreeMerger`` is the simple one. Both must give the same
/// tree, node for node, whatever the stacks.
@Suite("Merging stacks as chains of frames")
struct ChainTreeMergerTests {
  /// Random stacks of ids: shallow and deep ones, repeats, prefixes of
  /// earlier stacks, empty stacks, wide fans (over a lookup table), and
  /// count pairs from `pairsFrom` on.
  static func randomStacks(seed: UInt64, count: Int, alphabet: Int, pairsFrom: Int? = nil)
    -> [(frames: [FrameID], count: Double, before: Double?)]
  {
    var random = SeededRandom(seed: seed)
    var stacks: [(frames: [FrameID], count: Double, before: Double?)] = []
    for index in 0..<count {
      var frames: [FrameID]
      switch Int.random(in: 0..<10, using: &random) {
      case 0 where !stacks.isEmpty:
        // A prefix of an earlier stack: it ends inside a chain.
        let earlier = stacks.randomElement(using: &random)!.frames
        frames = Array(earlier.prefix(Int.random(in: 0...earlier.count, using: &random)))
      case 1 where !stacks.isEmpty:
        // An earlier stack that goes on, or leaves it half way.
        let earlier = stacks.randomElement(using: &random)!.frames
        frames = Array(earlier.prefix(Int.random(in: 0...earlier.count, using: &random)))
        for _ in 0..<Int.random(in: 1...6, using: &random) {
          frames.append(FrameID.random(in: 0..<FrameID(alphabet), using: &random))
        }
      case 2:
        // One of hundreds of children of one frame.
        frames = [0, FrameID.random(in: 0..<FrameID(alphabet), using: &random)]
      default:
        let depth = Int.random(in: 0...30, using: &random)
        frames = (0..<depth).map { level in
          FrameID.random(in: 0..<FrameID(min(alphabet, 4 + level * 3)), using: &random)
        }
      }
      let value = Double(Int.random(in: 0...9, using: &random))
      let isPair = pairsFrom.map { index >= $0 } ?? false
      let before = isPair ? Double(Int.random(in: 0...9, using: &random)) : nil
      stacks.append((frames, value, before))
    }
    return stacks
  }

  static func tree(
    of stacks: [(frames: [FrameID], count: Double, before: Double?)], sink: any StackSink,
    factor: Double = 1
  ) -> CallTree {
    for stack in stacks {
      stack.frames.withUnsafeBufferPointer {
        sink.accept($0, count: stack.count, before: stack.before)
      }
    }
    return sink.finishTree(factor: factor)
  }

  static func expectIdentical(_ tree: CallTree, _ expected: CallTree) {
    #expect(tree.nodeCount == expected.nodeCount)
    guard tree.nodeCount == expected.nodeCount else { return }
    #expect(tree.isDifferential == expected.isDifferential)
    var mismatches = 0
    for node in 0..<NodeID(tree.nodeCount) {
      if tree.parent(of: node) != expected.parent(of: node)
        || tree.frame(of: node) != expected.frame(of: node)
        || tree.total(of: node) != expected.total(of: node)
        || tree.beforeTotal(of: node) != expected.beforeTotal(of: node)
        || tree.selfCount(of: node) != expected.selfCount(of: node)
      {
        mismatches += 1
      }
    }
    #expect(mismatches == 0)
    #expect(tree.nodesWithSelfSamples() == expected.nodesWithSelfSamples())
  }

  @Test(arguments: [(1, 3), (2, 40), (3, 400), (4, 5000)])
  func chainsGiveTheTreeOfNodeByNodeMerging(seed: UInt64, alphabet: Int) {
    let stacks = Self.randomStacks(seed: seed, count: 3000, alphabet: alphabet)
    let chained = Self.tree(of: stacks, sink: ChainTreeMerger(retention: .all), factor: 0.5)
    let simple = Self.tree(of: stacks, sink: TreeMerger(merging: .byName), factor: 0.5)

    Self.expectIdentical(chained, simple)
    #expect(chained.omittedNodeCount == 0)
  }

  /// Totals summed as stacks arrive are exact only for whole counts: with
  /// fractional ones, or a grand total past 2^53, the chain merger sums
  /// bottom-up as the simple merger does, to the last bit.
  @Test(arguments: [0.1, 1.0 / 3, Double(1 << 50) + 1])
  func countsThatRoundGiveTheSimplePathsTotalsToTheBit(scale: Double) {
    let stacks = Self.randomStacks(seed: 21, count: 3000, alphabet: 40).map {
      (frames: $0.frames, count: $0.count * scale + scale, before: $0.before)
    }
    let simple = Self.tree(of: stacks, sink: TreeMerger(merging: .byName))
    let all = Self.tree(of: stacks, sink: ChainTreeMerger(retention: .all))
    #expect(all.nodeCount == simple.nodeCount)
    let nodes = 0..<NodeID(min(all.nodeCount, simple.nodeCount))
    let different = nodes.filter { node in
      all.parent(of: node) != simple.parent(of: node)
        || all.frame(of: node) != simple.frame(of: node)
        || all.total(of: node) != simple.total(of: node)
    }
    #expect(different.isEmpty)
    // The simple merger groups runs of one node's self counts before adding
    // them, which may round differently in the last bit.
    let selfCountsApart = nodes.filter { node in
      abs(all.selfCount(of: node) - simple.selfCount(of: node))
        > 1e-12 * max(1, simple.selfCount(of: node))
    }
    #expect(selfCountsApart.isEmpty)
    // Only the wide nodes kept: the simple tree's, in node order, same totals.
    let kept = Self.tree(
      of: stacks, sink: ChainTreeMerger(retention: .wideNodes(minimumShare: 0.01, widestBelow: 0)))
    let floor = simple.total(of: 0) * 0.01
    let wide = (0..<NodeID(simple.nodeCount)).filter { simple.total(of: $0) >= floor }
    #expect(kept.nodeCount == wide.count && wide.count > 10)
    let mismatches = wide.enumerated().filter { index, node in
      index >= kept.nodeCount || kept.total(of: NodeID(index)) != simple.total(of: node)
        || kept.frame(of: NodeID(index)) != simple.frame(of: node)
    }
    #expect(mismatches.isEmpty)
  }

  @Test func differentialCountsFromTheFirstPairOnMatchTheSimplePath() {
    let stacks = Self.randomStacks(seed: 9, count: 2000, alphabet: 30, pairsFrom: 700)
    let chained = Self.tree(of: stacks, sink: ChainTreeMerger(retention: .all))
    let simple = Self.tree(of: stacks, sink: TreeMerger(merging: .byName))

    #expect(chained.isDifferential)
    Self.expectIdentical(chained, simple)
  }

  @Test func thePipelinedChainMergerMatchesAcrossBatches() {
    // Enough frames for many hand-overs between the two threads.
    let stacks = Self.randomStacks(seed: 11, count: 40_000, alphabet: 300)
    let pipelined = Self.tree(
      of: stacks, sink: PipelinedMerger(merger: ChainTreeMerger(retention: .all)))
    let simple = Self.tree(of: stacks, sink: TreeMerger(merging: .byName))

    Self.expectIdentical(pipelined, simple)
  }

  /// The tree of every node of random stacks, the tree the retention
  /// keeps of them, and the share's floor in counts.
  static func fullAndKept(seed: UInt64, share: Double, widestBelow: Int) -> (
    full: CallTree, kept: CallTree, floor: Double
  ) {
    let stacks = randomStacks(seed: seed, count: 4000, alphabet: 200)
    let full = tree(of: stacks, sink: TreeMerger(merging: .byName))
    let kept = tree(
      of: stacks,
      sink: ChainTreeMerger(retention: .wideNodes(minimumShare: share, widestBelow: widestBelow)))
    return (full, kept, full.total(of: 0) * share)
  }

  @Test func keptNodesAreTheWideOnesInTheirOrderWithExactTotals() {
    let (full, kept, floor) = Self.fullAndKept(seed: 5, share: 0.002, widestBelow: 0)

    // The full tree's wide nodes, renumbered in order, are the kept tree.
    let wide = (0..<NodeID(full.nodeCount)).filter { full.total(of: $0) >= floor }
    var newID: [NodeID: NodeID] = [-1: -1]
    for (index, node) in wide.enumerated() { newID[node] = NodeID(index) }
    #expect(kept.nodeCount == wide.count)
    #expect(kept.omittedNodeCount == full.nodeCount - wide.count)
    #expect(wide.count > 10 && wide.count < full.nodeCount / 2)
    guard kept.nodeCount == wide.count else { return }
    for (index, node) in wide.enumerated() {
      let keptNode = NodeID(index)
      #expect(kept.parent(of: keptNode) == newID[full.parent(of: node)])
      #expect(kept.frame(of: keptNode) == full.frame(of: node))
      #expect(kept.total(of: keptNode) == full.total(of: node))
      #expect(kept.selfCount(of: keptNode) == full.selfCount(of: node))
    }
  }

  @Test func theWidestThinNodesAreKeptBesideTheWideOnes() {
    let (full, kept, floor) = Self.fullAndKept(seed: 6, share: 0.01, widestBelow: 500)

    let thin = (1..<NodeID(full.nodeCount)).map { full.total(of: $0) }
      .filter { $0 < floor && $0 > 0 }.sorted(by: >)
    let wideCount = (0..<NodeID(full.nodeCount)).filter { full.total(of: $0) >= floor }.count
    #expect(thin.count > 1000)
    // At least the 500 widest thin nodes, and never one thinner than a
    // left-out one.
    #expect(kept.nodeCount >= wideCount + 500)
    #expect(kept.nodeCount < full.nodeCount)
    let keptThinnest = (0..<NodeID(kept.nodeCount)).map { kept.total(of: $0) }.min()!
    #expect(keptThinnest >= thin[kept.nodeCount - wideCount])
  }

  @Test func aTreeOfOnlyTheRootStaysTheRoot() {
    let kept = Self.tree(
      of: [([], 3, nil)],
      sink: ChainTreeMerger(retention: .wideNodes(minimumShare: 0.5, widestBelow: 10)))

    #expect(kept.nodeCount == 1)
    #expect(kept.total(of: 0) == 3)
    #expect(kept.selfCount(of: 0) == 3)
  }
}

/// A picture read with only the nodes it can show is the picture of every
/// node: the retention a drawing backend sets changes nothing drawn.
@Suite("Pictures of the drawn nodes only")
struct DrawnNodesTests {
  /// The boxes without their node ids, which differ between the trees.
  static func drawn(_ frames: [FrameBox]) -> [FrameBox] {
    frames.map { box in
      var box = box
      box.node = 0
      return box
    }
  }

  /// Random deep stacks over many names, so most nodes are thin; with
  /// `beforeScale`, a differential profile whose first counts are that
  /// many times the second.
  static func text(seed: UInt64, lines: Int, beforeScale: Int? = nil) -> String {
    var random = SeededRandom(seed: seed)
    var text = ""
    for _ in 0..<lines {
      let depth = Int.random(in: 1...20, using: &random)
      let stack = (0..<depth).map { level in
        "f\(Int.random(in: 0..<(3 + level * 40), using: &random))"
      }
      let count = Int.random(in: 1...9, using: &random)
      let before =
        beforeScale.map { " \(count * $0 + Int.random(in: 0...3, using: &random))" } ?? ""
      text += stack.joined(separator: ";") + before + " \(count)\n"
    }
    return text
  }

  static func scenes(_ text: String, options: Options) throws -> (kept: Scene, all: Scene) {
    var drawn = options
    drawn.treeRetention = options.drawnNodes
    let keptProfile = try Profile(folded: text, options: drawn)
    let allProfile = try Profile(folded: text, options: options)
    #expect(keptProfile.tree.omittedNodeCount > 0)
    #expect(keptProfile.tree.nodeCount < allProfile.tree.nodeCount)
    return (
      FlameGraphLayout(options: options).scene(for: keptProfile),
      FlameGraphLayout(options: options).scene(for: allProfile)
    )
  }

  @Test(arguments: [nil, 1, 5])
  func aStaticPictureOfTheDrawnNodesIsThePictureOfAll(beforeScale: Int?) throws {
    var options = Options()
    options.interactive = false
    let (kept, all) = try Self.scenes(
      Self.text(seed: 21, lines: 4000, beforeScale: beforeScale), options: options)

    #expect(kept.frames.count > 100)
    #expect(Self.drawn(kept.frames) == Self.drawn(all.frames))
  }

  @Test func anInteractivePictureListsTheSameThinFrames() throws {
    var options = Options()
    options.minimumWidth = .percent(0.5)
    var drawn = options
    drawn.treeRetention = options.drawnNodes
    let text = Self.text(seed: 22, lines: 3000)
    let kept = FlameGraphLayout(options: options).sceneWithViewer(
      for: try Profile(folded: text, options: drawn))
    let all = FlameGraphLayout(options: options).sceneWithViewer(
      for: try Profile(folded: text, options: options))

    #expect(Self.drawn(kept.scene.frames) == Self.drawn(all.scene.frames))
    // Fewer thin frames than the listing limit: all of them are listed.
    #expect((kept.viewer?.catalog.thinFrames.count ?? 0) > 1000)
    #expect(kept.viewer?.catalog.thinFrames == all.viewer?.catalog.thinFrames)
  }
}
