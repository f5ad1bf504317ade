/// A bound on the frames a structured importer hands the builder, all
/// stacks together.
///
/// Formats that describe stacks as trees of nodes (Chrome) or as open and
/// close events (speedscope) can make a small file stand for stacks whose
/// frames add up to the square of its size (every sample at the bottom of a
/// long chain); the budget stops such an input with an error after a few
/// seconds of work instead of running for hours.
struct StackFrameBudget {
  /// Frames of all stacks together: 2^30, well above a real profile's
  /// (a million samples 100 frames deep are 10^8).
  static let defaultLimit = 1 << 30

  private let limit: Int
  private var remaining: Int

  /// A budget of `limit` frames.
  init(limit: Int = defaultLimit) {
    self.limit = limit
    remaining = limit
  }

  /// Takes `frames` from the budget.
  ///
  /// - Throws: ``InputError/invalidFormat(format:place:reason:)`` when the
  ///   budget is spent.
  mutating func spend(_ frames: Int, format: String, place: @autoclosure () -> String) throws {
    remaining -= frames
    guard remaining >= 0 else {
      throw InputError.invalidFormat(
        format: format, place: place(),
        reason: "the stacks have more than \(limit) frames in all")
    }
  }
}
