/// A regular expression whose matching time is linear in the text's length
/// (times the pattern's size), whatever the pattern: `(a+)+$` on a long
/// name takes microseconds, not minutes. Category rules use it, and the
/// interactive SVG's search uses the same syntax and semantics in
/// JavaScript, so a profile or a shared link cannot make either hang.
///
/// ```swift
/// let rule = try LinearRegex("^numpy/.*\\.py")
/// rule.matches("numpy/core/numeric.py:232 (ones)")  // true
/// try LinearRegex("(a+)+$").matches(String(repeating: "a", count: 10_000) + "!")  // false, at once
/// ```
///
/// The syntax is JavaScript's, without what needs backtracking:
/// - characters, `.` (anything but a line end), classes `[a-z_]`, `[^;]`,
///   `\d \w \s` (ASCII) and their negations `\D \W \S`, escapes `\t \n \r
///   \f \v \0 \xHH \uHHHH \u{H...}`, and any punctuation escaped (`\.`);
/// - anchors `^` and `$` (of the whole name), word boundaries `\b \B`;
/// - groups `( )`, `(?: )`, `(?<name> )`, alternation `|`;
/// - repetition `* + ? {n} {n,} {n,m}` (n, m ≤ 1000), lazy or not (the
///   verdict is the same);
/// - `(?i)` at the very start: ASCII letters match either case.
///
/// Backreferences (`\1`), lookahead and lookbehind are refused with a
/// ``LinearRegexError``, and so is a pattern that expands to more than
/// `RegexProgram.maximumSize` steps. A match may start anywhere in the
/// text, as with `RegExp.test`.
public struct LinearRegex: Sendable {
  /// The pattern, as given.
  public let pattern: String
  private let program: RegexProgram
  /// Whether every match must start at the start of the text (`^...`), so
  /// the search can stop once no thread is alive.
  private let isAnchoredAtStart: Bool

  /// Compiles a pattern.
  ///
  /// - Throws: ``LinearRegexError`` naming the character where the pattern
  ///   is wrong or uses an unsupported feature.
  public init(_ pattern: String) throws(LinearRegexError) {
    self.pattern = pattern
    var parser = RegexParser(pattern)
    let node = try parser.parse()
    program = try RegexProgram(node, caseInsensitive: parser.caseInsensitive)
    switch node {
    case .assertion(.textStart): isAnchoredAtStart = true
    case .sequence(let items): isAnchoredAtStart = items.first == .assertion(.textStart)
    default: isAnchoredAtStart = false
    }
  }

  /// Whether the pattern matches somewhere in the text.
  public func matches(_ text: String) -> Bool {
    let instructions = program.instructions
    var current = ThreadList(capacity: instructions.count)
    var next = ThreadList(capacity: instructions.count)
    var pending: [Int] = []
    var scalars = text.unicodeScalars.makeIterator()
    var previous: UInt32? = nil
    var upcoming = scalars.next()?.value
    var isFirst = true
    while true {
      if isFirst || !isAnchoredAtStart {
        if add(0, to: &current, previous: previous, next: upcoming, pending: &pending) {
          return true
        }
      }
      isFirst = false
      guard let scalar = upcoming else { return false }
      if current.isEmpty && isAnchoredAtStart { return false }
      let following = scalars.next()?.value
      next.removeAll()
      for index in 0..<current.count {
        let step = current[index]
        if case .consume(let set) = instructions[step], set.contains(scalar) {
          if add(step + 1, to: &next, previous: scalar, next: following, pending: &pending) {
            return true
          }
        }
      }
      swap(&current, &next)
      previous = scalar
      upcoming = following
    }
  }

  /// Adds a thread at `step` and every step reachable from it without
  /// consuming a character; returns true when one of them is the match.
  private func add(
    _ step: Int, to list: inout ThreadList, previous: UInt32?, next: UInt32?,
    pending: inout [Int]
  ) -> Bool {
    let instructions = program.instructions
    pending.append(step)
    while let step = pending.popLast() {
      guard list.insert(step) else { continue }
      switch instructions[step] {
      case .match:
        pending.removeAll()
        return true
      case .jump(let target):
        pending.append(target)
      case .split(let first, let second):
        pending.append(second)
        pending.append(first)
      case .assert(let assertion):
        if assertion.holds(previous: previous, next: next) { pending.append(step + 1) }
      case .consume:
        break
      }
    }
    return false
  }
}

/// The steps alive at one position of the text, each at most once: a
/// sparse set, cleared in constant time.
///
/// Invariant: `dense[0..<count]` are the members; `sparse[step]` is the
/// index of `step` in `dense` when it is a member.
private struct ThreadList {
  private var dense: [Int]
  private var sparse: [Int]
  private(set) var count = 0

  init(capacity: Int) {
    dense = Array(repeating: 0, count: capacity)
    sparse = Array(repeating: 0, count: capacity)
  }

  var isEmpty: Bool { count == 0 }

  subscript(index: Int) -> Int { dense[index] }

  /// Inserts a step; false when it was already there.
  mutating func insert(_ step: Int) -> Bool {
    let slot = sparse[step]
    if slot < count && dense[slot] == step { return false }
    sparse[step] = count
    dense[count] = step
    count += 1
    return true
  }

  mutating func removeAll() { count = 0 }
}
