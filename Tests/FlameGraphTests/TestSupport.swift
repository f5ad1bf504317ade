import Foundation
import Testing

@testable import FlameGraph

// Helpers shared by the FlameGraph unit tests: reading a tree by call path,
// temporary files, a seeded random generator and color arithmetic.

extension Profile {
  /// The call path of a node as raw frame names joined by `;`; "" for the root.
  func path(of node: NodeID) -> String {
    var names: [String] = []
    var current = node
    while current > 0 {
      names.append(frames.rawName(of: tree.frame(of: current)))
      current = tree.parent(of: current)
    }
    return names.reversed().joined(separator: ";")
  }

  /// The node reached by a call path of raw frame names, or nil.
  func node(at path: [String]) -> NodeID? {
    let index = tree.childIndex()
    var node = tree.root
    for name in path {
      guard
        let child = index.children(of: node).first(where: {
          frames.rawName(of: tree.frame(of: $0)) == name
        })
      else { return nil }
      node = child
    }
    return node
  }

  /// The node reached by a `;`-separated call path, or nil.
  func node(at path: String) -> NodeID? {
    node(at: path.split(separator: ";", omittingEmptySubsequences: false).map(String.init))
  }

  /// The total of the node at a `;`-separated path; nil when there is none.
  func total(at path: String) -> Double? {
    node(at: path).map { tree.total(of: $0) }
  }

  /// Every node's total by call path, the root excluded.
  var totalsByPath: [String: Double] {
    var totals: [String: Double] = [:]
    for node in 1..<NodeID(tree.nodeCount) {
      totals[path(of: node), default: 0] += tree.total(of: node)
    }
    return totals
  }

  /// The raw names of a node's children, in creation order.
  func childNames(of node: NodeID) -> [String] {
    tree.childIndex().children(of: node).map { frames.rawName(of: tree.frame(of: $0)) }
  }
}

/// What a flame graph should hold for some folded lines, worked out without
/// the library: every prefix of a stack gets the line's count.
func expectedTotals(of lines: [(stack: [String], count: Double)]) -> [String: Double] {
  var totals: [String: Double] = [:]
  for (stack, count) in lines {
    for length in stride(from: 1, through: stack.count, by: 1) {
      totals[stack.prefix(length).joined(separator: ";"), default: 0] += count
    }
  }
  return totals
}

/// A fresh directory under the system's temporary directory, removed after
/// `body` returns or throws.
func withTemporaryDirectory<Result>(_ body: (URL) throws -> Result) throws -> Result {
  let directory = FileManager.default.temporaryDirectory
    .appendingPathComponent("FlameGraphTests-\(UUID().uuidString)", isDirectory: true)
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  defer { try? FileManager.default.removeItem(at: directory) }
  return try body(directory)
}

/// Writes raw bytes to `name` in `directory` and returns the file's path.
@discardableResult
func writeFile(_ bytes: [UInt8], named name: String, in directory: URL) throws -> String {
  let url = directory.appendingPathComponent(name)
  try Data(bytes).write(to: url)
  return url.path
}

/// Writes UTF-8 text to `name` in `directory` and returns the file's path.
@discardableResult
func writeFile(_ text: String, named name: String, in directory: URL) throws -> String {
  try writeFile(Array(text.utf8), named: name, in: directory)
}

/// The repository's root, found from this source file's place in
/// `Tests/FlameGraphTests/`.
func repositoryRoot(filePath: String = #filePath) -> URL {
  URL(fileURLWithPath: filePath)
    .deletingLastPathComponent()  // TestSupport.swift
    .deletingLastPathComponent()  // FlameGraphTests
    .deletingLastPathComponent()  // Tests
}

/// The hue of a color in degrees (0 red, 60 yellow, 120 green, 180 aqua,
/// 240 blue, 300 purple), or nil for greys.
func hue(of color: RGBColor) -> Double? {
  let red = Double(color.red) / 255
  let green = Double(color.green) / 255
  let blue = Double(color.blue) / 255
  let largest = max(red, green, blue)
  let spread = largest - min(red, green, blue)
  guard spread > 0 else { return nil }
  var hue: Double
  if largest == red {
    hue = 60 * ((green - blue) / spread)
  } else if largest == green {
    hue = 60 * ((blue - red) / spread + 2)
  } else {
    hue = 60 * ((red - green) / spread + 4)
  }
  if hue < 0 { hue += 360 }
  return hue
}

/// How far apart the strongest and weakest channels are, 0...255: 0 for a
/// grey, 255 for a fully saturated color.
func channelSpread(of color: RGBColor) -> Int {
  Int(max(color.red, color.green, color.blue)) - Int(min(color.red, color.green, color.blue))
}

/// The color input of one frame, for calling color schemes directly.
func colorInput(
  _ name: String, annotation: FrameAnnotation? = nil, share: Double = 0.1, delta: Double = 0,
  maximumDelta: Double = 0
) -> FrameColorInput {
  FrameColorInput(
    name: name, annotation: annotation, share: share, delta: delta, maximumDelta: maximumDelta)
}
