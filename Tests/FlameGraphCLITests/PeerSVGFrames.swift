import Foundation

/// The frames of a flame graph SVG, ours or a peer's (inferno,
/// flamegraph.pl), read the way a user compares two graphs: each frame's
/// name, count and depth, and the attributes of its element.
struct PeerFrame: Hashable, CustomStringConvertible {
  /// The name, or the whole title when it is not `name (N samples, ...)`.
  var name: String
  /// The count, rounded as inferno rounds it; nil when the title has none.
  var count: Int?
  /// 0 for the root, from the row the frame is drawn in.
  var depth: Int

  var description: String { "\(depth) \(name) \(count.map(String.init) ?? "-")" }
}

struct PeerSVGFrames {
  /// The frames, in document order.
  var frames: [PeerFrame] = []
  /// The attributes of the element of the first frame of each name, for
  /// the frames whose element has any (`<a xlink:href=...>`, `<g id=...>`).
  var attributes: [String: [String: String]] = [:]
  /// Each frame's `fill` (`#rrggbb`), in the order of `frames`.
  var fills: [String] = []

  /// Reads the frames after the frames group (`id="frames"`); `inverted`
  /// says whether depth grows downward.
  init(
    svg: String, inverted: Bool = false,
    rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero
  ) {
    // Searched as bytes: Foundation's searches of a large SVG are quadratic.
    let bytes = Array(svg.utf8)
    func find(_ needle: String, from: Int) -> Int? {
      let pattern = Array(needle.utf8)
      guard !pattern.isEmpty, bytes.count >= pattern.count else { return nil }
      var index = from
      while index <= bytes.count - pattern.count {
        if bytes[index] == pattern[0], Array(bytes[index..<index + pattern.count]) == pattern {
          return index
        }
        index += 1
      }
      return nil
    }
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    guard let start = find("id=\"frames\"", from: 0) else { return }
    var rows: [(title: String, y: Double, tag: Substring, fill: String)] = []
    var cursor = start
    while let open = find("<title>", from: cursor),
      let close = find("</title>", from: open + 7)
    {
      let title = Self.unescaped(text(open + 7..<close))
      let lt = UInt8(ascii: "<")
      let tagStart = (cursor..<open).last { bytes[$0] == lt }
      let tag = tagStart.map { text($0..<open)[...] } ?? ""
      guard let rect = find("<rect", from: close),
        let yStart = find(" y=\"", from: rect),
        let yEnd = find("\"", from: yStart + 4),
        let y = Double(text(yStart + 4..<yEnd))
      else { break }
      let fillStart = find(" fill=\"", from: yEnd)
      let fillEnd = fillStart.flatMap { find("\"", from: $0 + 7) }
      let fill = fillEnd.map { text(fillStart! + 7..<$0) } ?? ""
      rows.append((title, y, tag, fill))
      cursor = yEnd
    }
    // Rows from the root outward: the largest y for a flame graph.
    let ys = Set(rows.map(\.y)).sorted(by: inverted ? (<) : (>))
    let depthOf = Dictionary(uniqueKeysWithValues: ys.enumerated().map { ($1, $0) })
    for row in rows {
      let (name, count) = Self.nameAndCount(row.title, rounding: rounding)
      frames.append(PeerFrame(name: name, count: count, depth: depthOf[row.y]!))
      fills.append(row.fill)
      let values = Self.attributeValues(row.tag)
      if !values.isEmpty, attributes[name] == nil { attributes[name] = values }
    }
  }

  /// `name (1,234 samples, 5.00%)` or with `; +1.00%`: the name and the
  /// count, rounded half away from zero as inferno does (or to even, as
  /// Perl's sprintf).
  static func nameAndCount(
    _ title: String, rounding: FloatingPointRoundingRule = .toNearestOrAwayFromZero
  ) -> (String, Int?) {
    let firstLine = title.split(separator: "\n", omittingEmptySubsequences: false)[0]
    guard let open = firstLine.range(of: " (", options: .backwards),
      let space = firstLine.range(of: " ", range: open.upperBound..<firstLine.endIndex)
    else { return (title, nil) }
    let number = firstLine[open.upperBound..<space.lowerBound].replacingOccurrences(
      of: ",", with: "")
    guard let value = Double(number) else { return (title, nil) }
    return (String(firstLine[..<open.lowerBound]), Int(value.rounded(rounding)))
  }

  /// The `name="value"` pairs of a start tag.
  static func attributeValues(_ tag: Substring) -> [String: String] {
    var values: [String: String] = [:]
    var rest = tag.dropFirst().drop(while: { $0 != " " && $0 != ">" })
    while let equals = rest.range(of: "=\"") {
      let name = rest[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
      guard let end = rest.range(of: "\"", range: equals.upperBound..<rest.endIndex) else { break }
      values[name] = unescaped(String(rest[equals.upperBound..<end.lowerBound]))
      rest = rest[end.upperBound...]
    }
    return values
  }

  /// XML text with its entities replaced.
  static func unescaped(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var result = text
    for (entity, character) in [
      ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&apos;", "'"),
      ("&#10;", "\n"), ("&#9;", "\t"), ("&#13;", "\r"),
    ] {
      result = result.replacingOccurrences(of: entity, with: character)
    }
    return result.replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The frames as a multiset, for comparing graphs whatever the order.
  var counted: [PeerFrame: Int] {
    frames.reduce(into: [:]) { $0[$1, default: 0] += 1 }
  }
}
