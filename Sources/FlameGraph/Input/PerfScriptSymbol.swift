/// Turns a stack line's symbol into frame names as `stackcollapse-perf.pl`
/// writes them, appending the bytes to a scratch buffer.
///
/// In order: the `+0x1f` offset is stripped (unless kept); an `a->b`
/// chain of inlined functions gives one name per function; `[unknown]`
/// becomes the DSO's base name in brackets (`[libc.so.6]`, or `[unknown]`
/// with no DSO either); `;` becomes `:` (it separates folded frames); all
/// after the first `(` is dropped, except in `(anonymous namespace)` and in
/// Go method names such as `net/http.(*Client).Do`; quotes are deleted;
/// and in processes whose name starts with `java`, the `L` of
/// `Lorg/mozilla/Foo;::bar` is dropped.
enum PerfScriptSymbol {
  /// The range of the symbol once its trailing `+0x...` offset is stripped.
  static func strippingOffset(_ bytes: UnsafePointer<UInt8>, _ symbol: Range<Int>) -> Range<Int> {
    var index = symbol.upperBound
    while index > symbol.lowerBound
      && (PerfScriptSyntax.isDigit(bytes[index - 1]) || bytes[index - 1] &- 0x61 < 6)
    {
      index -= 1
    }
    guard index < symbol.upperBound, index - symbol.lowerBound >= 3,
      bytes[index - 1] == UInt8(ascii: "x"), bytes[index - 2] == UInt8(ascii: "0"),
      bytes[index - 3] == UInt8(ascii: "+")
    else { return symbol }
    return symbol.lowerBound..<(index - 3)
  }

  /// The parts of an `a->b->c` chain; trailing empty parts are dropped, as
  /// Perl's `split` does.
  static func inlineParts(_ bytes: UnsafePointer<UInt8>, _ symbol: Range<Int>) -> [Range<Int>] {
    var parts: [Range<Int>] = []
    var start = symbol.lowerBound
    while let arrow = PerfScriptSyntax.firstIndex(of: "->", in: bytes, start..<symbol.upperBound) {
      parts.append(start..<arrow)
      start = arrow + 2
    }
    parts.append(start..<symbol.upperBound)
    while let last = parts.last, last.isEmpty, parts.count > 1 { parts.removeLast() }
    return parts
  }

  /// Whether the symbol has an `->` inline chain: rare, so the common path
  /// allocates no array.
  @inline(__always)
  static func hasInlineChain(_ bytes: UnsafePointer<UInt8>, _ symbol: Range<Int>) -> Bool {
    PerfScriptSyntax.contains(bytes, symbol, "->")
  }

  /// Appends the tidied name of `function` to `output`.
  ///
  /// `javaProcess` says that the sample's process name starts with `java`.
  @inline(__always)
  static func appendTidied(
    _ bytes: UnsafePointer<UInt8>, _ function: Range<Int>, javaProcess: Bool,
    to output: RawColumn<UInt8>
  ) {
    let cut = cutPoint(bytes, function)
    var index = function.lowerBound
    if javaProcess {
      // `s/^L// if m:/:`, on the name with its quotes deleted.
      while index < cut && (bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'"))
      {
        index += 1
      }
      if index < cut && bytes[index] == UInt8(ascii: "L")
        && PerfScriptSyntax.contains(bytes, index..<cut, "/")
      {
        index += 1
      }
    }
    // Most names need no rewriting: one copy.
    var plain = true
    for offset in index..<cut {
      let byte = bytes[offset]
      if byte == UInt8(ascii: ";") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
        plain = false
        break
      }
    }
    if plain {
      output.append(contentsOf: bytes + index, count: cut - index)
      return
    }
    while index < cut {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: ";"): output.append(UInt8(ascii: ":"))
      case UInt8(ascii: "\""), UInt8(ascii: "'"): continue
      default: output.append(byte)
      }
    }
  }

  /// Where everything after the first `(` starts, unless it opens
  /// `(anonymous namespace)` or the name looks like a Go method
  /// (`.(` before a later `).`); the end when nothing is cut.
  @inline(__always)
  private static func cutPoint(_ bytes: UnsafePointer<UInt8>, _ function: Range<Int>) -> Int {
    guard let firstParen = firstParenthesis(bytes, function) else { return function.upperBound }
    if let goStart = PerfScriptSyntax.firstIndex(of: ".(", in: bytes, function) {
      var index = function.upperBound - 2
      while index >= goStart + 2 {
        if bytes[index] == UInt8(ascii: ")") && bytes[index + 1] == UInt8(ascii: ".") {
          return function.upperBound
        }
        index -= 1
      }
    }
    var index = firstParen
    while index < function.upperBound {
      if bytes[index] == UInt8(ascii: "(")
        && !PerfScriptSyntax.hasPrefix(
          bytes, (index + 1)..<function.upperBound, "anonymous namespace)")
      {
        return index
      }
      index += 1
    }
    return function.upperBound
  }

  @inline(__always)
  private static func firstParenthesis(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> Int? {
    for index in range where bytes[index] == UInt8(ascii: "(") { return index }
    return nil
  }
}
