import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Walks the call tree once, parents before children, and makes a
/// ``FrameBox`` for every node wide enough to draw: x and width, label, color
/// and tooltip. Rows (y) are set afterwards, when the depth is known.
struct FramePlacer {
  let profile: Profile
  let options: Options
  let scale: CountScale
  let minimumTotal: Double
  let fitter: LabelFitter
  /// The node drawn as the widest frame, at depth 0: the tree's root, or
  /// the node a zoomed scene shows.
  var root: NodeID = 0
  /// Whether placing the whole graph first works out its ladders on every
  /// core (``workOutLadders()``).
  var worksOutLaddersAhead = true
  /// Scenes of at least this many boxes are finished on every core
  /// (``BoxFinisher``); tests compare both ways.
  var finishesInParallelFrom = BoxFinisher.parallelThreshold
  /// When set, ``placeFrames()`` also builds the catalog of the boxes it
  /// places, into ``catalog``, while it finishes them.
  var catalogBuilder: FrameCatalogBuilder?
  /// The catalog ``catalogBuilder`` built, after ``placeFrames()``.
  private(set) var catalog: FrameCatalog?
  private var colorScheme: any ColorScheme
  private(set) var paletteMap: PaletteMap?
  private(set) var maximumDepth = 0
  /// Makes the tooltips, in the unit of ``Options/countName(for:)``.
  private let tooltips: TooltipBuilder
  private var nameCache: [String?]
  private var annotationCache: [FrameAnnotation??]
  private var ladderCache: [LabelLadder?]
  private var rootLadder: LabelLadder?
  private var decorations: FrameDecorations
  /// For the chain palette: whether each box is a `--` separator or below
  /// one (a waker's frame), by box index.
  private var afterSeparator: [Bool] = []

  init(
    profile: Profile, options: Options, measurer: any TextMeasurer,
    sourceLines: (any SourceLineProvider)?, scale: CountScale, minimumTotal: Double
  ) {
    self.profile = profile
    self.options = options
    self.scale = scale
    self.minimumTotal = minimumTotal
    tooltips = TooltipBuilder(countName: options.countName(for: profile))
    fitter = LabelFitter(
      measurer: measurer, fontSize: options.fontSize, truncation: options.labelTruncation,
      style: options.labelStyle)
    if profile.isDifferential {
      colorScheme = DifferentialColorScheme(negate: options.negateDifferential)
    } else if options.categories != nil {
      colorScheme = CategoryColorScheme()
    } else if options.colorDiffusion {
      colorScheme = DiffusionColorScheme()
    } else {
      colorScheme = PaletteColorScheme(palette: options.palette, keying: options.colorKeying)
    }
    paletteMap = options.paletteMap
    nameCache = Array(repeating: nil, count: profile.frames.count)
    annotationCache = Array(repeating: nil, count: profile.frames.count)
    ladderCache = Array(
      repeating: nil, count: options.labelStyle == .smart ? profile.frames.count : 0)
    decorations = FrameDecorations(
      profile: profile, options: options, measurer: measurer, sourceLines: sourceLines)
  }

  /// The legend's categories and their shares of the total, from self
  /// samples so that shares add up to 1; samples of the root itself (lines
  /// without frames, such as idle samples) get an "Idle" entry when there
  /// are any. Empty without categories.
  mutating func categoryShares() -> [(category: FrameCategory, share: Double)] {
    guard let categories = options.categories, !profile.isDifferential else { return [] }
    var shares = [Double](repeating: 0, count: categories.categories.count)
    var idle = 0.0
    let tree = profile.tree
    let total = profile.totalSamples
    for node in tree.nodesWithSelfSamples() {
      let share = tree.selfCount(of: node) / total
      if let category = decorations.category(of: tree.frame(of: node)) {
        shares[category] += share
      } else {
        idle += share
      }
    }
    var legend = Array(zip(categories.categories, shares)).map { (category: $0, share: $1) }
    if idle > 0 { legend.append((CategoryColorScheme.idle, idle)) }
    return legend
  }

  /// What the source files could not give.
  var sourceDiagnostics: SourceDiagnostics { decorations.sourceDiagnostics }

  mutating func placeFrames() -> [FrameBox] {
    let tree = profile.tree
    if root == tree.root && worksOutLaddersAhead { workOutLadders() }
    let index = tree.childIndex(minimumTotal: minimumTotal)
    let order = ChildOrder(profile: profile, options: options)
    let maximumDelta = tree.isDifferential ? largestDelta() : 0
    let total = profile.totalSamples
    var plans: [PlannedBox] = []
    // A box per indexed node at most: growing an array of large plans
    // copies them and faults in fresh pages at every doubling.
    plans.reserveCapacity(index.reachingCount)
    // Pending nodes with their left edge, depth and parent box; children
    // are pushed in reverse so they pop left to right.
    var pending: [(node: NodeID, x: Double, depth: Int, parent: Int)] = []
    // The root is drawn whatever the minimum width: a graph always has a
    // frame to show and to zoom out to.
    pending.append((root, FlameGraphLayout.sidePadding, 0, -1))
    var children: [NodeID] = []
    while let (node, x, depth, parent) = pending.popLast() {
      let boxIndex = plans.count
      plans.append(
        plan(
          node: node, x: x, depth: depth, parent: parent, total: total,
          maximumDelta: maximumDelta))
      maximumDepth = max(maximumDepth, depth)
      index.children(of: node, into: &children)
      order.sort(&children)
      // Children start at the parent's left edge, side by side; whatever is
      // left at the right is the parent's self time.
      var childX = x + scale.width(of: children.reduce(0) { $0 + tree.total(of: $1) })
      for child in children.reversed() {
        childX -= scale.width(of: tree.total(of: child))
        pending.append((child, childX, depth + 1, boxIndex))
      }
    }
    let finisher = BoxFinisher(
      fitter: fitter, decorations: decorations, tooltips: tooltips,
      truncation: options.labelTruncation, frameHeight: options.frameHeight,
      tooltipMinimumWidth: options.tooltipMinimumWidth)
    guard let catalogBuilder else {
      return finisher.boxes(for: plans, parallelFrom: finishesInParallelFrom)
    }
    // The catalog reads only what the plans hold: it is built on another
    // core while the boxes are finished.
    let built = BuiltCatalog()
    let group = DispatchGroup()
    DispatchQueue.global(qos: .userInitiated).async(group: group) { [plans] in
      built.catalog = catalogBuilder.catalog(for: plans)
    }
    let boxes = finisher.boxes(for: plans, parallelFrom: finishesInParallelFrom)
    group.wait()
    catalog = built.catalog
    return boxes
  }

  /// Everything about a box that comes from a cache or from the color
  /// scheme's generator, asked in drawing order; the rest depends on the
  /// plan alone (``BoxFinisher``).
  private mutating func plan(
    node: NodeID, x: Double, depth: Int, parent: Int, total: Double, maximumDelta: Double
  ) -> PlannedBox {
    let tree = profile.tree
    let nodeTotal = tree.total(of: node)
    let name = name(of: node)
    let width = scale.width(of: nodeTotal)
    let share = total > 0 ? nodeTotal / total : 0
    let before = tree.isDifferential ? tree.beforeTotal(of: node) : nil
    let delta = before.map { nodeTotal - $0 } ?? 0
    let frame = tree.frame(of: node)
    let category = decorations.category(of: frame)
    var colorAnnotation = annotation(of: node)
    if options.palette == .chain {
      // flamegraph.pl marks every frame after the first `--` as the waker's.
      let wakes = parent >= 0 && afterSeparator[parent]
      afterSeparator.append(wakes || name == "--")
      if wakes { colorAnnotation = .waker }
    }
    let fill = color(
      name: name,
      FrameColorInput(
        name: name, annotation: colorAnnotation, share: share, delta: delta,
        maximumDelta: maximumDelta, category: category.map { options.categories!.categories[$0] }))
    let sourceLine = decorations.sourceLine(of: frame, name: name)
    let attributes = frameAttributes(name: name, node: node)
    // --negate flips what is shown as growth, as both peers do.
    let deltaShare = before.map { _ in
      total > 0 ? (options.negateDifferential ? -delta : delta) / total : 0
    }
    // Ladders are worked out only for names that do not fit whole, in
    // boxes that may show a label (the viewer works out its own, for the
    // widths it draws).
    let ladder =
      fitter.fitsWhole(name, width: width) || !fitter.mayShowLabel(width: width)
      ? .empty : ladder(of: node, name: name)
    return PlannedBox(
      node: node, parent: parent, depth: depth, x: x, width: width, total: nodeTotal,
      selfCount: tree.selfCount(of: node), share: share, before: before, deltaShare: deltaShare,
      name: name, fill: fill,
      category: category, sourceLine: sourceLine, attributes: attributes, ladder: ladder)
  }

  /// The user's attributes for the frame: by its name as the input wrote
  /// it (with its `_[k]` suffix), else by its name.
  private mutating func frameAttributes(name: String, node: NodeID) -> FrameAttributes? {
    guard let map = options.frameAttributes, !map.functions.isEmpty else { return nil }
    if let annotation = annotation(of: node), let found = map[name + annotation.suffix] {
      return found
    }
    return map[name]
  }

  private mutating func color(name: String, _ input: FrameColorInput) -> RGBColor {
    guard paletteMap != nil else { return colorScheme.fill(for: input) }
    if let known = paletteMap?.colors[name] { return known }
    let fresh = colorScheme.fill(for: input)
    paletteMap?.colors[name] = fresh
    return fresh
  }

  private mutating func name(of node: NodeID) -> String {
    let frame = profile.tree.frame(of: node)
    guard frame >= 0 else { return "all" }
    return name(ofFrame: frame)
  }

  private mutating func name(ofFrame frame: FrameID) -> String {
    if let cached = nameCache[Int(frame)] { return cached }
    let name = profile.frames.name(of: frame)
    nameCache[Int(frame)] = name
    return name
  }

  /// The name's shorter forms, worked out once per frame; none with full labels.
  private mutating func ladder(of node: NodeID, name: String) -> LabelLadder {
    guard options.labelStyle == .smart else { return .empty }
    let frame = profile.tree.frame(of: node)
    if frame < 0 {
      if rootLadder == nil { rootLadder = LabelAbbreviator.ladder(for: name) }
      return rootLadder!
    }
    if let cached = ladderCache[Int(frame)] { return cached }
    let ladder = LabelAbbreviator.ladder(for: name)
    ladderCache[Int(frame)] = ladder
    return ladder
  }

  /// Works out, on every core, the ladders that placing the whole graph
  /// will ask for: those of frames whose narrowest drawn node that may
  /// show a label cannot show the name whole (every node at least as wide
  /// as the minimum is drawn, as its ancestors are wider). Placing then
  /// finds them cached; the set is the one placing alone would make, so
  /// output does not change.
  private mutating func workOutLadders() {
    guard options.labelStyle == .smart else { return }
    let tree = profile.tree
    var narrowest = [Double](repeating: .infinity, count: profile.frames.count)
    for node in 1..<max(tree.nodeCount, 1) {
      let total = tree.total(of: NodeID(node))
      let frame = Int(tree.frame(of: NodeID(node)))
      if total >= minimumTotal && total < narrowest[frame]
        && fitter.mayShowLabel(width: scale.width(of: total))
      {
        narrowest[frame] = total
      }
    }
    var needed: [(frame: Int32, name: String)] = []
    for frame in narrowest.indices where narrowest[frame].isFinite && ladderCache[frame] == nil {
      let name = self.name(ofFrame: Int32(frame))
      if !fitter.fitsWhole(name, width: scale.width(of: narrowest[frame])) {
        needed.append((Int32(frame), name))
      }
    }
    guard !needed.isEmpty else { return }
    var ladders = [LabelLadder](repeating: .empty, count: needed.count)
    let parts = min(needed.count, max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    ladders.withUnsafeMutableBufferPointer { ladders in
      // Each part writes its own slice of the buffer, allocated before.
      nonisolated(unsafe) let output = ladders
      needed.withUnsafeBufferPointer { needed in
        nonisolated(unsafe) let input = needed
        DispatchQueue.concurrentPerform(iterations: parts) { part in
          for index in stride(from: part, to: input.count, by: parts) {
            output[index] = LabelAbbreviator.ladder(for: input[index].name)
          }
        }
      }
    }
    for (index, entry) in needed.enumerated() { ladderCache[Int(entry.frame)] = ladders[index] }
  }

  private mutating func annotation(of node: NodeID) -> FrameAnnotation? {
    let frame = profile.tree.frame(of: node)
    guard frame >= 0 else { return nil }
    if let cached = annotationCache[Int(frame)] { return cached }
    let annotation = profile.frames.annotation(of: frame)
    annotationCache[Int(frame)] = .some(annotation)
    return annotation
  }

  /// The largest change among drawable nodes, which scales differential colors.
  private func largestDelta() -> Double {
    let tree = profile.tree
    var largest = 0.0
    for node in 0..<NodeID(tree.nodeCount) where tree.total(of: node) >= minimumTotal {
      largest = max(largest, abs(tree.total(of: node) - tree.beforeTotal(of: node)))
    }
    return largest
  }
}

/// The catalog built on another thread, read once that thread is done:
/// the dispatch group's wait orders the write before the read.
private final class BuiltCatalog: @unchecked Sendable {
  var catalog: FrameCatalog?
}
