/// A frame as a profile format describes it: a function name and, when the
/// format records them, its file, line, column and module.
///
/// Importers hand these to ``CallTreeBuilder/frameID(for:)``. Formats with
/// structured frames (pprof, Chrome, speedscope, perf) fill the fields
/// directly, so source lines and categories never guess from names.
///
/// ```swift
/// let frame = ImportedFrame(name: "parse", file: "json/decoder.py", line: 337)
/// frame.displayName  // "parse (json/decoder.py:337)"
/// ```
public struct ImportedFrame: Sendable, Hashable {
  /// The function (or the frame's whole text when nothing else is known).
  public var name: String
  /// The source file, as the profile names it.
  public var file: String?
  /// The 1-based line in `file`.
  public var line: Int?
  /// The 1-based column in `line`.
  public var column: Int?
  /// The library, binary or package the code belongs to (perf's DSO,
  /// pprof's mapping).
  public var module: String?
  /// Kernel, JIT-compiled or inlined code, when the format says.
  public var annotation: FrameAnnotation?

  /// A frame from its parts.
  public init(
    name: String, file: String? = nil, line: Int? = nil, column: Int? = nil,
    module: String? = nil, annotation: FrameAnnotation? = nil
  ) {
    self.name = name
    self.file = file
    self.line = line
    self.column = column
    self.module = module
    self.annotation = annotation
  }

  /// The text a graph shows, and the key frames merge by: `name (file:line)`
  /// when the file and line are known (py-spy's convention), `name (file)`
  /// with a file only, else the name; with the annotation's suffix (`_[k]`).
  public var displayName: String {
    var text = name
    if let file, !file.isEmpty {
      if let line { text += " (\(file):\(line))" } else { text += " (\(file))" }
    }
    if let annotation { text += annotation.suffix }
    return text
  }

  /// Where the code is, when the file is known.
  public var location: FrameLocation? {
    guard let file, !file.isEmpty else { return nil }
    return FrameLocation(function: name, file: file, line: line ?? 0, column: column ?? 0)
  }
}

extension FrameAnnotation {
  /// The suffix that marks the annotation in folded stacks: `_[k]`, `_[j]`,
  /// `_[i]` or `_[w]`.
  public var suffix: String {
    switch self {
    case .kernel: return "_[k]"
    case .jit: return "_[j]"
    case .inlined: return "_[i]"
    case .waker: return "_[w]"
    }
  }
}
