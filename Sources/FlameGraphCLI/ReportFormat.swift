import ArgumentParser
import FlameGraph

/// What `flamegraph report` writes.
public enum ReportFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
  /// One PDF: bookmarks, links, searchable text.
  case pdf
  /// One PNG per page: `report.png` gives `report-1.png`, `report-2.png` ...
  case png

  /// The format a file name asks for, by its extension; nil for others.
  init?(pathExtensionOf path: String) {
    let name = path.lowercased()
    if name.hasSuffix(".pdf") {
      self = .pdf
    } else if name.hasSuffix(".png") {
      self = .png
    } else {
      return nil
    }
  }

  /// The files of a PNG report's pages: `out.png` gives `out-1.png` ...
  static func pagePaths(of path: String, count: Int) -> [String] {
    let stem = path.lowercased().hasSuffix(".png") ? String(path.dropLast(4)) : path
    return (1...max(1, count)).map { "\(stem)-\($0).png" }
  }
}

extension Paper: ExpressibleByArgument {}
