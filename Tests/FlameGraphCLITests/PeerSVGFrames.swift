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
    guard let start = svg.range(of: "id=\"frames\"") else { return }
    let body = svg[start.upperBound...]
    var rows: [(title: String, y: Double, tag: Substring, fill: String)] = []
    var cursor = body.startIndex
    while let open = body.range(of: "<title>", range: cursor..<body.endIndex),
      let close = body.range(of: "</title>", range: open.upperBound..<body.endIndex)
    {
      let title = Self.unescaped(String(body[open.upperBound..<close.lowerBound]))
      let tagStart = body.range(of: "<", options: .backwards, range: cursor..<open.lowerBound)
      let tag = tagStart.map { body[$0.lowerBound..<open.lowerBound] } ?? ""
      guard let rect = body.range(of: "<rect", range: close.upperBound..<body.endIndex),
        let yStart = body.range(of: " y=\"", range: rect.upperBound..<body.endIndex),
        let yEnd = body.range(of: "\"", range: yStart.upperBound..<body.endIndex),
        let y = Double(body[yStart.upperBound..<yEnd.lowerBound])
      else { break }
      let fillStart = body.range(of: " fill=\"", range: yEnd.upperBound..<body.endIndex)
      let fillEnd = fillStart.flatMap {
        body.range(of: "\"", range: $0.upperBound..<body.endIndex)
      }
      let fill = fillEnd.map { String(body[fillStart!.upperBound..<$0.lowerBound]) } ?? ""
      rows.append((title, y, tag, fill))
      cursor = yEnd.upperBound
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
