import Foundation
import PackagePlugin

/// Renders a package's profiles into the images of its documentation, with
/// the `flamegraph` tool, so that a project's docs are regenerated in its CI
/// like any other build product.
///
/// ```sh
/// # every row of flamegraphs.tsv (output, input, flamegraph options)
/// swift package --allow-writing-to-package-directory render-flamegraphs
/// # or every profile under a folder, one format
/// swift package --allow-writing-to-package-directory render-flamegraphs \
///   --folder Profiles --output Docs/images --format png -- --colordiffusion -i
/// ```
///
/// A manifest row is `OUTPUT<TAB>INPUT<TAB>OPTIONS`, paths relative to the
/// package; the output's extension picks the format (`.svg`, `.png`,
/// `.pdf`, `.json`...); options are split at spaces, and a double-quoted
/// part keeps its spaces (`--title "Peak memory"`). Lines starting with `#`
/// are comments. Outputs that did not change are left alone (their bytes
/// are compared), and the plugin fails when any profile fails to render.
@main
struct RenderFlamegraphs: CommandPlugin {
  /// The file name endings of profiles a folder run renders.
  static let profileEndings = [
    ".folded", ".folded.gz", ".txt", ".austin", ".pb", ".pb.gz", ".pprof", ".cpuprofile",
    ".speedscope.json", ".perf", ".collapsed",
  ]

  func performCommand(context: PluginContext, arguments: [String]) async throws {
    let tool = try context.tool(named: "flamegraph").url
    let root = context.package.directoryURL
    var extractor = ArgumentExtractor(arguments)
    let manifest = extractor.extractOption(named: "manifest").last ?? "flamegraphs.tsv"
    let folder = extractor.extractOption(named: "folder").last
    let outputFolder = extractor.extractOption(named: "output").last
    let format = extractor.extractOption(named: "format").last ?? "png"
    let extraOptions = extractor.remainingArguments
    let jobs: [Job]
    if let folder {
      jobs = try Self.folderJobs(
        root: root, folder: folder, output: outputFolder ?? folder, format: format,
        options: extraOptions)
    } else {
      jobs = try Self.manifestJobs(root: root, manifest: manifest, options: extraOptions)
    }
    guard !jobs.isEmpty else {
      Diagnostics.error("no profile to render (manifest \(manifest), or --folder DIR)")
      return
    }
    var changed: [String] = []
    var failed = 0
    for job in jobs {
      let output = root.appending(path: job.output)
      let before = try? Data(contentsOf: output)
      try FileManager.default.createDirectory(
        at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
      let process = Process()
      process.executableURL = tool
      process.currentDirectoryURL = root
      process.arguments = job.options + [job.input, "-o", output.path]
      try process.run()
      process.waitUntilExit()
      guard process.terminationStatus == 0 else {
        Diagnostics.error("flamegraph failed on \(job.input) (status \(process.terminationStatus))")
        failed += 1
        continue
      }
      if (try? Data(contentsOf: output)) != before { changed.append(job.output) }
    }
    print("\(jobs.count - failed) flame graphs rendered, \(changed.count) changed")
    for file in changed { print("  \(file)") }
    if failed > 0 { throw RenderError(failures: failed) }
  }

  /// One profile to render.
  struct Job {
    var output: String
    var input: String
    var options: [String]
  }

  /// The failures of a run, as the plugin's error.
  struct RenderError: Error, CustomStringConvertible {
    var failures: Int
    var description: String { "\(failures) flame graph(s) failed to render" }
  }

  static func manifestJobs(root: URL, manifest: String, options: [String]) throws -> [Job] {
    let url = root.appending(path: manifest)
    guard let text = try? String(contentsOf: url, encoding: .utf8) else {
      Diagnostics.error("cannot read the manifest \(manifest)")
      return []
    }
    var jobs: [Job] = []
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let row = line.trimmingCharacters(in: .whitespaces)
      if row.isEmpty || row.hasPrefix("#") { continue }
      let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      guard fields.count >= 2, !fields[0].isEmpty, !fields[1].isEmpty else {
        Diagnostics.error("\(manifest):\(number + 1): expected OUTPUT<TAB>INPUT<TAB>OPTIONS")
        continue
      }
      let rowOptions = fields.count > 2 ? splitOptions(fields[2...].joined(separator: " ")) : []
      jobs.append(Job(output: fields[0], input: fields[1], options: rowOptions + options))
    }
    return jobs
  }

  static func folderJobs(
    root: URL, folder: String, output: String, format: String, options: [String]
  )
    throws -> [Job]
  {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: root.appending(path: folder).path)
    return names.sorted().compactMap { name in
      guard let ending = profileEndings.first(where: { name.hasSuffix($0) }) else { return nil }
      let base = String(name.dropLast(ending.count))
      return Job(
        output: "\(output)/\(base).\(format)", input: "\(folder)/\(name)", options: options)
    }
  }

  /// Options split at spaces; a double-quoted part keeps its spaces.
  static func splitOptions(_ text: String) -> [String] {
    var options: [String] = []
    var current = ""
    var quoted = false
    var started = false
    for character in text {
      if character == "\"" {
        quoted.toggle()
        started = true
      } else if character == " " && !quoted {
        if started { options.append(current) }
        current = ""
        started = false
      } else {
        current.append(character)
        started = true
      }
    }
    if started { options.append(current) }
    return options
  }
}
