import FlameGraphTestSupport
import Foundation

/// Runs `flamegraph report` as a user would, from the repository's root
/// (so that relative inputs and `--source-path` read as in the manifest),
/// with a fixed `SOURCE_DATE_EPOCH`.
enum ReportRunner {
  static let sourceDateEpoch = "1700000000"

  static func run(_ arguments: [String], in directory: URL = RepositoryPaths.root) throws
    -> CommandResult
  {
    let process = Process()
    process.executableURL = RepositoryPaths.executable
    process.arguments = ["report"] + arguments
    process.currentDirectoryURL = directory
    process.environment = ["SOURCE_DATE_EPOCH": sourceDateEpoch, "PATH": "/usr/bin:/bin"]
    let errors = Pipe()
    let output = Pipe()
    process.standardError = errors
    process.standardOutput = output
    try process.run()
    let errorBox = DataBox()
    let errorReader = Thread { errorBox.data = errors.fileHandleForReading.readDataToEndOfFile() }
    errorReader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorReader.isFinished { usleep(1000) }
    return CommandResult(
      status: process.terminationStatus, standardOutput: outputData,
      standardError: String(decoding: errorBox.data, as: UTF8.self))
  }

  /// The output of a poppler tool (`pdftotext`, `pdfinfo`, `pdffonts`).
  static func poppler(_ tool: String, _ arguments: [String]) throws -> String {
    try ToolOutput.run([tool] + arguments).output
  }

  /// The text of a PDF, laid out as on the page.
  static func text(ofPDF path: String) throws -> String {
    try poppler("pdftotext", ["-layout", path, "-"])
  }
}

/// The shares of a folded profile, worked out here from its lines, the
/// way a reader checking a report by hand would: a function's self count
/// is the count of the stacks ending in it, its total that of the stacks
/// containing it (once each).
struct FoldedShares {
  var total = 0.0
  var selfCounts: [String: Double] = [:]
  var totals: [String: Double] = [:]

  init(text: String) {
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let space = line.lastIndex(of: " "),
        let count = Double(line[line.index(after: space)...])
      else { continue }
      let frames = line[..<space].split(separator: ";").map(String.init)
      total += count
      guard let leaf = frames.last else { continue }
      selfCounts[leaf, default: 0] += count
      for name in Set(frames) { totals[name, default: 0] += count }
    }
  }

  /// The `count` names ranked highest, ties by name.
  static func top(_ counts: [String: Double], _ count: Int) -> [(name: String, value: Double)] {
    Array(
      counts.map { (name: $0.key, value: $0.value) }.sorted {
        $0.value != $1.value ? $0.value > $1.value : $0.name < $1.name
      }.prefix(count))
  }
}

/// The bookmarks and links of a PDF as Cairo writes them (uncompressed
/// dictionaries): titles of `/Title` entries under `/Outlines`, and the
/// destinations of `/Link` annotations.
struct PDFStructure {
  var bookmarks: [String] = []
  var linkDestinations: [String] = []
  var namedDestinations: Set<String> = []

  init(pdf: Data) {
    let text = String(decoding: pdf.map { $0 < 128 ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    let lines = text.components(separatedBy: "\n")
    var inLink = false
    var inOutlineItem = false
    for (index, line) in lines.enumerated() {
      let trimmed = line.trimmingCharacters(in: .whitespaces)
      if trimmed.hasPrefix("<< /Title ") {
        // An outline item has a parent; the document's info dictionary does not.
        inOutlineItem = lines[index..<min(lines.count, index + 6)].contains {
          $0.contains("/Parent")
        }
        if inOutlineItem { bookmarks.append(Self.string(String(trimmed.dropFirst(10)))) }
      }
      if trimmed == "/Subtype /Link" { inLink = true }
      if inLink, trimmed.hasPrefix("/Dest (") {
        linkDestinations.append(String(trimmed.dropFirst(7).dropLast()))
        inLink = false
      }
      // Named destinations: `(name) [page /XYZ ...]` entries of the /Names array.
      if trimmed.hasPrefix("("), let close = trimmed.firstIndex(of: ")"), trimmed.contains("/XYZ") {
        namedDestinations.insert(String(trimmed[trimmed.index(after: trimmed.startIndex)..<close]))
      }
    }
  }

  /// A PDF string: `(ASCII)` or `<FEFF...>` UTF-16 in hex.
  static func string(_ token: String) -> String {
    if token.hasPrefix("(") { return String(token.dropFirst().prefix { $0 != ")" }) }
    let hex = Array(token.dropFirst().prefix { $0 != ">" })
    var units: [UInt16] = []
    var index = 0
    while index + 4 <= hex.count {
      units.append(UInt16(String(hex[index..<index + 4]), radix: 16) ?? 0)
      index += 4
    }
    if units.first == 0xFEFF { units.removeFirst() }
    return String(decoding: units, as: UTF16.self)
  }
}
