/// How a palette's per-frame variation is chosen.
public enum ColorKeying: String, Sendable, CaseIterable {
  /// Varied like flamegraph.pl's random colors, but from a fixed-seed
  /// generator: the same input gives the same picture.
  case seeded
  /// From a hash weighted to the start of the name, so similar names get
  /// similar colors (flamegraph.pl's `--hash`).
  case nameHash
  /// From a hash of the whole name: a function keeps its color across runs
  /// and profiles (`--deterministic`).
  case deterministic
  /// Random on every run (flamegraph.pl's `--random`): the one choice whose
  /// output differs from run to run.
  case random
}

/// A small, fast generator with a fixed seed (SplitMix64): "random" colors
/// that are the same on every run.
struct SeededGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// The next value in 0..<1.
  mutating func nextUnit() -> Double {
    state &+= 0x9e37_79b9_7f4a_7c15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xbf58_476d_1ce4_e5b9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94d0_49bb_1331_11eb
    mixed ^= mixed >> 31
    return Double(mixed >> 11) / Double(1 << 53)
  }
}

/// Variation values derived from a name.
enum NameHash {
  /// A value in 0...1 dominated by the first characters: names sharing a
  /// prefix land close together. Module qualifiers (`pkg.`/`pkg::`/`pkg/`)
  /// are skipped so the function name decides.
  static func weighted<Characters: Sequence>(_ characters: Characters) -> Double
  where Characters.Element == UInt8 {
    var value = 0.0
    var maximum = 0.0
    var weight = 1.0
    var taken = 0
    for byte in characters {
      value += Double(byte % 10) * weight
      maximum += 9 * weight
      weight *= 0.7
      taken += 1
      if taken == 3 { break }
    }
    return maximum == 0 ? 0 : value / maximum
  }

  /// The part of a name after its last module separator.
  static func functionPart(of name: String) -> Substring {
    var cut = name.startIndex
    var index = name.startIndex
    while index < name.endIndex {
      let character = name[index]
      if character == "." || character == "/" || character == ":" { cut = name.index(after: index) }
      if character == "(" || character == "<" { break }
      index = name.index(after: index)
    }
    let tail = name[cut...]
    return tail.isEmpty ? name[...] : tail
  }

  /// Three well-spread values in 0..<1 from a hash of the whole name.
  static func uniform(_ name: String) -> (Double, Double, Double) {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in name.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    var generator = SeededGenerator(seed: hash)
    return (generator.nextUnit(), generator.nextUnit(), generator.nextUnit())
  }
}
