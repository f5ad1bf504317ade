import Foundation

/// What a `--nameattr` file asks of each function's frame, read with the
/// format's documented meaning (README, "Coming from inferno or
/// flamegraph.pl"): the tooltip, the attributes of the frame's element,
/// and how many warnings the file deserves.
struct NameattrOracle {
  /// What one function's frames get.
  struct Entry: Equatable {
    /// The tooltip replacing `name (N samples, P%)`, if any.
    var title: String?
    /// The attributes of the frame's element (`<a>` when there is an
    /// `xlink:href`, else `<g>`).
    var attributes: [String: String] = [:]
  }

  var entries: [String: Entry] = [:]
  /// Attributes given twice for a function (the last value is kept).
  var duplicates = 0
  /// Keys that are not attributes of the format, skipped.
  var invalid: [String] = []

  init(_ text: String) {
    for line in text.split(separator: "\n") {
      let fields = line.trimmingCharacters(in: .whitespaces).split(
        separator: "\t", omittingEmptySubsequences: false)
      guard let function = fields.first, !function.isEmpty else { continue }
      var entry = entries[String(function)] ?? Entry()
      for field in fields.dropFirst() {
        guard let equals = field.firstIndex(of: "=") else { continue }
        let key = field[..<equals].trimmingCharacters(in: .whitespaces)
        var value = field[field.index(after: equals)...].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
          value = String(value.dropFirst().dropLast())
        }
        switch key {
        case "": continue
        case "title": entry.title = value
        case "href": set("xlink:href", value, in: &entry)
        case "id", "class", "target": set(key, value, in: &entry)
        case "g_extra", "a_extra":
          for (name, extra) in Self.pairs(value) { set(name, extra, in: &entry) }
        default: invalid.append("\(function): \(key)")
        }
      }
      if entry.attributes["xlink:href"] != nil, entry.attributes["target"] == nil {
        entry.attributes["target"] = "_top"
      }
      entries[String(function)] = entry
    }
  }

  private mutating func set(_ name: String, _ value: String, in entry: inout Entry) {
    if entry.attributes[name] != nil { duplicates += 1 }
    entry.attributes[name] = value
  }

  /// `a="x y" b=z`: the space-separated `name=value` pairs, values quoted
  /// or not.
  static func pairs(_ text: String) -> [(String, String)] {
    var result: [(String, String)] = []
    var rest = text[...]
    while let equals = rest.firstIndex(of: "=") {
      let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
      rest = rest[rest.index(after: equals)...].drop { $0 == " " }
      let value: Substring
      if rest.hasPrefix("\""), let end = rest.dropFirst().firstIndex(of: "\"") {
        value = rest[rest.index(after: rest.startIndex)..<end]
        rest = rest[rest.index(after: end)...]
      } else {
        let end = rest.firstIndex(of: " ") ?? rest.endIndex
        value = rest[..<end]
        rest = rest[end...]
      }
      result.append((name, String(value)))
    }
    return result
  }
}
