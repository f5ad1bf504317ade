import ArgumentParser
import FlameGraph

/// Reads the file of `--nameattr`.
enum FrameAttributesFile {
  /// The map the file holds; its skipped parts are the map's warnings.
  ///
  /// - Throws: `ValidationError` when the file cannot be read.
  static func load(_ path: String) throws -> FrameAttributeMap {
    guard let text = RulesFileReader.contents(of: path) else {
      throw ValidationError("--nameattr: cannot read \(path) (a regular file of at most 64 MiB).")
    }
    return FrameAttributeMap(parsing: text)
  }
}
