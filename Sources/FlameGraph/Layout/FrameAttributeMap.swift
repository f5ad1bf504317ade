/// Per-function frame attributes, read from the file format of inferno's and
/// flamegraph.pl's `--nameattr`: one function a line, its name, a tab, then
/// tab-separated `name=value` pairs.
///
/// ```
/// main<TAB>title=The entry point<TAB>href=https://example.com/main<TAB>class=entry
/// parse<TAB>g_extra=data-owner="parsing team" data-tier=2
/// ```
///
/// `title` replaces the frame's tooltip; `href` becomes the link
/// (`xlink:href`, with `target="_top"` unless a `target` is given); `id`,
/// `class` and `target` are set as given; `g_extra` and `a_extra` hold more
/// `name=value` pairs separated by spaces, values quoted when they hold
/// spaces. Values may be quoted; lines without a name are skipped.
/// Attributes that would run script (`onclick` and the other `on...`
/// handlers), names that are not XML names (or have a prefix other than
/// `xlink:` and `xml:`), and unknown keys are skipped
/// with a warning, as is a repeated attribute, whose last value wins.
///
/// A frame is matched by its name as the input wrote it (`do_sys_open_[k]`)
/// or, failing that, by its name without the annotation.
///
/// ```swift
/// let map = FrameAttributeMap(parsing: "main\ttitle=Start here\tclass=entry\n")
/// map["main"]?.title         // "Start here"
/// map["main"]?["class"]      // "entry"
/// ```
public struct FrameAttributeMap: Sendable, Equatable {
  /// The attributes of each function, by name.
  public var functions: [String: FrameAttributes]
  /// What was skipped, one message each, with its line number.
  public var warnings: [String]

  /// An empty map.
  public init() {
    functions = [:]
    warnings = []
  }

  /// The attributes of `name`, if the file gave any.
  public subscript(name: String) -> FrameAttributes? { functions[name] }

  /// Reads the file format; never fails, skipped parts are ``warnings``.
  public init(parsing text: String) {
    self.init()
    var lineNumber = 0
    // "\r\n" is one Character: both line ends split.
    for rawLine in text.split(
      omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    {
      lineNumber += 1
      let line = rawLine.trimmingWhitespace()
      guard let tab = line.firstIndex(of: "\t") else { continue }
      let function = String(line[..<tab])
      guard !function.isEmpty else { continue }
      var attributes = functions[function] ?? FrameAttributes()
      for pair in line[line.index(after: tab)...].split(separator: "\t") {
        guard let equals = pair.firstIndex(of: "=") else { continue }
        let key = pair[..<equals].trimmingWhitespace()
        guard !key.isEmpty else { continue }
        let value = Self.unquoted(pair[pair.index(after: equals)...].trimmingWhitespace())
        let place = "line \(lineNumber) (\(function))"
        switch key {
        case "title": attributes.title = String(value)
        case "href": add("xlink:href", String(value), to: &attributes, at: place)
        case "id", "class", "target": add(String(key), String(value), to: &attributes, at: place)
        case "g_extra", "a_extra":
          for (name, value) in Self.extraAttributes(value, at: place, warnings: &warnings) {
            add(name, value, to: &attributes, at: place)
          }
        default: warnings.append("\(place): unknown attribute \(key) is skipped")
        }
      }
      if attributes.link != nil && attributes["target"] == nil {
        attributes.set("target", "_top")
      }
      functions[function] = attributes
    }
  }

  /// Adds an attribute unless its name is unsafe or not an XML name.
  private mutating func add(
    _ name: String, _ value: String, to attributes: inout FrameAttributes, at place: String
  ) {
    // A prefix other than xlink: or xml: would need a namespace the SVG does not declare.
    let prefixed = name.contains(":")
    guard Self.isXMLName(name), !prefixed || name.hasPrefix("xlink:") || name.hasPrefix("xml:")
    else {
      warnings.append("\(place): \(name) is not an attribute name; skipped")
      return
    }
    guard !name.lowercased().hasPrefix("on") else {
      warnings.append("\(place): \(name) would run script; skipped")
      return
    }
    if let old = attributes.set(name, value) {
      warnings.append("\(place): \(name) is given twice; \"\(value)\" replaces \"\(old)\"")
    }
  }

  /// The `name=value` pairs of a `g_extra` or `a_extra` value: separated
  /// by spaces, each value bare or in double quotes.
  static func extraAttributes(
    _ text: Substring, at place: String, warnings: inout [String]
  ) -> [(String, String)] {
    var pairs: [(String, String)] = []
    var rest = text
    while let equals = rest.firstIndex(of: "=") {
      let words = rest[..<equals].split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard let name = words.last else {
        warnings.append("\(place): \"=\" without a name in extra attributes")
        break
      }
      for word in words.dropLast() {
        warnings.append("\(place): extra attribute \(word) has no value")
      }
      var value = rest[rest.index(after: equals)...].drop(while: { $0 == " " })
      if value.first == "\"" {
        value = value.dropFirst()
        guard let quote = value.firstIndex(of: "\"") else {
          warnings.append("\(place): no closing quote for extra attribute \(name)")
          break
        }
        pairs.append((String(name), String(value[..<quote])))
        rest = value[value.index(after: quote)...]
      } else {
        let end = value.firstIndex(where: { $0 == " " || $0 == "\t" }) ?? value.endIndex
        pairs.append((String(name), String(value[..<end])))
        rest = value[end...]
      }
    }
    return pairs
  }

  /// The text without one pair of surrounding double quotes.
  private static func unquoted(_ text: Substring) -> Substring {
    guard text.count >= 2, text.first == "\"", text.last == "\"" else { return text }
    return text.dropFirst().dropLast()
  }

  /// Whether the text is an XML attribute name (ASCII letters, digits,
  /// `_`, `:`, `.`, `-`, starting with a letter, `_` or `:`).
  static func isXMLName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, first.isASCIILetter || first == "_" || first == ":"
    else { return false }
    return name.unicodeScalars.allSatisfy {
      $0.isASCIILetter || ("0"..."9").contains($0) || "_:.-".unicodeScalars.contains($0)
    }
  }
}

extension Unicode.Scalar {
  /// A to Z or a to z.
  fileprivate var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
}

extension Substring {
  /// Without spaces, tabs and line ends at either end.
  fileprivate func trimmingWhitespace() -> Substring {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\r\n" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return self[endIndex...] }
    return self[first...last]
  }
}
