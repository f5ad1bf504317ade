/// A pattern that ``LinearRegex`` cannot compile: a syntax error, or a
/// feature it leaves out on purpose (backreferences and lookaround, which no
/// linear-time matcher can offer).
public struct LinearRegexError: Error, Equatable, CustomStringConvertible {
  /// The 0-based character offset in the pattern where the problem starts.
  public var offset: Int
  /// What is wrong, for a person: "backreferences are not supported".
  public var message: String

  /// An error at a character offset.
  public init(offset: Int, message: String) {
    self.offset = offset
    self.message = message
  }

  /// `at character 3: nothing to repeat`
  public var description: String { "at character \(offset + 1): \(message)" }
}
