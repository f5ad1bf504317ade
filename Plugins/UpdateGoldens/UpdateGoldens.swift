import Foundation
import PackagePlugin

/// Regenerates every file under `Goldens/` from `Goldens/goldens.tsv` with the
/// `flamegraph` tool, on purpose, and prints which files changed.
///
/// ```sh
/// swift package --allow-writing-to-package-directory update-goldens
/// ```
@main
struct UpdateGoldens: CommandPlugin {
  /// The file name ending the tool reads a format from (as each backend declares it in
  /// `OutputFormatRegistry.standard`; a plugin cannot link the library).
  static func fileExtension(of format: String) -> String {
    switch format {
    case "tree": return "tree.json"
    case "speedscope": return "speedscope.json"
    default: return format
    }
  }

  func performCommand(context: PluginContext, arguments: [String]) async throws {
    let tool = try context.tool(named: "flamegraph").url
    let root = context.package.directoryURL
    let manifest = root.appending(path: "Goldens/goldens.tsv")
    let rows = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
    var changed: [String] = []
    var unchanged = 0
    for row in rows {
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 3 else {
        Diagnostics.error("malformed row in goldens.tsv: \(row)")
        continue
      }
      let arguments = fields.count > 3 ? fields[3].split(separator: " ").map(String.init) : []
      for format in fields[1].split(separator: " ") {
        let relative = "Goldens/\(format)/\(fields[0]).\(Self.fileExtension(of: String(format)))"
        let output = root.appending(path: relative)
        let before = try? Data(contentsOf: output)
        let process = Process()
        process.executableURL = tool
        process.currentDirectoryURL = root
        try FileManager.default.createDirectory(
          at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        process.arguments = arguments + [fields[2], "-o", output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
          Diagnostics.error(
            "flamegraph failed on \(relative) (status \(process.terminationStatus))")
          continue
        }
        if try Data(contentsOf: output) == before {
          unchanged += 1
        } else {
          changed.append(relative)
        }
      }
    }
    print("\(unchanged) goldens unchanged; \(changed.count) changed\(changed.isEmpty ? "" : ":")")
    for file in changed { print("  \(file)") }
    if !changed.isEmpty { print("Review them with git diff before committing.") }
  }
}
