import FlameGraph

/// One fuzz input taken apart: options from its first two bytes, and the
/// profile bytes after them (two profiles for a differential case).
///
/// The first byte is a set of flags, the second the minimum width:
///
/// | bit of byte 0 | option |
/// |---|---|
/// | 0 | ``Options/direction`` `.icicle` (`-i`) |
/// | 1 | ``StackTransform/reverse`` (`--reverse`) |
/// | 2 | ``Options/merging`` `.consecutive` (`--flamechart`) |
/// | 3 | ``Options/colorDiffusion`` (`--colordiffusion`) |
/// | 4 | ``Options/categories`` the `python` preset |
/// | 5 | ``Options/minimumWidth`` from byte 1 (`--minwidth`); without bit 6, the tree keeps only drawn nodes (``Options/drawnNodes``) |
/// | 6 | differential: the rest is two profiles, split at the first NUL byte or the middle line |
/// | 7 | keep the start of labels, negate differential colors, normalize the difference |
///
/// ```swift
/// let fuzzCase = FuzzCase(Array("\u{1}\u{0}main;work 3\n".utf8))
/// fuzzCase.options.direction  // .icicle
/// fuzzCase.profiles.count     // 1
/// ```
struct FuzzCase {
  /// The options the header asks for.
  var options = Options()
  /// The profile bytes: one profile, or before and after when differential.
  var profiles: [ArraySlice<UInt8>]
  /// Whether the before counts of a difference are scaled to the after total.
  var normalize = false

  /// Splits `bytes` into header and profiles; missing header bytes are 0.
  init(_ bytes: [UInt8]) {
    let flags = bytes.first ?? 0
    let width = bytes.count > 1 ? bytes[1] : 0
    let body = bytes.dropFirst(2)
    func flag(_ bit: UInt8) -> Bool { flags & (1 << bit) != 0 }
    options.direction = flag(0) ? .icicle : .flame
    options.transform.reverse = flag(1)
    options.merging = flag(2) ? .consecutive : .byName
    options.colorDiffusion = flag(3)
    if flag(4) { options.categories = CategoryRules.python }
    if flag(5) {
      // High bit: a percentage 0 to 12.7 %; otherwise 0 to 31.75 points.
      let value = Double(width & 0x7f)
      options.minimumWidth = width & 0x80 != 0 ? .percent(value / 10) : .points(value / 4)
    }
    if flag(7) {
      options.labelTruncation = .keepStart
      options.labelStyle = .full
      options.negateDifferential = true
      normalize = true
    }
    profiles = flag(6) ? Self.halves(of: body) : [body]
    // A given minimum width also reads only the nodes a graph draws, as
    // the command does for pictures (not for differences, which need all).
    if flag(5) && !flag(6) { options.treeRetention = options.drawnNodes }
  }

  /// Two profiles: split at the first NUL byte, else after the line that
  /// holds the middle byte.
  static func halves(of body: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
    if let nul = body.firstIndex(of: 0) {
      return [body[..<nul], body[(nul + 1)...]]
    }
    let middle = body.startIndex + body.count / 2
    let cut =
      body[middle...].firstIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? body.endIndex
    return [body[..<cut], body[cut...]]
  }
}
