import Foundation

@testable import FlameGraph

/// The label abbreviator as first written, over arrays of positions and
/// slices: the reference that ``LabelAbbreviator`` (rewritten over
/// buffers) is compared with, on the names whose rules did not change
/// since (see `LabelAbbreviatorReferenceTests`).
enum ReferenceLabelAbbreviator {
  /// The longest name (in UTF-16 code units) that has a ladder: longer
  /// ones are only cut. It bounds the work per name, and lets a viewer
  /// write every offset into a name as one character.
  static let maximumLength = 50_000
  /// The most forms that drop leading path components (`a::b::c` has
  /// `b::c` and `c`): a name of thousands of components (a profile built to
  /// hurt) would otherwise cost their square in rungs; the forms kept are
  /// the shortest, those a label can use.
  static let maximumComponentForms = 64

  /// The ladder of `name`: its shorter forms, each with fewer characters
  /// than the one before.
  static func ladder(for name: String) -> LabelLadder {
    let units = Array(name.utf16)
    guard units.count > 1, units.count <= maximumLength else { return .empty }
    var rungs: [LabelRung] = []
    var longest = UTF16Text.characterCount(units)
    for form in forms(of: units, name: name) where !form.isEmpty {
      let rung = LabelRung(units: units, pieces: form)
      // Longest first, strictly: a rung no shorter than the one before
      // would never be the one that fits.
      guard rung.characterCount < longest, rung.characterCount > 0 else { continue }
      rungs.append(rung)
      longest = rung.characterCount
    }
    return LabelLadder(rungs: rungs)
  }

  /// The candidate forms, longest first, as pieces of `units`.
  static func forms(of units: [UInt16], name: String) -> [[Range<Int>]] {
    let all = 0..<units.count
    // The syntaxes' parsers walk the name's characters: they are tried
    // only on names that end as those syntaxes do.
    let last = units[units.count - 1]
    if last == Unit.closeParenthesis {
      if FrameNameSyntax.pySpy.parse(name) != nil {
        return pySpyForms(units, hasLine: true)
      }
      if FrameNameSyntax.pySpyWithoutLine.parse(name) != nil {
        return pySpyForms(units, hasLine: false)
      }
      if FrameNameSyntax.fil.parse(name) != nil { return filForms(units) }
    } else if last >= 48 && last <= 57, FrameNameSyntax.austin.parse(name) != nil {
      return austinForms(units)
    }
    if let forms = v8Forms(units, name: name) { return forms }
    return functionForms(units, all)
  }

  /// `func (dir/file.py:12)`: `func (file.py:12)`, `func (file.py)`, `func`.
  private static func pySpyForms(_ units: [UInt16], hasLine: Bool) -> [[Range<Int>]] {
    let count = units.count
    guard let open = openingParenthesis(units) else { return [] }
    let fileEnd =
      hasLine
      ? (lastIndex(of: Unit.colon, in: units, open + 1..<count - 1) ?? count - 1) : count - 1
    let base = fileStart(units, open + 1..<fileEnd)
    var forms: [[Range<Int>]] = []
    if base > open + 1 { forms.append([0..<open + 1, base..<count]) }
    if hasLine { forms.append([0..<open + 1, base..<fileEnd, count - 1..<count]) }
    let function = 0..<open - 1
    forms.append([function])
    return forms + functionForms(units, function)
  }

  /// `dir/file.py:12 (func)`: `file.py:12 (func)`, `func`.
  private static func filForms(_ units: [UInt16]) -> [[Range<Int>]] {
    let count = units.count
    guard let open = openingParenthesis(units) else { return [] }
    let base = fileStart(units, 0..<open - 1)
    var forms: [[Range<Int>]] = []
    if base > 0 { forms.append([base..<count]) }
    let function = open + 1..<count - 1
    forms.append([function])
    return forms + functionForms(units, function)
  }

  /// `dir/file.py:func:12`: `file.py:func:12`, `func`.
  private static func austinForms(_ units: [UInt16]) -> [[Range<Int>]] {
    let count = units.count
    guard let lineColon = lastIndex(of: Unit.colon, in: units, 0..<count),
      let functionColon = lastIndex(of: Unit.colon, in: units, 0..<lineColon)
    else { return [] }
    let base = fileStart(units, 0..<functionColon)
    var forms: [[Range<Int>]] = []
    if base > 0 { forms.append([base..<count]) }
    let function = functionColon + 1..<lineColon
    forms.append([function])
    return forms + functionForms(units, function)
  }

  /// The `(` that opens the group a name ends with, by balancing from the end.
  static func openingParenthesis(_ units: [UInt16]) -> Int? {
    var depth = 0
    var index = units.count
    while index > 0 {
      index -= 1
      if units[index] == Unit.closeParenthesis { depth += 1 }
      if units[index] == Unit.openParenthesis {
        depth -= 1
        if depth == 0 { return index >= 2 ? index : nil }
      }
    }
    return nil
  }

  /// Where the file's name starts in a path: after its last slash or backslash.
  static func fileStart(_ units: [UInt16], _ range: Range<Int>) -> Int {
    var index = range.upperBound
    while index > range.lowerBound {
      let unit = units[index - 1]
      if unit == Unit.slash || unit == Unit.backslash { return index }
      index -= 1
    }
    return range.lowerBound
  }

  static func lastIndex(of unit: UInt16, in units: [UInt16], _ range: Range<Int>) -> Int? {
    range.reversed().first { units[$0] == unit }
  }
}

/// The rungs of a function's name in the languages whose profilers qualify
/// it: Rust, C++ (and Perl) `::` paths, Java with a file, Go and other
/// dotted paths.
extension ReferenceLabelAbbreviator {
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

/// The rungs of names that profilers leave half decoded: Rust's legacy
/// symbols as perf prints them (`_$LT$std..io..BufReader$LT$R$GT$$GT$::new`,
/// `f::_$u7b$$u7b$closure$u7d$$u7d$`) and V8's code names in perf maps
/// (`LazyCompile:*parse /app/lib/parser.js:12`).
///
/// Rungs only delete characters, so an escape such as `$LT$` cannot become
/// `<`: the rungs keep the words around escapes and drop the escapes
/// (`BufReader::new`, `set_logger::closure`).
extension ReferenceLabelAbbreviator {
  /// One piece of a legacy Rust path: an escape read as the character it
  /// stands for, a separator (`::` or `..`), or a plain character.
  private struct RustToken {
    enum Kind: Equatable {
      case open, close, openBrace, closeBrace, space, separator, other
      case character(UInt16)
    }
    var kind: Kind
    var range: Range<Int>
  }

  /// The escapes of Rust's legacy mangling that rungs need to understand.
  private static let rustEscapes: [String: RustToken.Kind] = [
    "LT": .open, "GT": .close, "u7b": .openBrace, "u7d": .closeBrace, "u20": .space,
    "LP": .open, "RP": .close,
  ]

  /// `_$LT$std..io..BufReader$LT$R$GT$$GT$::new`: `BufReader::new`, `new`;
  /// `log::set_logger::_$u7b$$u7b$closure$u7d$$u7d$`: `log::set_logger::closure`,
  /// `set_logger::closure`. Nil when the path has no legacy escape.
  static func rustLegacyForms(_ units: [UInt16], _ path: Range<Int>) -> [[Range<Int>]]? {
    guard let tokens = rustTokens(units, path) else { return nil }
    // Top-level components between `::`, with the separator before each.
    var components: [(separator: Range<Int>?, tokens: ArraySlice<RustToken>)] = []
    var depth = 0
    var start = 0
    var separator: Range<Int>? = nil
    for (index, token) in tokens.enumerated() {
      switch token.kind {
      case .open: depth += 1
      case .close: depth -= 1
      case .separator where depth == 0:
        components.append((separator, tokens[start..<index]))
        separator = token.range
        start = index + 1
      default: break
      }
      if depth < 0 { return nil }
    }
    guard depth == 0 else { return nil }
    components.append((separator, tokens[start...]))
    let cleaned = components.map { (separator: $0.separator, kept: keptRanges(of: $0.tokens)) }
    guard cleaned.allSatisfy({ !$0.kept.isEmpty }) else { return nil }
    var forms: [[Range<Int>]] = []
    for first in cleaned.indices.suffix(maximumComponentForms)
    where !isClosure(components[first].tokens) {
      var form = cleaned[first].kept
      for next in cleaned.indices.dropFirst(first + 1) {
        form += [cleaned[next].separator!] + cleaned[next].kept
      }
      forms.append(form)
    }
    return forms
  }

  /// The tokens of a path with a legacy escape; nil when it has none.
  private static func rustTokens(_ units: [UInt16], _ path: Range<Int>) -> [RustToken]? {
    let dollar = UInt16(UInt8(ascii: "$"))
    guard units[path].contains(dollar) else { return nil }
    var tokens: [RustToken] = []
    var hasEscape = false
    var index = path.lowerBound
    while index < path.upperBound {
      let unit = units[index]
      // An escape is 1 to 4 letters or digits between dollars; a dollar
      // too near the end of the path starts none.
      let limit = max(index + 2, min(index + 6, path.upperBound))
      if unit == dollar,
        let end = (index + 2..<limit).first(where: { units[$0] == dollar })
      {
        let escape = UTF16Text.string(units[index + 1..<end])
        if escape.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
          tokens.append(RustToken(kind: rustEscapes[escape] ?? .other, range: index..<end + 1))
          hasEscape = true
          index = end + 1
          continue
        }
      }
      if unit == Unit.dot || unit == Unit.colon, index + 1 < path.upperBound,
        units[index + 1] == unit
      {
        tokens.append(RustToken(kind: .separator, range: index..<index + 2))
        index += 2
        continue
      }
      tokens.append(RustToken(kind: .character(unit), range: index..<index + 1))
      index += 1
    }
    return hasEscape ? tokens : nil
  }

  /// Whether a component is `{{closure}}` (with its `_` prefix).
  private static func isClosure(_ tokens: ArraySlice<RustToken>) -> Bool {
    tokens.contains { $0.kind == .openBrace }
  }

  /// What a component keeps: `<Type as Trait>` and `<Type>` keep the type's
  /// last path component; generic arguments, braces, escapes and the `_`
  /// that the mangling puts before a leading escape are dropped.
  private static func keptRanges(of tokens: ArraySlice<RustToken>) -> [Range<Int>] {
    var body = tokens
    // `_` before a leading escape is the mangling's, not the name's.
    if body.count > 1, body.first?.kind == .character(UInt16(UInt8(ascii: "_"))) {
      switch body[body.startIndex + 1].kind {
      case .character, .separator: break
      default: body = body.dropFirst()
      }
    }
    if body.first?.kind == .open, body.last?.kind == .close {
      var inner = body.dropFirst().dropLast()
      // `Type as Trait`: the type, up to the first space outside generics.
      if let space = firstTopLevel(in: inner, where: { $0 == .space }) {
        inner = inner[..<space]
      }
      // The type's last path component.
      while let separator = firstTopLevel(in: inner, where: { $0 == .separator }) {
        inner = inner[(separator + 1)...]
      }
      body = inner
    }
    var kept: [Range<Int>] = []
    var depth = 0
    for token in body {
      switch token.kind {
      case .open: depth += 1
      case .close: depth -= 1
      case .character where depth == 0:
        if let last = kept.last, last.upperBound == token.range.lowerBound {
          kept[kept.count - 1] = last.lowerBound..<token.range.upperBound
        } else {
          kept.append(token.range)
        }
      default: break
      }
    }
    return kept
  }

  /// The index of the first token of `kind` outside generic arguments.
  private static func firstTopLevel(
    in tokens: ArraySlice<RustToken>, where matches: (RustToken.Kind) -> Bool
  ) -> Int? {
    var depth = 0
    for index in tokens.indices {
      switch tokens[index].kind {
      case .open: depth += 1
      case .close: depth -= 1
      case let kind where depth == 0 && matches(kind): return index
      default: break
      }
    }
    return nil
  }

  /// The kinds of code V8 names in perf maps and `--prof` logs.
  private static let v8CodeKinds: Set<String> = [
    "LazyCompile", "Function", "Script", "InterpretedFunction", "Builtin", "BytecodeHandler",
    "Handler", "Stub", "Eval", "JS",
  ]

  /// `LazyCompile:*parse /app/lib/parser.js:12`: `parse parser.js:12`,
  /// `parse parser.js`, `parse`, then the function's own rungs; nil for
  /// other names.
  static func v8Forms(_ units: [UInt16], name: String) -> [[Range<Int>]]? {
    // Kinds are capitalized words of at most 19 letters.
    guard let first = units.first, first >= 65 && first <= 90,
      let kindEnd = units.prefix(20).firstIndex(of: Unit.colon), kindEnd > 0,
      v8CodeKinds.contains(UTF16Text.string(units[..<kindEnd]))
    else { return nil }
    var functionStart = kindEnd + 1
    if functionStart < units.count,
      units[functionStart] == UInt16(UInt8(ascii: "*"))
        || units[functionStart] == UInt16(UInt8(ascii: "~"))
    {
      functionStart += 1
    }
    guard let space = units[functionStart...].firstIndex(of: Unit.space),
      space > functionStart, space + 1 < units.count
    else { return nil }
    let location = space + 1..<units.count
    let lineColon = lastIndex(of: Unit.colon, in: units, location)
    let pathEnd =
      lineColon.flatMap { colon in
        colon + 1 < units.count && units[colon + 1..<units.count].allSatisfy(isDigit)
          ? colon : nil
      } ?? units.count
    let file = fileStart(units, location.lowerBound..<pathEnd)
    guard
      FrameNameSyntax.looksLikeFileName(UTF16Text.string(units[file..<pathEnd]))
    else { return nil }
    let function = functionStart..<space
    var forms: [[Range<Int>]] = [[function.lowerBound..<space + 1, file..<units.count]]
    if pathEnd < units.count { forms.append([function.lowerBound..<space + 1, file..<pathEnd]) }
    forms.append([function])
    return forms + functionForms(units, function)
  }
}
