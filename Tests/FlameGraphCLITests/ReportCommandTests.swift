import FlameGraph
import FlameGraphTestSupport
import Foundation
import Testing

/// `flamegraph report` as a reader of its PDF would check it: the pages
/// as images against their goldens, the tables' functions and shares
/// against the folded text, the bookmarks, links, fonts and paper.
@Suite struct ReportCommandTests {
  struct GoldenReport: CustomStringConvertible, Sendable {
    var name: String
    var input: String
    var arguments: [String]
    var description: String { name }
  }

  static let goldenReports: [GoldenReport] = {
    let url = RepositoryPaths.file("Goldens/reports.tsv")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { line in
      let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
      return GoldenReport(
        name: fields[0], input: fields[1],
        arguments: fields.count > 2 ? fields[2].split(separator: " ").map(String.init) : [])
    }
  }()

  @Test func manifestListsTheTwoReports() {
    #expect(Self.goldenReports.map(\.name) == ["seed-memory-report", "sympy-cpu-report"])
  }

  @Test(arguments: goldenReports)
  func everyPageMatchesItsGolden(_ golden: GoldenReport) throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try ReportRunner.run(
      golden.arguments + [golden.input, "-o", directory.appendingPathComponent("r.png").path])
    #expect(result.status == 0, "\(result.standardError)")
    let written = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    let folder = RepositoryPaths.file("Goldens/report")
    let expectedPages = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter {
      $0.hasPrefix(golden.name + "-") && !$0.contains(".actual.") && !$0.contains(".diff.")
    }
    #expect(written.count == expectedPages.count, "pages: \(written.sorted())")
    #expect(expectedPages.count >= 3)
    for page in 1...max(1, expectedPages.count) {
      let expectedURL = folder.appendingPathComponent("\(golden.name)-\(page).png")
      let actualURL = directory.appendingPathComponent("r-\(page).png")
      guard let expectedData = try? Data(contentsOf: expectedURL),
        let actualData = try? Data(contentsOf: actualURL)
      else {
        Issue.record("page \(page) of \(golden.name) is missing")
        continue
      }
      let expected = try #require(RasterImage(png: Array(expectedData)))
      let actual = try #require(RasterImage(png: Array(actualData)))
      let comparison = ImageComparison(expected: expected, actual: actual)
      if !comparison.matches {
        let actualCopy = folder.appendingPathComponent("\(golden.name)-\(page).actual.png")
        try actualData.write(to: actualCopy)
        comparison.difference?.write(
          toFile: folder.appendingPathComponent("\(golden.name)-\(page).diff.png").path)
        Issue.record(
          "page \(page) of \(golden.name) differs from its golden; actual: \(actualCopy.path)")
      }
    }
  }

  /// The report of the sympy profile, as a PDF in a fresh folder.
  func sympyReport(_ extra: [String] = []) throws -> (pdf: URL, text: String, directory: URL) {
    let directory = try CommandRunner.temporaryDirectory()
    let pdf = directory.appendingPathComponent("sympy.pdf")
    let result = try ReportRunner.run(
      ["--categories", "python", "Goldens/inputs/sympy-cpu.folded", "-o", pdf.path] + extra)
    #expect(result.status == 0, "\(result.standardError)")
    return (pdf, try ReportRunner.text(ofPDF: pdf.path), directory)
  }

  /// The rows of the table under `heading`: rank, shown name, share, and
  /// the footnotes' whole names by number.
  func tableRows(after heading: String, in text: String) -> (
    rows: [(name: String, share: String)], footnotes: String
  ) {
    // Pages are separated by form feeds.
    let lines = text.replacingOccurrences(of: "\u{0C}", with: "").components(separatedBy: "\n")
    guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }) else { return ([], "") }
    var rows: [(String, String)] = []
    var footnotes = ""
    let row = /^\s*(\d+)\s+(.+?)\s+(\d+\.\d\d)%\s+[\d,.]+(\s+p\. \d+)?\s*$/
    for line in lines[(start + 1)...] {
      if line.hasPrefix("Top functions") || line.hasPrefix("Contents") { break }
      if let match = line.firstMatch(of: row), Int(match.1) == rows.count + 1 {
        rows.append((String(match.2), String(match.3)))
      } else if !line.hasPrefix("Performance report") {
        footnotes += line
      }
      if rows.count == 10 && line.trimmingCharacters(in: .whitespaces).isEmpty && !footnotes.isEmpty
      {
        break
      }
    }
    return (rows, footnotes.filter { !$0.isWhitespace })
  }

  /// Whether `shown` is `name`, one of its shorter forms, or either cut,
  /// or a shorter form followed by a footnote marker giving the whole name.
  func shows(_ shown: String, name: String, footnotes: String) -> Bool {
    var text = shown
    if let marker = text.firstMatch(of: /\ \[(\d+)\]$/) {
      guard footnotes.contains("[\(marker.1)]" + name.filter { !$0.isWhitespace }) else {
        return false
      }
      text = String(text[..<marker.range.lowerBound])
    }
    let forms = [name] + LabelAbbreviator.ladder(for: name).rungs.map(\.text)
    if forms.contains(text) { return true }
    return text.hasPrefix("\u{2026}") && forms.contains { $0.hasSuffix(text.dropFirst()) }
  }

  @Test func tablesListTheTopFunctionsWithTheirShares() throws {
    let (_, text, directory) = try sympyReport()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folded = try String(
      contentsOf: RepositoryPaths.file("Goldens/inputs/sympy-cpu.folded"), encoding: .utf8)
    let shares = FoldedShares(text: folded)
    for (heading, counts) in [
      ("Top functions by self", shares.selfCounts), ("Top functions by total", shares.totals),
    ] {
      let table = tableRows(after: heading, in: text)
      let expected = FoldedShares.top(counts, 10)
      #expect(table.rows.count == 10, "\(heading): \(table.rows)")
      for (row, function) in zip(table.rows, expected) {
        #expect(
          row.share == CountFormatter.percent(function.value / shares.total),
          "\(heading): \(function.name)")
        #expect(
          shows(row.name, name: function.name, footnotes: table.footnotes),
          "\(heading): \(row.name) for \(function.name)")
      }
    }
    #expect(text.contains("1,659 samples"))
    #expect(text.contains("1,292 distinct"))
    #expect(text.contains("Date               2023-11-14"))
    #expect(text.contains("flamegraph report --categories python Goldens/inputs/sympy-cpu.folded"))
    #expect(text.contains("Libraries"))
  }

  @Test func outlineLinksPagesAndFonts() throws {
    let (pdf, text, directory) = try sympyReport()
    defer { try? FileManager.default.removeItem(at: directory) }
    let info = try ReportRunner.poppler("pdfinfo", [pdf.path])
    let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
    #expect(text.contains("Page \(pages) of \(pages)"))
    #expect(info.contains("Page size:       595.28 x 841.89 pts (A4)"))
    let structure = PDFStructure(pdf: try Data(contentsOf: pdf))
    let hotPaths = text.components(separatedBy: "\n").filter {
      $0.hasPrefix("Hot path ") && $0.contains(":") && !$0.hasSuffix("p.")
    }
    #expect(structure.bookmarks.prefix(3) == ["Summary", "Whole profile", "Hot paths"])
    let hotPathBookmarks = structure.bookmarks.dropFirst(3)
    #expect(hotPathBookmarks.count == 5)
    for (index, title) in hotPathBookmarks.enumerated() {
      #expect(title.hasPrefix("\(index + 1). "))
      #expect(text.contains("Hot path \(index + 1): \(title.dropFirst(3))"), "\(title)")
    }
    #expect(!hotPaths.isEmpty)
    // Every link lands on a page that exists: contents, tables, graph, breadcrumbs.
    #expect(structure.linkDestinations.count >= 5 + 1 + 5)
    for destination in structure.linkDestinations {
      #expect(structure.namedDestinations.contains(destination), "\(destination)")
    }
    #expect(Set(structure.linkDestinations).isSuperset(of: ["graph", "hot-path-1", "hot-path-5"]))
    let fonts = try ReportRunner.poppler("pdffonts", [pdf.path])
    let fontLines = fonts.components(separatedBy: "\n").dropFirst(2).filter { !$0.isEmpty }
    #expect(fontLines.count >= 2)
    for line in fontLines { #expect(line.contains(" yes yes "), "not embedded: \(line)") }
  }

  @Test func reportsAreByteIdenticalWithSourceDateEpochAndTakeLetterPaper() throws {
    let first = try sympyReport()
    let second = try sympyReport()
    defer {
      try? FileManager.default.removeItem(at: first.directory)
      try? FileManager.default.removeItem(at: second.directory)
    }
    #expect(try Data(contentsOf: first.pdf) == Data(contentsOf: second.pdf))
    let letter = try sympyReport(["--paper", "letter"])
    defer { try? FileManager.default.removeItem(at: letter.directory) }
    let info = try ReportRunner.poppler("pdfinfo", ["-f", "1", "-l", "99", letter.pdf.path])
    let sizes = info.components(separatedBy: "\n").filter {
      $0.hasPrefix("Page ") && $0.contains(" size:")
    }
    #expect(sizes.count >= 3)
    #expect(sizes.first?.hasSuffix("612 x 792 pts (letter)") == true)
    // Graph pages may be landscape, on the same paper.
    for size in sizes {
      #expect(size.contains("612 x 792 pts") || size.contains("792 x 612 pts"), "\(size)")
    }
  }

  @Test func singleFrameProfile() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let input = directory.appendingPathComponent("one.folded")
    try "main 42\n".write(to: input, atomically: true, encoding: .utf8)
    let pdf = directory.appendingPathComponent("one.pdf")
    let result = try ReportRunner.run([input.path, "-o", pdf.path])
    #expect(result.status == 0, "\(result.standardError)")
    let text = try ReportRunner.text(ofPDF: pdf.path)
    // A summary and the graph: a frame that fits whole needs no page of its own.
    #expect(text.contains("Page 2 of 2"))
    #expect(!text.contains("Hot path"))
    #expect(text.contains("42 samples"))
    #expect(tableRows(after: "Top functions by self", in: text).rows.map(\.share) == ["100.00"])
  }

  @Test func differentialProfileGetsADifferencesPage() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let before = directory.appendingPathComponent("before.folded")
    let after = directory.appendingPathComponent("after.folded")
    try "main;parse 50\nmain;render 30\nmain;render;paint 20\n".write(
      to: before, atomically: true, encoding: .utf8)
    try "main;parse 20\nmain;render 30\nmain;render;paint 70\nmain;log 5\n".write(
      to: after, atomically: true, encoding: .utf8)
    let pdf = directory.appendingPathComponent("diff.pdf")
    let result = try ReportRunner.run(["--diff", before.path, after.path, "-o", pdf.path])
    #expect(result.status == 0, "\(result.standardError)")
    let text = try ReportRunner.text(ofPDF: pdf.path)
    let lines = text.components(separatedBy: "\n")
    #expect(text.contains("Differences"))
    #expect(text.contains("125 samples after, 100 before (+25.00%)"))
    // paint grew by 50 (+250%), log is new, parse shrank by 30 (-60%).
    let regressions = lines.drop { !$0.hasPrefix("Biggest regressions") }
    let first = try #require(regressions.first { $0.contains(" 1 ") || $0.hasPrefix("   1") })
    #expect(
      first.contains("paint") && first.contains("+50") && first.contains("+250.00%"), "\(first)")
    #expect(regressions.contains { $0.contains("log") && $0.contains("new") })
    let improvements = lines.drop { !$0.hasPrefix("Biggest improvements") }
    #expect(improvements.dropFirst().first { $0.contains("parse") }?.contains("-60.00%") == true)
    // The same profile as two counts a line gives the same page.
    let paired = directory.appendingPathComponent("paired.folded")
    try "main;parse 50 20\nmain;render 30 30\nmain;render;paint 20 70\nmain;log 0 5\n".write(
      to: paired, atomically: true, encoding: .utf8)
    let pairedPDF = directory.appendingPathComponent("paired.pdf")
    #expect(try ReportRunner.run([paired.path, "-o", pairedPDF.path]).status == 0)
    #expect(try ReportRunner.text(ofPDF: pairedPDF.path).contains("+250.00%"))
  }

  @Test func pngPagesAreNumberedFiles() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try ReportRunner.run(
      [
        "Examples/seed-memory.folded", "--countname", "bytes", "-o",
        directory.appendingPathComponent("report.png").path,
      ])
    #expect(result.status == 0, "\(result.standardError)")
    let pdf = directory.appendingPathComponent("report.pdf")
    #expect(
      try ReportRunner.run(["Examples/seed-memory.folded", "--countname", "bytes", "-o", pdf.path])
        .status == 0)
    let info = try ReportRunner.poppler("pdfinfo", [pdf.path])
    let pages = try #require(info.firstMatch(of: /Pages:\s+(\d+)/).flatMap { Int($0.1) })
    let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter {
      $0.hasSuffix(".png")
    }
    #expect(Set(files) == Set((1...pages).map { "report-\($0).png" }))
  }

  @Test func badOutputsAreRefusedAndTheGraphCommandIsUnchanged() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let svg = try ReportRunner.run([
      "Examples/seed-memory.folded", "-o", directory.appendingPathComponent("r.svg").path,
    ])
    #expect(svg.status == 64)
    #expect(svg.standardError.contains("NAME.pdf or NAME.png"))
    let png = try ReportRunner.run(["Examples/seed-memory.folded", "--format", "png"])
    #expect(png.status == 64)
    let missing = try ReportRunner.run([
      directory.appendingPathComponent("none.folded").path, "-o",
      directory.appendingPathComponent("r.pdf").path,
    ])
    #expect(missing.status == 66)
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    // Without `report` first, the graph command reads its files as before.
    let graph = try CommandRunner.run([
      RepositoryPaths.file("Examples/seed-memory.folded").path, "--format", "svg",
    ])
    #expect(graph.status == 0)
    #expect(String(decoding: graph.standardOutput.prefix(5), as: UTF8.self) == "<?xml")
  }
}
