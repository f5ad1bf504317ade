/// What a frame name says about where the code is: function, file, line.
///
/// ```swift
/// FrameLocation(parsing: "parse (json/decoder.py:337)")
/// // function "parse", file "json/decoder.py", line 337
/// ```
public struct FrameLocation: Sendable, Equatable {
  /// The function, when the name has one.
  public var function: String?
  /// The file as written in the name (relative or absolute).
  public var file: String
  /// The 1-based line number; 0 when the name gives none (`main (cpu.py)`).
  public var line: Int

  /// A location from its parts.
  public init(function: String?, file: String, line: Int) {
    self.function = function
    self.file = file
    self.line = line
  }

  /// Whether `file` names a file on disk, rather than a pseudo-file such as
  /// `<frozen importlib._bootstrap>` or `<string>`.
  public var isSourceFile: Bool { !file.hasPrefix("<") && !file.isEmpty }

  /// Parses a frame name with the first syntax of ``FrameNameSyntax/all``
  /// that understands it; nil when none does.
  public init?(parsing name: String) {
    // Every syntax ends with `)` or with a line's digits: most names of
    // native code end otherwise and need no syntax tried.
    guard let last = name.utf8.last, last == UInt8(ascii: ")") || (last >= 48 && last <= 57)
    else { return nil }
    for syntax in FrameNameSyntax.all {
      if let location = syntax.parse(name) {
        self = location
        return
      }
    }
    return nil
  }
}

/// One way profilers write a frame's location into its name.
///
/// To understand another syntax, add a case to ``all`` with a parse function
/// that returns nil for names it does not recognise. The first match wins, so
/// more specific syntaxes come first.
public struct FrameNameSyntax: Sendable {
  /// A short name for documentation and tests.
  public let name: String
  /// Returns the location, or nil when the frame name is not in this syntax.
  public let parse: @Sendable (String) -> FrameLocation?

  /// The syntaxes tried, in order.
  public static let all: [FrameNameSyntax] = [pySpy, pySpyWithoutLine, fil, austin, bare]

  /// py-spy: `function (path/file.py:12)`.
  public static let pySpy = FrameNameSyntax(name: "function (file:line)") { name in
    guard let (before, inside) = splitTrailingParentheses(name),
      let (file, line) = splitFileLine(inside)
    else { return nil }
    return FrameLocation(function: before, file: file, line: line)
  }

  /// Fil: `path/file.py:12 (function)`.
  public static let fil = FrameNameSyntax(name: "file:line (function)") { name in
    guard let (before, inside) = splitTrailingParentheses(name),
      let (file, line) = splitFileLine(before)
    else { return nil }
    return FrameLocation(function: inside, file: file, line: line)
  }

  /// py-spy's `--nolineno`: `function (path/file.py)`, a file without a
  /// line (line 0). The file must have a source extension
  /// (``SourceFileExtensions``) and no space, so that `f (int)` or perf's
  /// `func (libc.so.6)` are not taken for source files.
  public static let pySpyWithoutLine = FrameNameSyntax(name: "function (file)") { name in
    guard let (before, inside) = splitTrailingParentheses(name), !inside.contains(" "),
      SourceFileExtensions.isSourceFile(inside)
    else { return nil }
    return FrameLocation(function: before, file: inside, line: 0)
  }

  /// austin: `path/file.py:function:12`, the function between the file and
  /// the line. The function has no slash, backslash or space, so a Windows
  /// path such as `C:\app\x.py:12` stays a bare location.
  public static let austin = FrameNameSyntax(name: "file:function:line") { name in
    guard let (fileAndFunction, line) = splitFileLine(name),
      let colon = fileAndFunction.lastIndex(of: ":"), colon > fileAndFunction.startIndex
    else { return nil }
    let function = fileAndFunction[fileAndFunction.index(after: colon)...]
    let file = String(fileAndFunction[..<colon])
    guard !function.isEmpty, !function.contains(where: { "/\\ ".contains($0) }),
      file.hasPrefix("<") || looksLikeFileName(file)
    else { return nil }
    return FrameLocation(function: String(function), file: file, line: line)
  }

  /// A bare location: `path/file.py:12`.
  public static let bare = FrameNameSyntax(name: "file:line") { name in
    // The file needs an extension (or `<...>`): austin's `T0:2825` thread
    // roots and `host:8080` are not places in code.
    guard let (file, line) = splitFileLine(name), file.hasPrefix("<") || looksLikeFileName(file)
    else { return nil }
    return FrameLocation(function: nil, file: file, line: line)
  }

  /// `head (inside)` → (head, inside), for a name ending with `)`. The
  /// parenthesis that opens the last group is found by balancing, so
  /// `f (g(x)) (a.py:1)` works.
  static func splitTrailingParentheses(_ name: String) -> (String, String)? {
    guard name.hasSuffix(")") else { return nil }
    var depth = 0
    var index = name.endIndex
    while index > name.startIndex {
      index = name.index(before: index)
      switch name[index] {
      case ")": depth += 1
      case "(":
        depth -= 1
        if depth == 0 {
          guard index > name.startIndex, name[name.index(before: index)] == " " else {
            return nil
          }
          let head = String(name[..<name.index(before: index)])
          let inside = String(name[name.index(after: index)..<name.index(before: name.endIndex)])
          return head.isEmpty || inside.isEmpty ? nil : (head, inside)
        }
      default: break
      }
    }
    return nil
  }

  /// Whether text reads as a file name: an extension after the last slash
  /// or backslash, and not only digits and dots (`1.5`).
  static func looksLikeFileName(_ text: String) -> Bool {
    guard !text.isEmpty else { return false }
    let base = text.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? text
    guard let dot = base.lastIndex(of: "."), dot > base.startIndex else { return false }
    let fileExtension = base[base.index(after: dot)...]
    return !fileExtension.isEmpty && fileExtension.count <= 8
      && fileExtension.allSatisfy { $0.isLetter || $0.isNumber }
      && !fileExtension.allSatisfy(\.isNumber)
  }

  /// `path:12` → (path, 12); the line is the digits after the last colon.
  static func splitFileLine(_ text: String) -> (String, Int)? {
    // Most names do not end with a digit: no need to walk their characters.
    guard let lastByte = text.utf8.last, lastByte >= 48 && lastByte <= 57 else { return nil }
    guard let colon = text.lastIndex(of: ":") else { return nil }
    let digits = text[text.index(after: colon)...]
    guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let line = Int(digits), colon > text.startIndex
    else { return nil }
    let file = String(text[..<colon])
    // A file name has something besides digits (`12:34` is a time, not a place).
    guard !file.contains(" ") || file.hasPrefix("<"), !file.allSatisfy(\.isNumber) else {
      return nil
    }
    return (file, line)
  }
}

extension FrameTable {
  /// Where a frame's code is: as its importer gave it, else parsed from
  /// its name on each call (callers that need it often keep it per id).
  public func location(of id: FrameID) -> FrameLocation? {
    storage.locations[id] ?? FrameLocation(parsing: name(of: id))
  }

  /// The location the frame's importer gave, if it gave one.
  func importedLocation(of id: FrameID) -> FrameLocation? { storage.locations[id] }
}
