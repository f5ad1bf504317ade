import Foundation

/// Paths of the repository, found from this source file, so tests run the
/// same from any working directory.
enum RepositoryPaths {
  /// The repository's root folder.
  static let root: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  /// A path relative to the root.
  static func file(_ relativePath: String) -> URL {
    root.appendingPathComponent(relativePath)
  }

  /// The built `flamegraph` executable, beside the test bundle.
  static var executable: URL {
    var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    // On some platforms the runner lives inside the bundle; climb to the products folder.
    while !FileManager.default.fileExists(
      atPath: directory.appendingPathComponent("flamegraph").path),
      directory.path != "/"
    {
      directory.deleteLastPathComponent()
    }
    return directory.appendingPathComponent("flamegraph")
  }
}
