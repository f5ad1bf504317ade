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
  /// The file name ending the tool reads a format from (as OutputFormat has it).
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
    try updateReports(tool: tool, root: root, changed: &changed, unchanged: &unchanged)
    print("\(unchanged) goldens unchanged; \(changed.count) changed\(changed.isEmpty ? "" : ":")")
    for file in changed { print("  \(file)") }
    if !changed.isEmpty { print("Review them with git diff before committing.") }
  }

  /// The pages of the reports of `Goldens/reports.tsv`, as PNG images
  /// `Goldens/report/NAME-N.png`, dated by a fixed `SOURCE_DATE_EPOCH`.
  func updateReports(tool: URL, root: URL, changed: inout [String], unchanged: inout Int) throws {
    let manifest = root.appending(path: "Goldens/reports.tsv")
    let rows = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n")
      .filter { !$0.hasPrefix("#") }
    let folder = root.appending(path: "Goldens/report")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    for row in rows {
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 2 else {
        Diagnostics.error("malformed row in reports.tsv: \(row)")
        continue
      }
      let name = fields[0]
      let pages = { () -> [String] in
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
          .filter {
            $0.hasPrefix(name + "-") && $0.hasSuffix(".png") && !$0.contains(".actual.")
              && !$0.contains(".diff.") && Int($0.dropFirst(name.count + 1).dropLast(4)) != nil
          }
      }
      var before: [String: Data] = [:]
      for page in pages() {
        before[page] = try Data(contentsOf: folder.appending(path: page))
        try FileManager.default.removeItem(at: folder.appending(path: page))
      }
      let process = Process()
      process.executableURL = tool
      process.currentDirectoryURL = root
      process.environment = ["SOURCE_DATE_EPOCH": "1700000000"]
      let arguments = fields.count > 2 ? fields[2].split(separator: " ").map(String.init) : []
      process.arguments = ["report"] + arguments + [fields[1], "-o", "Goldens/report/\(name).png"]
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        Diagnostics.error(
          "flamegraph report failed on \(name) (status \(process.terminationStatus))")
        continue
      }
      let after = Set(pages())
      for page in after.sorted() {
        if try Data(contentsOf: folder.appending(path: page)) == before[page] {
          unchanged += 1
        } else {
          changed.append("Goldens/report/\(page)")
        }
      }
      for page in before.keys.sorted() where !after.contains(page) {
        changed.append("Goldens/report/\(page) (removed)")
      }
    }
  }
}
