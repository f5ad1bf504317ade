import FlameGraph

/// Writes the profile in speedscope's file format, so it opens in
/// speedscope.app: one sampled profile over shared frames.
///
/// Each distinct frame becomes one shared frame; names in a known location
/// syntax (`FrameLocation`) keep their function as the name and their
/// `file`, `line` and, from profiles that record it, `col`. Each stack that has samples of its own becomes one
/// sample, weighted by them, so weights add up to the profile's total (the
/// second count of a differential profile). Stacks through a frame
/// narrower than the graph's minimum width (`Options.minimumWidth`) end
/// at its nearest ancestor that is wide enough, which gets their samples:
/// the file holds what the graph shows; a minimum width of 0 keeps every
/// stack.
public struct SpeedscopeRenderer: ProfileRenderer {
  /// The `$schema` speedscope checks.
  public static let schemaURL = "https://www.speedscope.app/file-format-schema.json"

  /// A renderer.
  public init() {}

  /// Writes the file.
  public func write(_ profile: Profile, options: Options, to writer: ByteWriter) throws {
    let tree = profile.tree
    var document = JSONObjectWriter(writer)
    document.string("$schema", Self.schemaURL)
    document.string("exporter", "swift-flamegraph")
    document.string("name", options.effectiveTitle)
    document.integer("activeProfileIndex", 0)
    document.raw("shared") {
      var shared = JSONObjectWriter(writer)
      shared.raw("frames") { writeFrames(profile.frames, writer) }
      shared.close()
    }
    document.raw("profiles") {
      writer.write(byte: UInt8(ascii: "["))
      var sampled = JSONObjectWriter(writer)
      sampled.string("type", "sampled")
      sampled.string("name", options.effectiveTitle)
      sampled.string("unit", Self.unit(for: options.countName(for: profile)))
      sampled.number("startValue", 0)
      sampled.count("endValue", profile.totalSamples)
      let (stacks, weights) = Self.sampledStacks(
        of: tree, minimumTotal: options.minimumFrameTotal(profileTotal: profile.totalSamples))
      sampled.raw("samples") {
        writer.write("[\n")
        var path: [FrameID] = []
        for (index, node) in stacks.enumerated() {
          if index > 0 { writer.write(",\n") }
          path.removeAll(keepingCapacity: true)
          var current = node
          while current != tree.root {
            path.append(tree.frame(of: current))
            current = tree.parent(of: current)
          }
          writer.write(byte: UInt8(ascii: "["))
          for (position, frame) in path.reversed().enumerated() {
            if position > 0 { writer.write(byte: UInt8(ascii: ",")) }
            writer.writeInteger(Int64(frame))
          }
          writer.write(byte: UInt8(ascii: "]"))
        }
        writer.write("\n]")
      }
      sampled.raw("weights") {
        writer.write(byte: UInt8(ascii: "["))
        for index in stacks.indices {
          if index > 0 { writer.write(byte: UInt8(ascii: ",")) }
          writer.write(exactNumber: weights[index])
        }
        writer.write(byte: UInt8(ascii: "]"))
      }
      sampled.close()
      writer.write(byte: UInt8(ascii: "]"))
    }
    document.close()
    writer.write("\n")
  }

  /// The stacks to write, as their last node, with their weights: the
  /// nodes with self samples, each of those narrower than the minimum
  /// width counted in its nearest ancestor that is not (so the weights
  /// still add up to the total), in node order.
  static func sampledStacks(of tree: CallTree, minimumTotal: Double) -> ([NodeID], [Double]) {
    let nodes = tree.nodesWithSelfSamples()
    guard minimumTotal > 0 else { return (nodes, nodes.map { tree.selfCount(of: $0) }) }
    var weightOf: [NodeID: Double] = [:]
    for node in nodes {
      var kept = node
      // Totals never grow down a stack, so the first ancestor wide
      // enough is drawn, and so are all of its own ancestors.
      while kept != tree.root && tree.total(of: kept) < minimumTotal {
        kept = tree.parent(of: kept)
      }
      weightOf[kept, default: 0] += tree.selfCount(of: node)
    }
    let stacks = weightOf.keys.sorted()
    return (stacks, stacks.map { weightOf[$0]! })
  }

  /// Frame ids are the shared frames' indices.
  private func writeFrames(_ frames: FrameTable, _ writer: ByteWriter) {
    writer.write("[\n")
    for id in 0..<FrameID(frames.count) {
      if id > 0 { writer.write(",\n") }
      let name = frames.name(of: id)
      var frame = JSONObjectWriter(writer)
      if let location = frames.location(of: id) {
        frame.string("name", location.function ?? name)
        frame.string("file", location.file)
        if location.line > 0 { frame.integer("line", location.line) }
        if location.column > 0 { frame.integer("col", location.column) }
      } else {
        frame.string("name", name)
      }
      frame.close()
    }
    writer.write("\n]")
  }

  /// speedscope's unit for a count name (the profile's unit's, or
  /// ``Options/countName``): `bytes`, `nanoseconds` ... `seconds`, or
  /// "none" when speedscope has no such unit.
  static func unit(for countName: String) -> String {
    switch CountUnit(declaredName: countName).kind {
    case .bytes: "bytes"
    case .time(let scale): scale.rawValue
    case .samples, .named: "none"
    }
  }
}
