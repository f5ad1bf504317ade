/// The rungs of names that profilers leave half decoded: Rust's legacy
/// symbols as perf prints them (`_$LT$std..io..BufReader$LT$R$GT$$GT$::new`,
/// `f::_$u7b$$u7b$closure$u7d$$u7d$`) and V8's code names in perf maps
/// (`LazyCompile:*parse /app/lib/parser.js:12`).
///
/// Rungs only delete characters, so an escape such as `$LT$` cannot become
/// `<`: the rungs keep the words around escapes and drop the escapes
/// (`BufReader::new`, `set_logger::closure`).
extension LabelAbbreviator {
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

  /// The escapes of Rust's legacy mangling, with the kinds that rungs need
  /// to understand (the others, `$RF$` for `&`, `$BP$` for `*`, `$C$` for
  /// `,`, `$SP$` for `@`, are dropped like `$u27$` and the other `$u…$`).
  private static let rustEscapes: [(name: StaticString, kind: RustToken.Kind)] = [
    ("LT", .open), ("GT", .close), ("LP", .open), ("RP", .close), ("RF", .other),
    ("BP", .other), ("C", .other), ("SP", .other),
  ]

  /// The kind of the escape between the dollars at `start` and `end`; nil
  /// when it is none of Rust's: `$LT$` and the others above, or `$u`, 1
  /// to 6 lowercase hex digits and `$` (`$u7b$`, `$u20$`).
  private static func rustEscape(_ units: Units, _ start: Int, _ end: Int) -> RustToken.Kind? {
    let word = units[start + 1..<end]
    for escape in rustEscapes where UTF16Text.units(word, spell: escape.name) {
      return escape.kind
    }
    guard word.count >= 2, word.count <= 7, word.first == UInt16(UInt8(ascii: "u")),
      word.dropFirst().allSatisfy(isHexDigit)
    else { return nil }
    if UTF16Text.units(word, spell: "u7b") { return .openBrace }
    if UTF16Text.units(word, spell: "u7d") { return .closeBrace }
    if UTF16Text.units(word, spell: "u20") { return .space }
    return .other
  }

  /// `_$LT$std..io..BufReader$LT$R$GT$$GT$::new`: `BufReader::new`, `new`;
  /// `log::set_logger::_$u7b$$u7b$closure$u7d$$u7d$`: `log::set_logger::closure`,
  /// `set_logger::closure`. Nil when the path has no legacy escape.
  static func rustLegacyForms(_ units: Units, _ path: Range<Int>) -> [[Range<Int>]]? {
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

  /// The tokens of a path that reads as a legacy Rust symbol: one escape
  /// at least, every dollar part of one, and a `::` or `..` path, so that
  /// the dollars of Java's `Bar.lambda$main$0` or Scala's
  /// `Function1$class.apply$mcII$sp` are left alone. Nil for other paths.
  private static func rustTokens(_ units: Units, _ path: Range<Int>) -> [RustToken]? {
    var dollar = path.lowerBound
    while dollar < path.upperBound, units[dollar] != Unit.dollar { dollar += 1 }
    guard dollar < path.upperBound else { return nil }
    var tokens: [RustToken] = []
    var hasSeparator = false
    var index = path.lowerBound
    while index < path.upperBound {
      let unit = units[index]
      if unit == Unit.dollar {
        // An escape is at most `$u` and 6 hex digits and `$`.
        let limit = min(index + 9, path.upperBound)
        guard
          let end = (index + 2..<max(index + 2, limit)).first(where: { units[$0] == Unit.dollar }),
          let kind = rustEscape(units, index, end)
        else { return nil }
        tokens.append(RustToken(kind: kind, range: index..<end + 1))
        index = end + 1
        continue
      }
      if unit == Unit.dot || unit == Unit.colon, index + 1 < path.upperBound,
        units[index + 1] == unit
      {
        tokens.append(RustToken(kind: .separator, range: index..<index + 2))
        hasSeparator = true
        index += 2
        continue
      }
      tokens.append(RustToken(kind: .character(unit), range: index..<index + 1))
      index += 1
    }
    return hasSeparator ? tokens : nil
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
      // `Type as Trait`: the type, before the ` as ` outside generics.
      if let space = firstTopLevelAs(in: inner) { inner = inner[..<space] }
      // `&'a mut I`: the type is the last word.
      while let space = firstTopLevel(in: inner, where: { $0 == .space }) {
        inner = inner[(space + 1)...]
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

  /// The index of the space that starts the first ` as ` outside generic arguments.
  private static func firstTopLevelAs(in tokens: ArraySlice<RustToken>) -> Int? {
    let a = RustToken.Kind.character(UInt16(UInt8(ascii: "a")))
    let s = RustToken.Kind.character(UInt16(UInt8(ascii: "s")))
    var depth = 0
    for index in tokens.indices {
      switch tokens[index].kind {
      case .open: depth += 1
      case .close: depth -= 1
      case .space where depth == 0 && index + 3 < tokens.endIndex:
        if tokens[index + 1].kind == a, tokens[index + 2].kind == s,
          tokens[index + 3].kind == .space
        {
          return index
        }
      default: break
      }
    }
    return nil
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
  static func v8Forms(_ units: Units, name: String) -> [[Range<Int>]]? {
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
