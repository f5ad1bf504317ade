import Foundation

/// How two graphs' frames are compared in the compatibility tests.
enum PeerCompatibility {
  /// What differs between the expected frames and ours, for a failure message.
  static func difference(_ expected: [PeerFrame], _ mine: [PeerFrame]) -> String {
    let theirs = expected.reduce(into: [PeerFrame: Int]()) { $0[$1, default: 0] += 1 }
    let ours = mine.reduce(into: [PeerFrame: Int]()) { $0[$1, default: 0] += 1 }
    let missing = theirs.filter { ours[$0.key, default: 0] < $0.value }.keys.map(\.description)
    let extra = ours.filter { theirs[$0.key, default: 0] < $0.value }.keys.map(\.description)
    return "missing: \(missing.sorted().prefix(8)); extra: \(extra.sorted().prefix(8))"
  }

  /// Names and depths, without counts: what fractional counts leave equal
  /// (inferno truncates them, and trims the space that starts a name).
  static func shape(_ frames: PeerSVGFrames) -> [String] {
    frames.frames.map { "\($0.depth) \($0.name.trimmingCharacters(in: .whitespaces))" }.sorted()
  }

  /// An environment variable naming something, nil when unset or empty.
  static func environment(_ name: String) -> String? {
    ProcessInfo.processInfo.environment[name].flatMap { $0.isEmpty ? nil : $0 }
  }
}
