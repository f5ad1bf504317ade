/// The parsed form of a ``LinearRegex`` pattern, before it is compiled.
indirect enum RegexNode: Equatable, Sendable {
  /// Matches the empty string.
  case empty
  /// One character from a set.
  case character(ScalarSet)
  /// A zero-width test of the position.
  case assertion(RegexAssertion)
  /// The parts one after the other.
  case sequence([RegexNode])
  /// Any one of the alternatives.
  case alternation([RegexNode])
  /// The node repeated between `minimum` and `maximum` times (nil: no
  /// upper bound).
  case repetition(RegexNode, minimum: Int, maximum: Int?)
}

/// A zero-width condition on the position between two characters.
enum RegexAssertion: Equatable, Sendable {
  /// `^`: the start of the text.
  case textStart
  /// `$`: the end of the text.
  case textEnd
  /// `\b`: a word character on exactly one side.
  case wordBoundary
  /// `\B`: not a word boundary.
  case notWordBoundary

  /// Whether the position between `previous` and `next` (nil at the ends)
  /// satisfies the assertion.
  func holds(previous: UInt32?, next: UInt32?) -> Bool {
    switch self {
    case .textStart: return previous == nil
    case .textEnd: return next == nil
    case .wordBoundary, .notWordBoundary:
      let before = previous.map(ScalarSet.isWordCharacter) ?? false
      let after = next.map(ScalarSet.isWordCharacter) ?? false
      return (before != after) == (self == .wordBoundary)
    }
  }
}
