/// One frame line of a `perf script` call stack, `\t addr symbol+off (dso)`,
/// split the way `stackcollapse-perf.pl` splits it:
/// `^\s*(\w+)\s*(.+) \((.*)\)`, the symbol running to the last ` (` that
/// a `)` follows, so `f(int) const (/lib/x.so)` keeps its parentheses.
///
/// Unlike the Perl expression, the address must be followed by
/// whitespace, so a `+srcline` line such as `  main.c:12 (inlined)` is
/// never taken for a frame; and a frame with no symbol
/// (`7f1e2215d058  (/lib/libc.so)`) has an empty one, which the importer
/// treats as `[unknown]`, where the Perl expression backtracks into a
/// frame named by a space.
struct PerfScriptStackLine {
  /// The address (any word characters, hex in practice).
  var address: Range<Int>
  /// The symbol with its offset, as written.
  var symbol: Range<Int>
  /// The DSO between the parentheses; nil when the line has none
  /// (`perf script -F ip,sym`, or an inlined frame followed by a srcline).
  var dso: Range<Int>?

  /// Parses a stack line; nil when the line is not one.
  init?(_ line: UnsafePointer<UInt8>, _ length: Int) {
    var index = 0
    while index < length && PerfScriptSyntax.isSpace(line[index]) { index += 1 }
    let addressStart = index
    while index < length && PerfScriptSyntax.isWord(line[index]) { index += 1 }
    guard index > addressStart, index < length, PerfScriptSyntax.isSpace(line[index]) else {
      return nil
    }
    address = addressStart..<index
    while index < length && PerfScriptSyntax.isSpace(line[index]) { index += 1 }
    let symbolStart = index
    var end = length
    while end > symbolStart && PerfScriptSyntax.isSpace(line[end - 1]) { end -= 1 }
    guard end > symbolStart else { return nil }
    var close = end - 1
    while close > symbolStart && line[close] != UInt8(ascii: ")") { close -= 1 }
    var open = close - 2
    if line[close] == UInt8(ascii: ")") {
      // The last ` (` before the last `)`; its space may be the one after
      // the address, for a frame with no symbol at all: `7f1e2215d058  (/lib/libc.so)`.
      while open >= symbolStart - 1
        && !(line[open] == UInt8(ascii: " ") && line[open + 1] == UInt8(ascii: "("))
      {
        open -= 1
      }
    }
    if line[close] == UInt8(ascii: ")") && open >= symbolStart - 1 {
      symbol = symbolStart..<max(open, symbolStart)
      dso = (open + 2)..<close
    } else {
      // No `(dso)`: a frame only when the address is hexadecimal.
      for offset in address where !PerfScriptSyntax.isHexDigit(line[offset]) { return nil }
      symbol = symbolStart..<end
      dso = nil
    }
  }
}

/// Byte classes and small searches shared by the perf script parsers.
enum PerfScriptSyntax {
  /// Perl's `\s`: space, tab, line feed, vertical tab, form feed, carriage return.
  @inline(__always)
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  /// `0`-`9`.
  @inline(__always)
  static func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

  /// `0`-`9`, `a`-`f`, `A`-`F`.
  @inline(__always)
  static func isHexDigit(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- 0x61 < 6
  }

  /// Perl's `\w` on ASCII: letters, digits and `_`.
  @inline(__always)
  static func isWord(_ byte: UInt8) -> Bool {
    isDigit(byte) || (byte | 0x20) &- 0x61 < 26 || byte == 0x5F
  }

  /// Whether `bytes[range]` contains `needle`.
  static func contains(
    _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, _ needle: StaticString
  ) -> Bool {
    firstIndex(of: needle, in: bytes, range) != nil
  }

  /// Where `needle` first occurs in `bytes[range]`.
  static func firstIndex(
    of needle: StaticString, in bytes: UnsafePointer<UInt8>, _ range: Range<Int>
  ) -> Int? {
    let count = needle.utf8CodeUnitCount
    guard range.count >= count else { return nil }
    let pattern = needle.utf8Start
    var index = range.lowerBound
    while index + count <= range.upperBound {
      if bytes[index] == pattern[0] {
        var offset = 1
        while offset < count && bytes[index + offset] == pattern[offset] { offset += 1 }
        if offset == count { return index }
      }
      index += 1
    }
    return nil
  }

  /// Whether `bytes[range]` ends with `suffix`.
  static func hasSuffix(
    _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, _ suffix: StaticString
  ) -> Bool {
    let count = suffix.utf8CodeUnitCount
    guard range.count >= count else { return false }
    let start = range.upperBound - count
    for offset in 0..<count where bytes[start + offset] != suffix.utf8Start[offset] {
      return false
    }
    return true
  }

  /// Whether `bytes[range]` holds the same bytes as `other`.
  static func equals(
    _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, _ other: StaticString
  ) -> Bool {
    range.count == other.utf8CodeUnitCount && hasSuffix(bytes, range, other)
  }

  /// Whether the DSO is a perf map of JIT-compiled code: `/tmp/perf-PID.map`.
  static func isJITMap(_ bytes: UnsafePointer<UInt8>, _ dso: Range<Int>) -> Bool {
    var start = dso.lowerBound
    while let found = firstIndex(of: "/tmp/perf-", in: bytes, start..<dso.upperBound) {
      var index = found + 10
      let digits = index
      while index < dso.upperBound && isDigit(bytes[index]) { index += 1 }
      if index > digits && hasPrefix(bytes, index..<dso.upperBound, ".map") { return true }
      start = found + 1
    }
    return false
  }

  /// Whether the DSO is kernel code: it starts with `[` or ends with
  /// `vmlinux`, and does not say `unknown` (the Perl script's test).
  static func isKernel(_ bytes: UnsafePointer<UInt8>, _ dso: Range<Int>) -> Bool {
    guard !dso.isEmpty else { return false }
    guard bytes[dso.lowerBound] == UInt8(ascii: "[") || hasSuffix(bytes, dso, "vmlinux") else {
      return false
    }
    return !contains(bytes, dso, "unknown")
  }

  /// Whether `bytes[range]` starts with `prefix`.
  static func hasPrefix(
    _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, _ prefix: StaticString
  ) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard range.count >= count else { return false }
    for offset in 0..<count where bytes[range.lowerBound + offset] != prefix.utf8Start[offset] {
      return false
    }
    return true
  }

  /// The DSO's base name: what follows its last `/`.
  static func baseName(_ bytes: UnsafePointer<UInt8>, _ dso: Range<Int>) -> Range<Int> {
    var start = dso.upperBound
    while start > dso.lowerBound && bytes[start - 1] != UInt8(ascii: "/") { start -= 1 }
    return start..<dso.upperBound
  }
}
