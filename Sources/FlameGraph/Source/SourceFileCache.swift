#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads the source lines that frames point to, each file once.
///
/// Relative file names are looked up in the search path in order, as
/// Python's `sys.path` does; absolute names are read as they are. A file
/// that cannot be found or read, or a line beyond its end, just means no
/// code for that frame: ``diagnostics`` counts them.
public final class SourceFileCache {
  /// The folders relative names are looked up in, first match wins.
  public let searchPath: [String]
  /// What could not be shown.
  public private(set) var diagnostics = SourceDiagnostics()
  /// Lines of each file read, by the name used in frames; nil when missing.
  private var files: [String: [Substring]?] = [:]

  /// A cache searching `searchPath` (the current directory is added last
  /// when it is not already there).
  public init(searchPath: [String]) {
    self.searchPath = searchPath.contains(".") ? searchPath : searchPath + ["."]
  }

  /// The line, as written in the file (indentation included), or nil.
  public func line(_ number: Int, of file: String) -> String? {
    let lines: [Substring]?
    if let cached = files[file] {
      lines = cached
    } else {
      lines = load(file)
      files[file] = .some(lines)
      if lines == nil { diagnostics.recordMissingFile(file) }
    }
    guard let lines else { return nil }
    guard number >= 1, number <= lines.count else {
      diagnostics.linesOutOfRange += 1
      return nil
    }
    return String(lines[number - 1])
  }

  private func load(_ file: String) -> [Substring]? {
    let candidates = file.hasPrefix("/") ? [file] : searchPath.map { $0 + "/" + file }
    for path in candidates {
      guard let text = Self.read(path) else { continue }
      // "\r\n" is one Character in Swift, and a newline like "\n".
      return text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    }
    return nil
  }

  /// A regular file's text (under 64 MiB), invalid UTF-8 repaired; nil when
  /// it cannot be read.
  public static func read(_ path: String) -> String? {
    var status = stat()
    guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
      status.st_size < 64 << 20, let file = fopen(path, "rb")
    else { return nil }
    defer { fclose(file) }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    let got = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
    return String(decoding: bytes[0..<got], as: UTF8.self)
  }
}

/// Frames whose code could not be shown, counted.
public struct SourceDiagnostics: Sendable, Equatable {
  /// Distinct files not found (or unreadable).
  public internal(set) var missingFiles = 0
  /// The first few of them.
  public internal(set) var firstMissingFiles: [String] = []
  /// Frames pointing past the end of their file.
  public internal(set) var linesOutOfRange = 0

  mutating func recordMissingFile(_ file: String) {
    missingFiles += 1
    if firstMissingFiles.count < 3 { firstMissingFiles.append(file) }
  }

  /// A warning for stderr, or nil when every frame found its code.
  public var summary: String? {
    var parts: [String] = []
    if missingFiles > 0 {
      parts.append(
        "\(missingFiles) source file\(missingFiles == 1 ? "" : "s") not found (\(firstMissingFiles.joined(separator: ", "))\(missingFiles > firstMissingFiles.count ? ", ..." : ""))"
      )
    }
    if linesOutOfRange > 0 {
      parts.append(
        "\(linesOutOfRange) line number\(linesOutOfRange == 1 ? "" : "s") beyond the end of their file"
      )
    }
    guard !parts.isEmpty else { return nil }
    return "no code shown for some frames: " + parts.joined(separator: "; ")
      + " (add folders with --source-path)"
  }
}
