/// A set of Unicode scalars, as sorted closed ranges of their values: what
/// one character of a ``LinearRegex`` pattern matches (a literal, `.`, a
/// class such as `[a-z_]` or `\d`).
///
/// Invariant: `ranges` are sorted, disjoint and not adjacent, so a lookup is
/// a binary search and two equal sets have equal ranges.
struct ScalarSet: Equatable, Sendable {
  /// The ranges of scalar values in the set.
  private(set) var ranges: [ClosedRange<UInt32>]

  /// The largest Unicode scalar value.
  static let maximumScalar: UInt32 = 0x10FFFF

  /// A set of the given ranges, in any order, overlapping or not.
  init(_ ranges: [ClosedRange<UInt32>]) {
    var merged: [ClosedRange<UInt32>] = []
    for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound }) {
      if let last = merged.last, range.lowerBound <= last.upperBound &+ 1 {
        merged[merged.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
      } else {
        merged.append(range)
      }
    }
    self.ranges = merged
  }

  /// A set of one scalar.
  init(scalar: UInt32) { ranges = [scalar...scalar] }

  /// Whether the set holds the scalar.
  func contains(_ scalar: UInt32) -> Bool {
    var low = 0
    var high = ranges.count
    while low < high {
      let middle = (low + high) / 2
      if ranges[middle].upperBound < scalar {
        low = middle + 1
      } else if ranges[middle].lowerBound > scalar {
        high = middle
      } else {
        return true
      }
    }
    return false
  }

  /// Every scalar not in the set.
  var inverted: ScalarSet {
    var result: [ClosedRange<UInt32>] = []
    var next: UInt32 = 0
    for range in ranges {
      if range.lowerBound > next { result.append(next...(range.lowerBound - 1)) }
      next = range.upperBound &+ 1
    }
    if next <= Self.maximumScalar && !(ranges.last?.upperBound == Self.maximumScalar) {
      result.append(next...Self.maximumScalar)
    }
    return ScalarSet(result)
  }

  /// The union of two sets.
  func union(_ other: ScalarSet) -> ScalarSet { ScalarSet(ranges + other.ranges) }

  /// The set with both ASCII cases of every ASCII letter in it.
  var caseInsensitive: ScalarSet {
    var added = ranges
    for range in ranges {
      let upper = range.clamped(to: 0x41...0x5A)
      if !upper.isEmpty, range.overlaps(0x41...0x5A) {
        added.append((upper.lowerBound + 0x20)...(upper.upperBound + 0x20))
      }
      let lower = range.clamped(to: 0x61...0x7A)
      if !lower.isEmpty, range.overlaps(0x61...0x7A) {
        added.append((lower.lowerBound - 0x20)...(lower.upperBound - 0x20))
      }
    }
    return ScalarSet(added)
  }

  /// `\d`: the ASCII digits.
  static let digits = ScalarSet([0x30...0x39])
  /// `\w`: ASCII letters, digits and `_`.
  static let wordCharacters = ScalarSet([0x30...0x39, 0x41...0x5A, 0x5F...0x5F, 0x61...0x7A])
  /// `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
  static let spaces = ScalarSet([0x09...0x0D, 0x20...0x20])
  /// `.`: anything but a line terminator (`\n`, `\r`, U+2028, U+2029).
  static let anyButLineTerminators = ScalarSet([0x0A...0x0A, 0x0D...0x0D, 0x2028...0x2029])
    .inverted

  /// Whether a scalar is a `\w` character, for `\b`.
  static func isWordCharacter(_ scalar: UInt32) -> Bool {
    (scalar >= 0x30 && scalar <= 0x39) || (scalar >= 0x41 && scalar <= 0x5A) || scalar == 0x5F
      || (scalar >= 0x61 && scalar <= 0x7A)
  }
}
