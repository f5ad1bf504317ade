/// Linux `perf script` output, read as flamegraph.pl's
/// `stackcollapse-perf.pl` reads it; streamed, never held whole.
///
/// ```
/// java 4242/4250 [001] 5123.120000: 1000000 cpu-clock:
/// 	ffffffff8103ce3b native_safe_halt+0xb ([kernel.kallsyms])
/// 	    7f3a1b2c3d4e [unknown] (/usr/lib/x86_64-linux-gnu/libc.so.6)
/// 	    55d5a1c4a123 main+0x43 (/usr/bin/app)
///   app.c:12
///
/// ```
///
/// Each sample becomes one stack, root first: the process name (spaces
/// made `_`; with the PID or TID when ``PerfScriptOptions`` asks), then
/// the frames from the outermost caller to the leaf. Symbols lose their
/// `+0x...` offset; `[unknown]` becomes the DSO's base name in brackets
/// (`[libc.so.6]`); kernel and JIT frames get `_[k]` and `_[j]` when asked;
/// frames perf marks `(inlined)` (`perf script --inline`) and the later
/// functions of an `a->b` chain get `_[i]`. A `+srcline` line after a frame
/// gives it its file and line (``ImportedFrame/displayName``:
/// `main (app.c:12)`). Only the first event seen is counted, or
/// ``PerfScriptOptions/eventFilter``; a sample counts 1, or its period with
/// ``PerfScriptOptions/usePeriod`` (in nanoseconds for `cpu-clock` and
/// `task-clock`, in the event's own unit, named after it, for others).
///
/// Where this differs from the Perl script: the last sample counts even
/// without a blank line after it (a truncated file loses nothing); a
/// header closes the sample before it (perf without `-g` writes no blank
/// lines); lines of spaces end a sample like empty ones; `\r\n` line ends
/// are read; source lines are found without a flag and kept as file and
/// line rather than appended to the name; `--inline`'s `addr2line` lookups
/// are not made (perf's own `--inline` output is read instead).
///
/// ```swift
/// var options = Options()
/// options.importing.perfScript.annotateKernel = true
/// let profile = try ProfileReader.readProfile(
///   from: [.file("perf.txt")], format: .perfScript, options: options)
/// ```
public struct PerfScriptImporter: ProfileImporter {
  /// How samples become stacks.
  public var options: PerfScriptOptions

  /// The format's name in messages.
  public static let formatName = "perf script"

  /// An importer with these options (default: stackcollapse-perf.pl's).
  public init(options: PerfScriptOptions = PerfScriptOptions()) {
    self.options = options
  }

  /// Streams the input through the perf script parser into the builder.
  ///
  /// - Throws: ``InputError/invalidFormat(format:place:reason:)`` when the
  ///   input has no event header, no stack line (recorded without `-g`),
  ///   or no sample of the event asked for.
  public func importStacks(
    from input: InputByteStream, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) throws {
    var parser = PerfScriptParser(builder: builder, options: options)
    var statistics = FoldedStackReader.ReadStatistics()
    try FoldedStackReader.read(input, into: &parser, statistics: &statistics)
    diagnostics.merge(parser.diagnostics)
    let noStacks =
      "the samples have no call stacks: record with `perf record -g` (or `--call-graph dwarf`)"
    guard parser.headerCount > 0 || parser.stacklessSampleCount == 0 else {
      // Stack lines were all one-line samples.
      throw InputError.invalidFormat(format: Self.formatName, place: input.name, reason: noStacks)
    }
    guard parser.headerCount > 0 else {
      throw InputError.invalidFormat(
        format: Self.formatName, place: input.name,
        reason: "no event header line such as `comm 1234 [000] 5.1: 1000 cycles:`")
    }
    let header = "\(input.name):\(parser.firstHeaderLine)"
    guard parser.stackLineCount > 0 else {
      throw InputError.invalidFormat(
        format: Self.formatName, place: header, reason: noStacks)
    }
    guard parser.diagnostics.validLineCount > 0 else {
      let wanted = parser.countedEvent.map { "`\($0)`" } ?? "the event asked for"
      let seen = parser.otherEvents.map { "`\($0)`" }.joined(separator: ", ")
      throw InputError.invalidFormat(
        format: Self.formatName, place: header,
        reason: "no sample of event \(wanted)" + (seen.isEmpty ? "" : "; the input has \(seen)"))
    }
    if options.usePeriod, let event = parser.countedEvent {
      builder.declareUnit(Self.unit(ofPeriodsOf: event))
    }
  }

  /// The unit of the periods of an event: nanoseconds for the software
  /// clocks (`cpu-clock`, `task-clock`), the event's name (`cycles`,
  /// `instructions`) for the others.
  static func unit(ofPeriodsOf event: String) -> CountUnit {
    let name = String(event.prefix { $0 != ":" })
    return name == "cpu-clock" || name == "task-clock"
      ? .time(.nanoseconds) : CountUnit(.named(name))
  }

  /// Whether the first bytes of an input look like `perf script` output:
  /// after `#` comment lines and blank lines, an event header (a process
  /// name, whitespace, a number, whitespace: `comm 1234 ...`), then a line
  /// indented with a tab or spaces that starts with a hexadecimal address
  /// and whitespace, the first frame of its stack; or two event headers
  /// with only blank lines between them (a sample with an empty stack, or
  /// a recording made without `-g`, whose headers may start with spaces). Folded stacks never have those
  /// lines, and JSON never an event header.
  ///
  /// ```swift
  /// PerfScriptImporter.recognizes(ArraySlice("a 1 1.0: cycles:\n\tf00 main (/bin/a)\n".utf8))  // true
  /// PerfScriptImporter.recognizes(ArraySlice("main;work 3\n".utf8))  // false
  /// ```
  public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    head.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return false }
      var start = 0
      var sawHeader = false
      var previousWasHeader = false
      var timedHeaders = 0
      while start < buffer.count {
        var end = start
        while end < buffer.count && base[end] != 0x0A { end += 1 }
        // A line cut by the end of the head is not trusted.
        guard end < buffer.count else { return false }
        var length = end - start
        let line = base + start
        while length > 0 && PerfScriptSyntax.isSpace(line[length - 1]) { length -= 1 }
        start = end + 1
        // A header followed by a stack line: perf script with call stacks.
        if previousWasHeader && isFirstFrame(line, length) { return true }
        previousWasHeader = false
        if length == 0 || line[0] == UInt8(ascii: "#") { continue }
        // Without `-g`, perf right-aligns the process name: the header
        // then starts after spaces, its one frame on the same line.
        var indent = 0
        while indent < length && PerfScriptSyntax.isSpace(line[indent]) { indent += 1 }
        guard let header = PerfScriptHeader(line + indent, length - indent) else { return false }
        // Past the first header, only headers with perf's `seconds.micros:`
        // time keep the input perf-like: a folded line `f (a.py:1) 105 217`
        // reads as a header too. Two of them with nothing but blank lines
        // between are a sample with an empty stack, or a recording made
        // without `-g`, which the importer then names as such.
        let timed = hasTimestamp(line + indent, length - indent, after: header.firstID.upperBound)
        guard timed || !sawHeader else { return false }
        sawHeader = true
        previousWasHeader = indent == 0
        if timed {
          timedHeaders += 1
          if timedHeaders == 2 { return true }
        }
      }
      return false
    }
  }

  /// Whether a field after `start` is a time as perf writes it: digits, a
  /// point, digits and a colon (`2014.295259:`).
  private static func hasTimestamp(_ line: UnsafePointer<UInt8>, _ length: Int, after start: Int)
    -> Bool
  {
    var index = start
    while index < length {
      while index < length && PerfScriptSyntax.isSpace(line[index]) { index += 1 }
      let fieldStart = index
      while index < length && !PerfScriptSyntax.isSpace(line[index]) { index += 1 }
      let field = fieldStart..<index
      guard field.count >= 4, line[field.upperBound - 1] == UInt8(ascii: ":") else { continue }
      var position = field.lowerBound
      while position < field.upperBound && PerfScriptSyntax.isDigit(line[position]) {
        position += 1
      }
      guard position > field.lowerBound, line[position] == UInt8(ascii: ".") else { continue }
      let fraction = position + 1
      position = fraction
      while position < field.upperBound - 1 && PerfScriptSyntax.isDigit(line[position]) {
        position += 1
      }
      if position == field.upperBound - 1 && position > fraction { return true }
    }
    return false
  }

  /// `\t  55d5a1c4a123 main ...`: indentation, hex digits, whitespace, more.
  private static func isFirstFrame(_ line: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    guard length > 0, PerfScriptSyntax.isSpace(line[0]) else { return false }
    var index = 0
    while index < length && PerfScriptSyntax.isSpace(line[index]) { index += 1 }
    let digits = index
    while index < length && PerfScriptSyntax.isHexDigit(line[index]) { index += 1 }
    guard index > digits, index < length, PerfScriptSyntax.isSpace(line[index]) else {
      return false
    }
    return PerfScriptStackLine(line, length) != nil
  }

  /// The frames one stack line gives, outermost first (one, or several
  /// for an `a->b` chain), with their DSO's base name as module: what the
  /// importer interns, for tests and for tools that read stack lines one
  /// at a time. Nil when the line is not a stack line or names no frame.
  ///
  /// ```swift
  /// PerfScriptImporter.frames(
  ///   inStackLine: "\t7f3a1b2c [unknown] (/usr/lib/libc.so.6)", process: "app")
  /// // [ImportedFrame(name: "[libc.so.6]", module: "libc.so.6")]
  /// ```
  public func frames(inStackLine text: String, process: String = "") -> [ImportedFrame]? {
    var parser = PerfScriptParser(builder: CallTreeBuilder(), options: options)
    var bytes = Array(text.utf8)
    bytes.append(0)
    return bytes.withUnsafeBufferPointer {
      parser.frames(
        ofStackLine: $0.baseAddress!, $0.count - 1, javaProcess: process.hasPrefix("java"))
    }
  }
}
