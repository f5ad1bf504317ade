import ArgumentParser
import FlameGraph

/// Compiles the patterns of a filter flag; an invalid one is a
/// `ValidationError` (exit 64) naming the flag and the problem.
enum FilterPatterns {
  /// The compiled patterns, in order; throws for the first invalid one.
  static func compile(_ patterns: [String], flag: String) throws -> [LinearRegex] {
    try patterns.map { pattern in
      do {
        return try LinearRegex(pattern)
      } catch {
        throw ValidationError("\(flag) \(pattern): invalid regular expression \(error).")
      }
    }
  }
}
