/// The event header line that starts a `perf script` sample, read the way
/// `stackcollapse-perf.pl`'s regular expressions read it, byte by byte.
///
/// ```
/// java 25607 4794564.109216: 1 cycles:
/// V8 WorkerThread 24636/25607 [000] 94564.109216: 100 cycles:
/// swapper     0 [000] 158665.570607: cpu-clock:
/// func_ab 15294 cpu-clock:
/// ```
///
/// The process name (comm) is the shortest prefix of at least two bytes,
/// starting with a non-space, that is followed by whitespace, a number
/// (`pid/tid`, `/tid` optional) and whitespace: names may hold spaces.
/// The event and period come from the line's end, `: [period] event:`,
/// which needs the time field's colon before them; without a time field
/// the line names no event.
struct PerfScriptHeader {
  /// The process name.
  var comm: Range<Int>
  /// The first number: the PID when a TID follows, else the thread id.
  var firstID: Range<Int>
  /// The number after the slash, if any.
  var secondID: Range<Int>?
  /// The event name (`cycles:u`), without the colon that ends it.
  var event: Range<Int>?
  /// The period written before the event, if any.
  var period: Range<Int>?

  /// Parses a header line; nil when the line is not one.
  init?(_ line: UnsafePointer<UInt8>, _ length: Int) {
    guard length >= 3, !PerfScriptSyntax.isSpace(line[0]) else { return nil }
    var found: (comm: Range<Int>, first: Range<Int>, second: Range<Int>?)?
    var end = 2
    // Invariant: no comm ending before `end` is followed by `\s+\d+/*\d*\s+`.
    while end < length {
      defer { end += 1 }
      guard PerfScriptSyntax.isSpace(line[end]) else { continue }
      var index = end
      while index < length && PerfScriptSyntax.isSpace(line[index]) { index += 1 }
      let digitsStart = index
      while index < length && PerfScriptSyntax.isDigit(line[index]) { index += 1 }
      guard index > digitsStart else { continue }
      let digitsEnd = index
      while index < length && line[index] == UInt8(ascii: "/") { index += 1 }
      let secondStart = index
      while index < length && PerfScriptSyntax.isDigit(line[index]) { index += 1 }
      guard index < length && PerfScriptSyntax.isSpace(line[index]) else { continue }
      found = (0..<end, digitsStart..<digitsEnd, index > secondStart ? secondStart..<index : nil)
      break
    }
    guard let found else { return nil }
    comm = found.comm
    firstID = found.first
    secondID = found.second
    (event, period) = Self.eventAndPeriod(line, length)
  }

  /// `: [period] event:` at the end of the line (trailing spaces allowed).
  private static func eventAndPeriod(_ line: UnsafePointer<UInt8>, _ length: Int)
    -> (event: Range<Int>?, period: Range<Int>?)
  {
    var end = length
    while end > 0 && PerfScriptSyntax.isSpace(line[end - 1]) { end -= 1 }
    guard end > 0 && line[end - 1] == UInt8(ascii: ":") else { return (nil, nil) }
    let eventEnd = end - 1
    var eventStart = eventEnd
    while eventStart > 0 && !PerfScriptSyntax.isSpace(line[eventStart - 1]) { eventStart -= 1 }
    guard eventStart < eventEnd, eventStart > 0 else { return (nil, nil) }
    var spaceStart = eventStart
    while spaceStart > 0 && PerfScriptSyntax.isSpace(line[spaceStart - 1]) { spaceStart -= 1 }
    if spaceStart > 0 && line[spaceStart - 1] == UInt8(ascii: ":") {
      return (eventStart..<eventEnd, nil)
    }
    var digitsStart = spaceStart
    while digitsStart > 0 && PerfScriptSyntax.isDigit(line[digitsStart - 1]) { digitsStart -= 1 }
    guard digitsStart < spaceStart else { return (nil, nil) }
    var colon = digitsStart
    while colon > 0 && PerfScriptSyntax.isSpace(line[colon - 1]) { colon -= 1 }
    guard colon > 0 && line[colon - 1] == UInt8(ascii: ":") else { return (nil, nil) }
    return (eventStart..<eventEnd, digitsStart..<spaceStart)
  }
}
