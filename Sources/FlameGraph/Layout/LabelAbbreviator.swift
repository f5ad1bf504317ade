/// Works out the shorter forms of a frame name (its ``LabelLadder``), so
/// that a narrow frame shows its function rather than the end of a path.
///
/// Each frame-name syntax has its own ladder, longest first; a label cuts
/// (with an ellipsis) only the last rung, or the whole name when there is
/// no rung:
///
/// | syntax | rungs |
/// |---|---|
/// | py-spy `func (dir/file.py:12)` | `func (file.py:12)`, `func (file.py)`, `func` |
/// | Fil `dir/file.py:12 (func)` | `file.py:12 (func)`, `func` |
/// | austin `dir/file.py:func:12` | `file.py:func:12`, `func` |
/// | Java `com.x.Bar.baz(Bar.java:12)` | `Bar.baz(Bar.java:12)`, `Bar.baz`, `baz` |
/// | JVM `com.x.Bar.lambda$main$0` | `Bar.lambda$main$0`, `lambda$main$0` |
/// | C++ `std::vector<int>::push_back(int const&)` | `std::vector::push_back`, `vector::push_back`, `push_back` |
/// | C++ operator `std::map<K, V>::operator[](K const&)` | `std::map::operator[]`, `map::operator[]`, `operator[]` |
/// | C++ lambda `main::{lambda(int)#1}::operator()(int) const` | `main::{lambda(int)#1}::operator()`, `{lambda(int)#1}::operator()` |
/// | Rust `core::ptr::drop_in_place<T>::h0123456789abcdef` | without the hash, without generics, then without modules |
/// | Go `github.com/x/y.(*T).Method` | `y.(*T).Method`, `(*T).Method`, `Method` |
/// | legacy Rust `_$LT$std..io..BufReader$LT$R$GT$$GT$::new::h…` | without the hash, `BufReader::new`, `new` |
/// | legacy Rust `_$LT$$RF$$u27$a$u20$mut$u20$I$u20$as$u20$…Iterator$GT$::next` | `I::next`, `next` |
/// | GCC clone `do_sock_write.isra.10`, `f.constprop.0.isra.0` | `do_sock_write`, `f`, then the function's own rungs |
/// | V8 `LazyCompile:*parse /app/parser.js:12` | `parse parser.js:12`, `parse parser.js`, `parse` |
///
/// The function of py-spy, Fil, austin (and pprof's `func (file.go:12)`)
/// names then continues with its own language's rungs. Names of no known
/// syntax have no rungs. The details of the rules:
///
/// - A Rust hash is a last component `::h` and 16 lowercase hex digits
///   (rustc's), or 5 to 15 of them with a decimal digit among them
///   (`::h1a2b3c`). A function so named (`codec::h264dec` without its
///   argument list) loses its name in the shorter forms; one without a
///   decimal digit (`hdeadbeef`) keeps it.
/// - Only names that read as legacy Rust symbols are decoded: a `::` or
///   `..` path whose every `$` is part of one of the escapes `$LT$`,
///   `$GT$`, `$LP$`, `$RP$`, `$RF$`, `$BP$`, `$C$`, `$SP$` or `$u`, hex
///   digits and `$`. Other dollars are the name's own (Java's, Scala's).
///   Of `<Type as Trait>`, a rung keeps the type's last word and last path
///   component (`&'a mut I` gives `I`).
/// - C++ operators are kept whole (`operator()`, `operator<<`,
///   `operator new[]`, `operator std::string`), as are `{...}` groups
///   such as `{lambda(int)#1}`; a `{...}` component belongs to the one
///   before (Rust's `f::{{closure}}`), except a C++ lambda's, which takes
///   the one after. The qualifiers of a function the path goes through
///   (`draw() const::{lambda()#1}`) go with its argument list.
/// - GCC's clone suffixes `.isra.N`, `.constprop.N`, `.part.N`,
///   `.lto_priv.N`, `.clone.N`, LLVM's `.llvm.N`, `.cold` (or `.cold.N`)
///   and `.localalias`, one or several, are dropped. A lone `.cold` counts
///   only after a name with an underscore and no dot (`tcp_v4_rcv.cold`),
///   so that Go's `main.cold` and Python's `Weather.cold` keep their
///   function.
///
/// ```swift
/// LabelAbbreviator.ladder(for: "github.com/x/y.(*T).Method").rungs.map(\.text)
/// // ["y.(*T).Method", "(*T).Method", "Method"]
/// ```
public enum LabelAbbreviator {
  /// The longest name (in UTF-16 code units) that has a ladder: longer
  /// ones are only cut. It bounds the work per name, and lets a viewer
  /// write every offset into a name as one character.
  public static let maximumLength = 50_000
  /// The most forms that drop leading path components (`a::b::c` has
  /// `b::c` and `c`): a name of thousands of components (a profile built to
  /// hurt) would otherwise cost their square in rungs; the forms kept are
  /// the shortest, those a label can use.
  static let maximumComponentForms = 64

  /// A name's UTF-16 code units, as the rules read them.
  typealias Units = UnsafeBufferPointer<UInt16>

  /// The ladder of `name`: its shorter forms, each with fewer characters
  /// than the one before.
  public static func ladder(for name: String) -> LabelLadder {
    NameUnits.withUnits(of: name) { buffer in
      guard buffer.count > 1, buffer.count <= maximumLength else { return .empty }
      // Invariant: `buffer` lives for this closure only; forms are ranges
      // of offsets into it, never pointers, and rungs copy their text out.
      let text = NameUnits(buffer)
      let forms = forms(of: buffer, name: name, isASCII: text.isASCII)
      var rungs: [LabelRung] = []
      rungs.reserveCapacity(forms.count)
      var longest = text.characterCount
      for form in forms where !form.isEmpty {
        // Longest first, strictly: a rung no shorter than the one before
        // would never be the one that fits.
        let count = text.characterCount(of: form)
        guard count < longest, count > 0 else { continue }
        rungs.append(LabelRung(text: text.string(of: form), pieces: form, characterCount: count))
        longest = count
      }
      return LabelLadder(rungs: rungs)
    }
  }

  /// The candidate forms, longest first, as pieces of `units`.
  static func forms(of units: Units, name: String, isASCII: Bool) -> [[Range<Int>]] {
    let all = 0..<units.count
    // The syntaxes' parsers walk the name's characters: they are tried
    // only on names that end as those syntaxes do.
    let last = units[units.count - 1]
    if last == Unit.closeParenthesis, !isASCII || endsWithSpacedGroup(units) {
      if isASCII ? readsAsPySpy(units) : FrameNameSyntax.pySpy.parse(name) != nil {
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

  /// Whether the group a name ends with, `(...)`, follows a space: what
  /// py-spy's and Fil's syntaxes need (``FrameNameSyntax``'s parsers split
  /// the same way over characters, which are the code units of ASCII).
  private static func endsWithSpacedGroup(_ units: Units) -> Bool {
    guard let open = openingParenthesis(units) else { return false }
    return units[open - 1] == Unit.space
  }

  /// Whether an ASCII name reads as py-spy's `func (file:12)`, as
  /// ``FrameNameSyntax/pySpy`` reads it over characters (which are the
  /// units of ASCII, CR LF aside, which neither rule looks at) without
  /// making strings of its parts.
  static func readsAsPySpy(_ units: Units) -> Bool {
    guard let open = openingParenthesis(units), units[open - 1] == Unit.space,
      open + 1 < units.count - 1
    else { return false }
    return splitsAsFileLine(units, open + 1..<units.count - 1)
  }

  /// Whether ``FrameNameSyntax/splitFileLine(_:)`` splits the ASCII text of
  /// `range` into a file and a line: digits after its last colon, after a
  /// file that is not only digits and has no space (unless it is `<...>`).
  private static func splitsAsFileLine(_ units: Units, _ range: Range<Int>) -> Bool {
    guard let lastUnit = range.last.map({ units[$0] }), isDigit(lastUnit),
      let colon = lastIndex(of: Unit.colon, in: units, range), colon > range.lowerBound,
      range.upperBound - (colon + 1) <= 9,
      (colon + 1..<range.upperBound).allSatisfy({ isDigit(units[$0]) })
    else { return false }
    let file = range.lowerBound..<colon
    guard !file.contains(where: { units[$0] == Unit.space }) || units[file.lowerBound] == Unit.less
    else { return false }
    return !file.allSatisfy { isDigit(units[$0]) }
  }

  /// `func (dir/file.py:12)`: `func (file.py:12)`, `func (file.py)`, `func`.
  private static func pySpyForms(_ units: Units, hasLine: Bool) -> [[Range<Int>]] {
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
  private static func filForms(_ units: Units) -> [[Range<Int>]] {
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
  private static func austinForms(_ units: Units) -> [[Range<Int>]] {
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
  static func openingParenthesis(_ units: Units) -> Int? {
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
  static func fileStart(_ units: Units, _ range: Range<Int>) -> Int {
    var index = range.upperBound
    while index > range.lowerBound {
      let unit = units[index - 1]
      if unit == Unit.slash || unit == Unit.backslash { return index }
      index -= 1
    }
    return range.lowerBound
  }

  static func lastIndex(of unit: UInt16, in units: Units, _ range: Range<Int>) -> Int? {
    range.reversed().first { units[$0] == unit }
  }
}

/// The ASCII code units the abbreviator looks for.
enum Unit {
  static let space = UInt16(UInt8(ascii: " "))
  static let colon = UInt16(UInt8(ascii: ":"))
  static let dot = UInt16(UInt8(ascii: "."))
  static let slash = UInt16(UInt8(ascii: "/"))
  static let backslash = UInt16(UInt8(ascii: "\\"))
  static let openParenthesis = UInt16(UInt8(ascii: "("))
  static let closeParenthesis = UInt16(UInt8(ascii: ")"))
  static let less = UInt16(UInt8(ascii: "<"))
  static let greater = UInt16(UInt8(ascii: ">"))
  static let openBracket = UInt16(UInt8(ascii: "["))
  static let closeBracket = UInt16(UInt8(ascii: "]"))
  static let minus = UInt16(UInt8(ascii: "-"))
  static let openBrace = UInt16(UInt8(ascii: "{"))
  static let closeBrace = UInt16(UInt8(ascii: "}"))
  static let dollar = UInt16(UInt8(ascii: "$"))
  static let underscore = UInt16(UInt8(ascii: "_"))
  static let quote = UInt16(UInt8(ascii: "\""))
}
