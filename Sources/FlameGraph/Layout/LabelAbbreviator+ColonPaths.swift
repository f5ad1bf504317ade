/// The rungs of `::` paths: C++'s (`std::vector<int>::push_back(int const&)`,
/// `std::map<K, V>::operator[](K const&)`, `main::{lambda(int)#1}::operator()`),
/// Rust's (`core::ptr::drop_in_place<T>`, `f::{{closure}}`) and Perl's.
///
/// The work is a few passes over the name's code units, with the units
/// kept (outside `<...>` and `(...)` groups) written into scratch buffers
/// rather than arrays grown unit by unit.
extension LabelAbbreviator {
  /// What the passes after the first see of a kept unit that is inside an
  /// operator or a `{...}` group: a letter, so that its brackets, colons
  /// and spaces neither open groups, split components nor end the path.
  private static let opaqueUnit = UInt16(UInt8(ascii: "a"))

  /// `std::vector<int>::push_back(int const&)`: without argument lists and
  /// template arguments (and a return type or trailing qualifiers), then
  /// without one leading namespace after another. A component that starts
  /// with `{` belongs to the one before (Rust's `f::{{closure}}`), except a
  /// C++ lambda's, which takes the one after (`{lambda(int)#1}::operator()`).
  /// `leading`, when given, comes first (a Rust path's form with its hash).
  static func colonPathForms(
    _ units: Units, _ range: Range<Int>, after leading: [Range<Int>]? = nil
  ) -> [[Range<Int>]] {
    withUnsafeTemporaryAllocation(of: Int.self, capacity: range.count) { positions in
      withUnsafeTemporaryAllocation(of: UInt16.self, capacity: range.count) { seen in
        // Invariant: both buffers have room for every unit of `range`;
        // the first `count` entries are written before they are read.
        var kept = KeptUnits(positions: positions, seen: seen, count: 0)
        var window = 0..<0
        var isStripped = false
        if let path = withoutGroups(units, range, into: &kept) {
          window = path
          isStripped = path.count < range.count
        } else {
          kept.count = 0
          keepAll(units, range, into: &kept)
          window = 0..<kept.count
        }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: window.count / 2 + 2) {
          starts in
          // Invariant: a component starts at least two units (a `::`)
          // after the one before, so `window.count / 2 + 2` starts fit.
          let formStarts = componentFormStarts(units, kept, window, into: starts)
          let keptPieces = isStripped || !formStarts.isEmpty ? kept.pieces(window) : []
          // The forms' array allocated once: an array of arrays grown
          // form by form costs more than the forms.
          let total = (leading == nil ? 0 : 1) + (isStripped ? 1 : 0) + formStarts.count
          var forms: [[Range<Int>]] = []
          forms.reserveCapacity(total)
          if let leading { forms.append(leading) }
          if isStripped { forms.append(keptPieces) }
          for index in formStarts {
            forms.append(suffix(of: keptPieces, from: kept.positions[starts[index]]))
          }
          return forms
        }
      }
    }
  }

  /// The units kept of a path: their offsets in the name and the unit
  /// each is read as (itself, or ``opaqueUnit`` inside an operator or a
  /// `{...}` group).
  private struct KeptUnits {
    let positions: UnsafeMutableBufferPointer<Int>
    let seen: UnsafeMutableBufferPointer<UInt16>
    var count: Int

    mutating func append(_ position: Int, as unit: UInt16) {
      positions[count] = position
      seen[count] = unit
      count += 1
    }

    /// The offsets of `window` (positions in this list) merged into ranges.
    func pieces(_ window: Range<Int>) -> [Range<Int>] {
      var result: [Range<Int>] = []
      var index = window.lowerBound
      while index < window.upperBound {
        let start = positions[index]
        var end = start + 1
        index += 1
        while index < window.upperBound, positions[index] == end {
          end += 1
          index += 1
        }
        // Nearly always one piece: an array literal is the cheapest array.
        if result.isEmpty && index == window.upperBound { return [start..<end] }
        result.append(start..<end)
      }
      return result
    }
  }

  /// Every unit of `range`, operators and `{...}` groups opaque.
  private static func keepAll(_ units: Units, _ range: Range<Int>, into kept: inout KeptUnits) {
    var index = range.lowerBound
    while index < range.upperBound {
      if let end = opaqueEnd(units, index, range) {
        keepOpaque(units, index..<end, into: &kept)
        index = end
      } else {
        kept.append(index, as: units[index])
        index += 1
      }
    }
  }

  /// An operator or a `{...}` group, kept whole: its first unit as itself
  /// (a component may start with `{`), the others opaque.
  private static func keepOpaque(_ units: Units, _ atom: Range<Int>, into kept: inout KeptUnits) {
    kept.append(atom.lowerBound, as: units[atom.lowerBound])
    for index in atom.dropFirst() { kept.append(index, as: opaqueUnit) }
  }

  /// Keeps the units of `range` outside `<...>` and `(...)` groups into
  /// `kept` and gives the window of them that is the path: the run around
  /// its last `::` (or its operator) that has no space, so that a return
  /// type before it and qualifiers after its argument list (`const`,
  /// `[clone .cold]`) are dropped. Nil when the groups do not balance.
  private static func withoutGroups(
    _ units: Units, _ range: Range<Int>, into kept: inout KeptUnits
  ) -> Range<Int>? {
    var depth = 0
    var index = range.lowerBound
    var operatorAt = -1  // where in `kept` the last operator kept starts
    while index < range.upperBound {
      let unit = units[index]
      if let end = opaqueEnd(units, index, range) {
        if depth == 0 {
          if unit != Unit.openBrace { operatorAt = kept.count }
          keepOpaque(units, index..<end, into: &kept)
        }
        index = end
        continue
      }
      if unit == Unit.less || unit == Unit.openParenthesis {
        depth += 1
      } else if unit == Unit.greater || unit == Unit.closeParenthesis {
        // `->` is an arrow, not a closing bracket.
        if unit == Unit.greater, index > range.lowerBound, units[index - 1] == Unit.minus {
          if depth == 0 { kept.append(index, as: unit) }
          index += 1
          continue
        }
        depth -= 1
        if depth < 0 { return nil }
        if depth == 0, unit == Unit.closeParenthesis {
          // `draw() const::{lambda()#1}`: the qualifiers of a function the
          // path goes through are dropped with its argument list.
          index = qualifiersEnd(units, index + 1, range)
          continue
        }
      } else if depth == 0 {
        kept.append(index, as: unit)
      }
      index += 1
    }
    guard depth == 0 else { return nil }
    let seen = kept.seen
    let count = kept.count
    var pivot = -1
    var position = 0
    while position + 1 < count {
      if seen[position] == Unit.colon && seen[position + 1] == Unit.colon { pivot = position }
      position += 1
    }
    let hasColons = pivot >= 0
    if !hasColons { pivot = operatorAt }
    guard pivot >= 0 else { return 0..<count }
    var end = pivot
    while end < count, seen[end] != Unit.space { end += 1 }
    var start = pivot
    while start > 0, seen[start - 1] != Unit.space { start -= 1 }
    // A path that started with a group (`(anonymous namespace)::f`,
    // `<T as Trait>::f`) starts with what follows it.
    while end - start >= 2, seen[start] == Unit.colon, seen[start + 1] == Unit.colon {
      start += 2
    }
    return start..<end
  }

  /// Where the qualifiers ` const` and ` volatile` that follow an argument
  /// list at `index` end, when a `::` follows them; `index` otherwise.
  private static func qualifiersEnd(_ units: Units, _ index: Int, _ range: Range<Int>) -> Int {
    var end = index
    while end < range.upperBound, units[end] == Unit.space {
      var word = end + 1
      while word < range.upperBound, isLetter(units[word]) { word += 1 }
      let text = units[end + 1..<word]
      guard UTF16Text.units(text, spell: "const") || UTF16Text.units(text, spell: "volatile")
      else { break }
      end = word
    }
    guard end > index, end + 1 < range.upperBound, units[end] == Unit.colon,
      units[end + 1] == Unit.colon
    else { return index }
    return end
  }

  /// Where the forms that drop leading components of the kept `window`
  /// start: `starts` is filled with the components' starts (positions in
  /// `kept`), and the indices of those after the first (the last
  /// ``maximumComponentForms``) are returned.
  private static func componentFormStarts(
    _ units: Units, _ kept: KeptUnits, _ window: Range<Int>,
    into starts: UnsafeMutableBufferPointer<Int>
  ) -> Range<Int> {
    guard !window.isEmpty else { return 0..<0 }
    let seen = kept.seen
    var startCount = 0
    var depth = 0
    var position = window.lowerBound
    var componentStart = window.lowerBound
    var takesNext = isLambda(units, kept.positions[position])
    while position < window.upperBound {
      let unit = seen[position]
      if unit == Unit.less || unit == Unit.openParenthesis { depth += 1 }
      if unit == Unit.greater || unit == Unit.closeParenthesis { depth = max(0, depth - 1) }
      if depth == 0, unit == Unit.colon, position + 2 < window.upperBound,
        seen[position + 1] == Unit.colon
      {
        let next = kept.positions[position + 2]
        let nextIsLambda = isLambda(units, next)
        // Rust's `f::{{closure}}` is part of `f`; a lambda's
        // `{lambda(int)#1}::operator()` is one component.
        if takesNext {
          takesNext = false
        } else if seen[position + 2] != Unit.openBrace || nextIsLambda {
          if position > componentStart {
            starts[startCount] = componentStart
            startCount += 1
          }
          componentStart = position + 2
          takesNext = nextIsLambda
        }
        position += 2
        continue
      }
      position += 1
    }
    guard componentStart < window.upperBound, startCount > 0 else { return 0..<0 }
    // Each shorter form is a suffix of the kept units, cut from their
    // pieces rather than rebuilt unit by unit.
    starts[startCount] = componentStart
    startCount += 1
    return max(1, startCount - maximumComponentForms)..<startCount
  }

  /// The part of `pieces` (ascending, disjoint) from the unit at `start`, one of theirs.
  private static func suffix(of pieces: [Range<Int>], from start: Int) -> [Range<Int>] {
    var first = 0
    while first < pieces.count, pieces[first].upperBound <= start { first += 1 }
    guard first < pieces.count else { return [] }
    let head = max(start, pieces[first].lowerBound)..<pieces[first].upperBound
    // Nearly always one piece: an array literal is the cheapest array.
    guard first + 1 < pieces.count else { return [head] }
    var result = [head]
    for index in first + 1..<pieces.count { result.append(pieces[index]) }
    return result
  }

  /// Whether a C++ lambda's `{lambda(` starts at `index`.
  private static func isLambda(_ units: Units, _ index: Int) -> Bool {
    index + 8 <= units.count && units[index] == Unit.openBrace
      && UTF16Text.units(units[index + 1..<index + 8], spell: "lambda(")
  }

  /// Where the operator (`operator[]`, `operator<<`, `operator new[]`,
  /// `operator std::string`) or the `{...}` group (`{lambda(int)#1}`,
  /// `{closure}`) that starts at `index` ends; nil when none starts there.
  private static func opaqueEnd(_ units: Units, _ index: Int, _ range: Range<Int>) -> Int? {
    let unit = units[index]
    if unit == Unit.openBrace {
      // The nearest `}` with no `{` before it: each unit is looked at
      // twice at most, whatever the braces.
      var end = index + 1
      while end < range.upperBound {
        if units[end] == Unit.closeBrace { return end + 1 }
        if units[end] == Unit.openBrace { return nil }
        end += 1
      }
      return nil
    }
    guard unit == UInt16(UInt8(ascii: "o")) else { return nil }
    return operatorEnd(units, index, range)
  }

  /// Whether a C++ operator is named in `range`.
  static func containsOperator(_ units: Units, _ range: Range<Int>) -> Bool {
    let o = UInt16(UInt8(ascii: "o"))
    var index = range.lowerBound
    while index < range.upperBound {
      if units[index] == o, operatorEnd(units, index, range) != nil { return true }
      index += 1
    }
    return false
  }

  /// The operators written with symbols, longest first within each length.
  private static let symbolOperators: [[UInt16]] = [
    "->*", "<=>", "<<=", ">>=", "->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "++", "--",
    "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "()", "[]", "+", "-", "*", "/", "%", "^", "&",
    "|", "~", "!", "=", "<", ">", ",",
  ].map { Array($0.utf16) }

  /// Where the operator whose word `operator` starts at `index` ends:
  /// after its symbol (`operator<<`), or its type or word up to the
  /// argument list (`operator new[]`, `operator std::string`,
  /// `operator""_km`); nil when the word is not one (`operators`).
  private static func operatorEnd(_ units: Units, _ index: Int, _ range: Range<Int>) -> Int? {
    let wordEnd = index + 8
    guard wordEnd < range.upperBound, units[index + 1] == UInt16(UInt8(ascii: "p")),
      UTF16Text.units(units[index..<wordEnd], spell: "operator"),
      index == range.lowerBound || !isIdentifierUnit(units[index - 1])
    else { return nil }
    let next = units[wordEnd]
    if next == Unit.space || next == Unit.quote {
      // A conversion's type, `new`, `delete` or a literal suffix: up to the
      // argument list, past any template arguments.
      var depth = 0
      var end = wordEnd + 1
      while end < range.upperBound {
        let unit = units[end]
        if unit == Unit.less { depth += 1 }
        if unit == Unit.greater { depth -= 1 }
        if unit == Unit.openParenthesis && depth <= 0 { break }
        end += 1
      }
      while end > wordEnd, units[end - 1] == Unit.space { end -= 1 }
      return end > wordEnd ? end : nil
    }
    for symbol in symbolOperators where wordEnd + symbol.count <= range.upperBound {
      var matches = true
      for offset in symbol.indices where units[wordEnd + offset] != symbol[offset] {
        matches = false
        break
      }
      if matches { return wordEnd + symbol.count }
    }
    return nil
  }

  /// Whether a unit can be part of an identifier (so `operator` after it
  /// is not the keyword).
  private static func isIdentifierUnit(_ unit: UInt16) -> Bool {
    isLetter(unit) || isDigit(unit) || unit == Unit.underscore || unit == Unit.dollar
      || unit > 127
  }
}
