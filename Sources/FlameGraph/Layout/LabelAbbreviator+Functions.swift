/// The rungs of a function's name in the languages whose profilers qualify
/// it: Rust, C++ (and Perl) `::` paths, Java with a file, Go and other
/// dotted paths.
extension LabelAbbreviator {
  /// The forms of the function name in `range` of `units`, longest first;
  /// none when it is in no known syntax.
  static func functionForms(_ units: [UInt16], _ range: Range<Int>) -> [[Range<Int>]] {
    guard range.count > 1 else { return [] }
    if let path = rustPathWithoutHash(units, range) {
      return [[path]] + (rustLegacyForms(units, path) ?? colonPathForms(units, path))
    }
    if let forms = rustLegacyForms(units, range) { return forms }
    if let forms = javaForms(units, range) { return forms }
    if contains(units, range, Unit.colon, Unit.colon) { return colonPathForms(units, range) }
    return dottedForms(units, range)
  }

  /// `path::h0123456789abcdef` → `path`: Rust's legacy symbol hash dropped.
  private static func rustPathWithoutHash(_ units: [UInt16], _ range: Range<Int>) -> Range<Int>? {
    let hashLength = 19  // "::h" and 16 hex digits
    guard range.count > hashLength + 1 else { return nil }
    let start = range.upperBound - hashLength
    guard units[start] == Unit.colon, units[start + 1] == Unit.colon,
      units[start + 2] == UInt16(UInt8(ascii: "h")),
      units[start + 3..<range.upperBound].allSatisfy(isHexDigit)
    else { return nil }
    return range.lowerBound..<start
  }

  /// `std::vector<int>::push_back(int const&)`: without argument lists and
  /// template arguments (and a return type or trailing qualifiers), then
  /// without one leading namespace after another.
  private static func colonPathForms(_ units: [UInt16], _ range: Range<Int>) -> [[Range<Int>]] {
    var kept = Array(range)
    var forms: [[Int]] = []
    // Operators (`operator<`, `operator()`) defeat the balancing.
    if !containsWord(units, range, "operator"), let stripped = withoutGroups(units, range) {
      kept = stripped
      if kept.count < range.count { forms.append(kept) }
    }
    // Components between `::`, outside any group left.
    var starts: [Int] = []  // positions in `kept` where a component starts
    var depth = 0
    var position = 0
    var componentStart = 0
    while position < kept.count {
      let unit = units[kept[position]]
      if unit == Unit.less || unit == Unit.openParenthesis { depth += 1 }
      if unit == Unit.greater || unit == Unit.closeParenthesis { depth = max(0, depth - 1) }
      // Rust's `f::{{closure}}` is part of `f`: no component starts with `{`.
      if depth == 0, unit == Unit.colon, position + 2 < kept.count,
        units[kept[position + 1]] == Unit.colon, units[kept[position + 2]] != Unit.openBrace
      {
        if position > componentStart { starts.append(componentStart) }
        componentStart = position + 2
        position += 2
        continue
      }
      position += 1
    }
    var result = forms.map(pieces)
    guard componentStart < kept.count, !starts.isEmpty else { return result }
    // Each shorter form is a suffix of the kept positions: cut from their
    // pieces rather than rebuilt position by position.
    let keptPieces = pieces(kept)
    for start in (starts.dropFirst() + [componentStart]).suffix(maximumComponentForms) {
      result.append(suffix(of: keptPieces, from: kept[start]))
    }
    return result
  }

  /// The part of `pieces` (ascending, disjoint) from the unit at `start`, one of theirs.
  private static func suffix(of pieces: [Range<Int>], from start: Int) -> [Range<Int>] {
    guard let first = pieces.firstIndex(where: { $0.upperBound > start }) else { return [] }
    var result = Array(pieces[first...])
    result[0] = max(start, result[0].lowerBound)..<result[0].upperBound
    return result
  }

  /// The positions of `range` outside `<...>` and `(...)` groups, with a
  /// return type before the path and qualifiers after its argument list
  /// (`const`, `[clone .cold]`) dropped; nil when the groups do not balance.
  private static func withoutGroups(_ units: [UInt16], _ range: Range<Int>) -> [Int]? {
    var kept: [Int] = []
    var depth = 0
    for index in range {
      let unit = units[index]
      if unit == Unit.less || unit == Unit.openParenthesis {
        depth += 1
      } else if unit == Unit.greater || unit == Unit.closeParenthesis {
        // `->` is an arrow, not a closing bracket.
        if unit == Unit.greater, index > range.lowerBound, units[index - 1] == Unit.minus {
          if depth == 0 { kept.append(index) }
          continue
        }
        depth -= 1
        if depth < 0 { return nil }
      } else if depth == 0 {
        kept.append(index)
      }
    }
    guard depth == 0 else { return nil }
    // The path is the run around its last `::` that has no space.
    var lastColons = -1
    for position in kept.indices.dropLast()
    where units[kept[position]] == Unit.colon && units[kept[position + 1]] == Unit.colon {
      lastColons = position
    }
    guard lastColons >= 0 else { return kept }
    var end = kept.count
    for position in lastColons..<kept.count where units[kept[position]] == Unit.space {
      end = position
      break
    }
    var start = 0
    for position in (0..<lastColons).reversed() where units[kept[position]] == Unit.space {
      start = position + 1
      break
    }
    // A path that started with a group (`(anonymous namespace)::f`,
    // `<T as Trait>::f`) starts with what follows it.
    while end - start >= 2, units[kept[start]] == Unit.colon, units[kept[start + 1]] == Unit.colon {
      start += 2
    }
    return Array(kept[start..<end])
  }

  /// `com.example.Bar.baz(Bar.java:12)`: `Bar.baz(Bar.java:12)`, `Bar.baz`, `baz`.
  private static func javaForms(_ units: [UInt16], _ range: Range<Int>) -> [[Range<Int>]]? {
    guard units[range.upperBound - 1] == Unit.closeParenthesis,
      let open = range.first(where: { units[$0] == Unit.openParenthesis }), open > range.lowerBound
    else { return nil }
    let inside = UTF16Text.string(units[open + 1..<range.upperBound - 1])
    let file = FrameNameSyntax.splitFileLine(inside)?.0 ?? inside
    guard
      FrameNameSyntax.looksLikeFileName(file) || inside == "Unknown Source"
        || inside == "Native Method"
    else { return nil }
    let qualified = range.lowerBound..<open
    guard !units[qualified].contains(Unit.space),
      let starts = dottedComponentStarts(units, qualified), starts.count >= 2
    else { return nil }
    let classStart = starts[starts.count - 2]
    var forms: [[Range<Int>]] = []
    if classStart > range.lowerBound { forms.append([classStart..<range.upperBound]) }
    forms.append([classStart..<open])
    forms.append([starts[starts.count - 1]..<open])
    return forms
  }

  /// `github.com/x/y.(*T).Method`: `y.(*T).Method`, `(*T).Method`,
  /// `Method`; a dotted path without slashes (`com.example.Bar.baz`,
  /// `runtime.mallocgc`) keeps its last two components, then its last.
  private static func dottedForms(_ units: [UInt16], _ range: Range<Int>) -> [[Range<Int>]] {
    guard !units[range].contains(Unit.space), units[range.lowerBound] != Unit.openBracket else {
      return []
    }
    let path = fileStart(units, range)..<range.upperBound
    guard path.count > 0, let starts = dottedComponentStarts(units, path), starts.count >= 2 else {
      return []
    }
    // `libfoo.so`, `app.js` are files, not functions.
    let last = units[starts[starts.count - 1]..<path.upperBound]
    guard
      !(UTF16Text.units(last, spell: "so") || UTF16Text.units(last, spell: "dll")
        || UTF16Text.units(last, spell: "dylib") || UTF16Text.units(last, spell: "exe"))
    else { return [] }
    if starts.count == 2 {
      let text = UTF16Text.string(units[path])
      let isFileName =
        !text.contains(where: { "(<[".contains($0) }) && SourceFileExtensions.isSourceFile(text)
      if isFileName { return [] }
    }
    var forms: [[Range<Int>]] = []
    if path.lowerBound > range.lowerBound { forms.append([path]) }
    if starts.count >= 3 {
      // Python's `outer.<locals>.inner` keeps the function it is local to.
      let isLocal = units[starts[starts.count - 2]..<starts[starts.count - 1] - 1]
        .elementsEqual("<locals>".utf16)
      let start = isLocal ? starts.count - 3 : starts.count - 2
      if start > 0 { forms.append([starts[start]..<path.upperBound]) }
    }
    forms.append([starts[starts.count - 1]..<path.upperBound])
    return forms
  }

  /// Where the components of `a.b.(*T).c` start (dots inside `()`, `[]`
  /// or `<>` do not split); nil unless every component is non-empty, none
  /// is only digits, and the last starts like a name.
  private static func dottedComponentStarts(_ units: [UInt16], _ range: Range<Int>) -> [Int]? {
    var starts = [range.lowerBound]
    var depth = 0
    for index in range {
      let unit = units[index]
      if unit == Unit.openParenthesis || unit == Unit.openBracket || unit == Unit.less {
        depth += 1
      } else if unit == Unit.closeParenthesis || unit == Unit.closeBracket || unit == Unit.greater {
        depth -= 1
      } else if unit == Unit.dot, depth == 0 {
        starts.append(index + 1)
      }
    }
    guard depth == 0 else { return nil }
    let ends = starts.dropFirst().map { $0 - 1 } + [range.upperBound]
    for (start, end) in zip(starts, ends) {
      guard end > start, !units[start..<end].allSatisfy(isDigit) else { return nil }
    }
    let first = units[starts[starts.count - 1]]
    guard
      first > 127 || isLetter(first) || first == UInt16(UInt8(ascii: "_"))
        || first == UInt16(UInt8(ascii: "$")) || first == Unit.less || first == Unit.openParenthesis
    else { return nil }
    return starts
  }

  /// Consecutive positions merged into ranges.
  private static func pieces(_ positions: [Int]) -> [Range<Int>] {
    var result: [Range<Int>] = []
    for position in positions {
      if let last = result.last, last.upperBound == position {
        result[result.count - 1] = last.lowerBound..<position + 1
      } else {
        result.append(position..<position + 1)
      }
    }
    return result
  }

  private static func contains(
    _ units: [UInt16], _ range: Range<Int>, _ first: UInt16, _ second: UInt16
  ) -> Bool {
    range.dropLast().contains { units[$0] == first && units[$0 + 1] == second }
  }

  private static func containsWord(_ units: [UInt16], _ range: Range<Int>, _ word: String) -> Bool {
    let target = Array(word.utf16)
    guard range.count >= target.count else { return false }
    return (range.lowerBound...range.upperBound - target.count).contains {
      units[$0..<$0 + target.count].elementsEqual(target)
    }
  }

  static func isDigit(_ unit: UInt16) -> Bool { unit >= 48 && unit <= 57 }
  private static func isLetter(_ unit: UInt16) -> Bool {
    (unit | 32) >= 97 && (unit | 32) <= 122
  }
  private static func isHexDigit(_ unit: UInt16) -> Bool {
    isDigit(unit) || (unit >= 97 && unit <= 102)
  }
}
