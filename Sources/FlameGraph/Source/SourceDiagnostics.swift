/// Files and lines a ``SourceLineProvider`` could not give, counted for one
/// warning. Files are counted once per distinct name as frames write it.
public struct SourceDiagnostics: Sendable, Equatable {
  /// Files not found under any source folder.
  public private(set) var missingFiles = 0
  /// The first few of them, as frames name them.
  public private(set) var firstMissingFiles: [String] = []
  /// Lines asked for beyond the end of their file (or below 1).
  public private(set) var linesOutOfRange = 0
  /// Files whose name leads outside every source folder (`../`, or a
  /// symbolic link out of the folder): never opened.
  public private(set) var filesOutsideRoots = 0
  /// Files refused for their name: no recognized source extension.
  public private(set) var filesNotSource = 0
  /// Files refused for what they are: not a regular file, binary (a NUL
  /// byte in the first block), or unreadable.
  public private(set) var filesNotText = 0
  /// Files refused for their size: over the per-file limit, or over what
  /// is left of the total.
  public private(set) var filesTooLarge = 0
  /// Lookups skipped because too many distinct file names were looked up.
  public private(set) var lookupsSkipped = 0

  /// No problem yet.
  public init() {}

  /// How many names were found neither missing nor out of range, but
  /// refused or skipped.
  public var refusedFiles: Int {
    filesOutsideRoots + filesNotSource + filesNotText + filesTooLarge + lookupsSkipped
  }

  /// Counts a file not found.
  public mutating func recordMissingFile(_ file: String) {
    missingFiles += 1
    if firstMissingFiles.count < 3 { firstMissingFiles.append(file) }
  }

  /// Counts a line beyond the end of its file.
  public mutating func recordLineOutOfRange() { linesOutOfRange += 1 }

  /// Counts a file refused, for a reason.
  public mutating func recordRefusal(_ reason: SourceRefusal) {
    switch reason {
    case .outsideRoots: filesOutsideRoots += 1
    case .notSource: filesNotSource += 1
    case .notText: filesNotText += 1
    case .tooLarge: filesTooLarge += 1
    case .tooManyFiles: lookupsSkipped += 1
    }
  }

  /// A warning for stderr, or nil when every frame found its code. It names
  /// files only as the profile wrote them (control characters replaced),
  /// and says nothing of what is outside the source folders.
  public var summary: String? {
    var parts: [String] = []
    if missingFiles > 0 {
      let names = firstMissingFiles.map(Self.printable).joined(separator: ", ")
      let more = missingFiles > firstMissingFiles.count ? ", ..." : ""
      parts.append("\(Self.count(missingFiles, "source file")) not found (\(names)\(more))")
    }
    if linesOutOfRange > 0 {
      parts.append("\(Self.count(linesOutOfRange, "line number")) beyond the end of their file")
    }
    if filesOutsideRoots > 0 {
      parts.append("\(Self.count(filesOutsideRoots, "file")) outside the source folders")
    }
    if filesNotSource > 0 {
      parts.append("\(Self.count(filesNotSource, "file")) without a source file extension")
    }
    if filesNotText > 0 {
      parts.append("\(Self.count(filesNotText, "file")) not regular text files")
    }
    if filesTooLarge > 0 {
      parts.append("\(Self.count(filesTooLarge, "file")) over the size limits")
    }
    if lookupsSkipped > 0 {
      parts.append("\(Self.count(lookupsSkipped, "lookup")) skipped (too many distinct files)")
    }
    guard !parts.isEmpty else { return nil }
    return "no code shown for some frames: " + parts.joined(separator: "; ")
      + " (add folders with --source-path)"
  }

  private static func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }

  /// A name fit for a terminal: control characters replaced, at most 200
  /// characters.
  static func printable(_ name: String) -> String {
    var text = String(
      String.UnicodeScalarView(
        name.unicodeScalars.prefix(200).map { scalar in
          scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
        }))
    if name.unicodeScalars.count > 200 { text += "\u{2026}" }
    return text
  }
}

/// Why a ``SourceLineProvider`` refused a file.
public enum SourceRefusal: Sendable, Equatable {
  /// Its name leads outside every source folder.
  case outsideRoots
  /// Its name has no recognized source extension.
  case notSource
  /// Not a regular file, binary, or unreadable.
  case notText
  /// Over the per-file size limit or what is left of the total.
  case tooLarge
  /// Too many distinct names were looked up already.
  case tooManyFiles
}
