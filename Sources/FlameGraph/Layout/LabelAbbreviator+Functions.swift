/// The rungs of a function's name in the languages whose profilers qualify
/// it: Rust, C++ (and Perl) `::` paths, Java with a file, Go and other
/// dotted paths, and C functions that GCC cloned.
extension LabelAbbreviator {
  /// The forms of the function name in `range` of `units`, longest first;
  /// none when it is in no known syntax.
  static func functionForms(_ units: Units, _ range: Range<Int>) -> [[Range<Int>]] {
    guard range.count > 1 else { return [] }
    if let base = withoutCloneSuffixes(units, range) {
      return [[base]] + functionForms(units, base)
    }
    if let path = rustPathWithoutHash(units, range) {
      if let forms = rustLegacyForms(units, path) { return [[path]] + forms }
      return colonPathForms(units, path, after: [path])
    }
    if let forms = rustLegacyForms(units, range) { return forms }
    if let forms = javaForms(units, range) { return forms }
    if contains(units, range, Unit.colon, Unit.colon) || containsOperator(units, range) {
      return colonPathForms(units, range)
    }
    return dottedForms(units, range)
  }

  /// `path::h0123456789abcdef` → `path`: Rust's legacy symbol hash dropped,
  /// `::h` and 16 hex digits as rustc writes it, or 5 to 15 of them with a
  /// decimal digit among them (`::h1a2b3c`, as shortened by hand).
  private static func rustPathWithoutHash(_ units: Units, _ range: Range<Int>) -> Range<Int>? {
    var start = range.upperBound
    var hasDecimalDigit = false
    while start > range.lowerBound, isHexDigit(units[start - 1]) {
      start -= 1
      if isDigit(units[start]) { hasDecimalDigit = true }
    }
    let digits = range.upperBound - start
    guard digits == 16 || (digits >= 5 && digits < 16 && hasDecimalDigit),
      // `::h` after a path of two units at least.
      start - range.lowerBound >= 5, units[start - 1] == UInt16(UInt8(ascii: "h")),
      units[start - 2] == Unit.colon, units[start - 3] == Unit.colon
    else { return nil }
    return range.lowerBound..<start - 3
  }

  /// The suffixes GCC (and LLVM) give a function they cloned, split or
  /// made local: `.isra.N`, `.constprop.N`, `.part.N`, `.lto_priv.N`,
  /// `.llvm.N`, `.clone.N`, `.cold` (or `.cold.N`), `.localalias`.
  private enum CloneSuffix {
    case numbered, cold, bare

    init?(_ word: Slice<Units>) {
      if UTF16Text.units(word, spell: "isra") || UTF16Text.units(word, spell: "constprop")
        || UTF16Text.units(word, spell: "part") || UTF16Text.units(word, spell: "lto_priv")
        || UTF16Text.units(word, spell: "llvm") || UTF16Text.units(word, spell: "clone")
      {
        self = .numbered
      } else if UTF16Text.units(word, spell: "cold") {
        self = .cold
      } else if UTF16Text.units(word, spell: "localalias") {
        self = .bare
      } else {
        return nil
      }
    }
  }

  /// `do_sock_write.isra.10` → `do_sock_write`, `f.constprop.0.isra.0` →
  /// `f`: the function without the clone suffixes it ends with. A lone
  /// `.cold` counts only after a name with an underscore and no dot
  /// (`tcp_v4_rcv.cold`), so that Go's `main.cold` keeps its function.
  private static func withoutCloneSuffixes(_ units: Units, _ range: Range<Int>) -> Range<Int>? {
    var end = range.upperBound
    var suffixes = 0
    var onlyBareCold = false
    while end > range.lowerBound {
      var wordEnd = end
      var digits = end
      while digits > range.lowerBound, isDigit(units[digits - 1]) { digits -= 1 }
      let hasNumber = digits < end && digits > range.lowerBound && units[digits - 1] == Unit.dot
      if hasNumber { wordEnd = digits - 1 }
      var wordStart = wordEnd
      while wordStart > range.lowerBound,
        isLetter(units[wordStart - 1]) || units[wordStart - 1] == Unit.underscore
      {
        wordStart -= 1
      }
      // A suffix follows a dot, after a non-empty name.
      guard wordStart < wordEnd, wordStart - 1 > range.lowerBound,
        units[wordStart - 1] == Unit.dot, let suffix = CloneSuffix(units[wordStart..<wordEnd])
      else { break }
      if suffix == .numbered && !hasNumber || suffix == .bare && hasNumber { break }
      onlyBareCold = suffixes == 0 && suffix == .cold && !hasNumber
      suffixes += 1
      end = wordStart - 1
    }
    guard suffixes > 0 else { return nil }
    let base = range.lowerBound..<end
    if onlyBareCold {
      guard units[base].contains(Unit.underscore), !units[base].contains(Unit.dot) else {
        return nil
      }
    }
    return base
  }

  /// `com.example.Bar.baz(Bar.java:12)`: `Bar.baz(Bar.java:12)`, `Bar.baz`, `baz`.
  private static func javaForms(_ units: Units, _ range: Range<Int>) -> [[Range<Int>]]? {
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
  private static func dottedForms(_ units: Units, _ range: Range<Int>) -> [[Range<Int>]] {
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
    if starts.count == 2, isSourceFileName(units[path]) { return [] }
    var forms: [[Range<Int>]] = []
    if path.lowerBound > range.lowerBound { forms.append([path]) }
    if starts.count >= 3 {
      // Python's `outer.<locals>.inner` keeps the function it is local to.
      let isLocal = UTF16Text.units(
        units[starts[starts.count - 2]..<starts[starts.count - 1] - 1], spell: "<locals>")
      let start = isLocal ? starts.count - 3 : starts.count - 2
      if start > 0 { forms.append([starts[start]..<path.upperBound]) }
    }
    forms.append([starts[starts.count - 1]..<path.upperBound])
    return forms
  }

  /// Whether `units` spell a source file's name (`app.py`) with no `(`,
  /// `<` or `[`; the units of ASCII are looked at before any string is made.
  private static func isSourceFileName(_ units: Slice<Units>) -> Bool {
    let isBracket = { (unit: UInt16) in
      unit == Unit.openParenthesis || unit == Unit.less || unit == Unit.openBracket
    }
    if units.allSatisfy({ $0 < 0x80 }) {
      guard !units.contains(where: isBracket) else { return false }
      return SourceFileExtensions.isSourceFile(UTF16Text.string(units))
    }
    let text = UTF16Text.string(units)
    return !text.contains(where: { "(<[".contains($0) }) && SourceFileExtensions.isSourceFile(text)
  }

  /// Where the components of `a.b.(*T).c` start (dots inside `()`, `[]`
  /// or `<>` do not split); nil unless every component is non-empty, none
  /// is only digits, and the last starts like a name.
  private static func dottedComponentStarts(_ units: Units, _ range: Range<Int>) -> [Int]? {
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
    for (index, start) in starts.enumerated() {
      let end = index + 1 < starts.count ? starts[index + 1] - 1 : range.upperBound
      guard end > start, !units[start..<end].allSatisfy(isDigit) else { return nil }
    }
    let first = units[starts[starts.count - 1]]
    guard
      first > 127 || isLetter(first) || first == UInt16(UInt8(ascii: "_"))
        || first == UInt16(UInt8(ascii: "$")) || first == Unit.less || first == Unit.openParenthesis
    else { return nil }
    return starts
  }

  /// Whether `first` followed by `second` is in `range`.
  private static func contains(
    _ units: Units, _ range: Range<Int>, _ first: UInt16, _ second: UInt16
  ) -> Bool {
    var index = range.lowerBound
    while index + 1 < range.upperBound {
      if units[index] == first && units[index + 1] == second { return true }
      index += 1
    }
    return false
  }

  static func isDigit(_ unit: UInt16) -> Bool { unit >= 48 && unit <= 57 }
  static func isLetter(_ unit: UInt16) -> Bool {
    (unit | 32) >= 97 && (unit | 32) <= 122
  }
  static func isHexDigit(_ unit: UInt16) -> Bool {
    isDigit(unit) || (unit >= 97 && unit <= 102)
  }
}
