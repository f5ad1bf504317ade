/// The line-by-line state machine behind ``PerfScriptImporter``: event
/// headers open samples, stack lines (leaf first) add frames, `+srcline`
/// lines give the frame before them a file and line, and a blank line (or
/// the next header, or the end of the input) closes the sample, which goes
/// to the builder root first under its process name.
///
/// Bytes are scanned in place: the only copies are each frame's tidied
/// name, into a reused scratch buffer, before it is interned.
struct PerfScriptParser: LineParsing {
  /// A frame of the current stack line, held until the next line tells
  /// whether a source line belongs to it.
  private struct PendingFrame {
    /// The tidied name, in ``PerfScriptParser/names``.
    var name: Range<Int>
    var annotation: FrameAnnotation?
    /// The source file, in ``PerfScriptParser/names``, when a srcline gave one.
    var file: Range<Int>?
    var line = 0
    /// perf prints no source line after a frame with neither symbol nor DSO.
    var takesSourceLine: Bool
  }

  private enum State {
    /// No sample open: after a blank line, or at the start.
    case between
    /// A sample is open and counted.
    case sample
    /// A sample of another event (or after an unreadable header) is being skipped.
    case skipping
  }

  /// The tree being built.
  let builder: CallTreeBuilder
  /// The import options.
  let options: PerfScriptOptions
  /// What has been skipped so far.
  private(set) var diagnostics = ParseDiagnostics()

  private let stack: RawColumn<FrameID>
  /// The current sample's frame ids, leaf first, as perf prints them.
  private let leafFirst = RawColumn<FrameID>(capacity: 256)
  /// Pending frames' names and files.
  private let names = RawColumn<UInt8>(capacity: 1024)
  /// Where a display name or a replaced `[unknown]` is assembled.
  private let scratch = RawColumn<UInt8>(capacity: 256)
  private var pending: [PendingFrame] = []
  private var nextSourceFrame = 0
  private var state = State.between
  private var sampleCount = 1.0
  private var rootID: FrameID = 0
  private var javaProcess = false
  /// The event counted: the filter, or the first one seen.
  private var event: [UInt8]?

  /// Event header lines read.
  private(set) var headerCount = 0
  /// Stack lines read, skipped samples' included.
  private(set) var stackLineCount = 0
  /// The line number of the first header.
  private(set) var firstHeaderLine = 0
  /// Samples skipped because they were of another event.
  private(set) var otherEventSampleCount = 0
  /// Lines that look like the one-line samples of `perf record` without `-g`.
  private(set) var stacklessSampleCount = 0
  /// The first few other events seen, for messages.
  private(set) var otherEvents: [String] = []

  /// A parser feeding `builder`.
  init(builder: CallTreeBuilder, options: PerfScriptOptions) {
    self.builder = builder
    self.options = options
    stack = builder.pendingFrames
    event = options.eventFilter.map { Array($0.utf8) }
    pending.reserveCapacity(8)
  }

  /// The event samples were counted for, once one is known.
  var countedEvent: String? { event.map { String(decoding: $0, as: UTF8.self) } }

  mutating func parseLine(
    _ line: UnsafePointer<UInt8>, _ rawLength: Int, source: String, lineNumber: Int
  ) {
    var length = rawLength
    while length > 0 && PerfScriptSyntax.isSpace(line[length - 1]) { length -= 1 }
    guard length > 0 else {
      endSample()
      return
    }
    let indented = PerfScriptSyntax.isSpace(line[0])
    if !indented {
      if line[0] == UInt8(ascii: "#") { return }  // perf's --header and comments
      if let header = PerfScriptHeader(line, length) {
        beginSample(header, line, lineNumber: lineNumber)
        return
      }
    }
    if state == .skipping {
      if indented { stackLineCount += 1 }
      return
    }
    if let frame = PerfScriptStackLine(line, length) {
      stackLineCount += 1
      guard state == .sample else {
        diagnostics.recordMalformed(source: source, line: lineNumber, problem: .frameOutsideSample)
        if indented { noteStacklessSample(line, length) }
        return
      }
      addFrames(frame, line)
      return
    }
    if indented && nextSourceFrame < pending.count {
      if !readSourceLine(line, length) {
        diagnostics.recordMalformed(source: source, line: lineNumber, problem: .unknownLine)
      }
      return
    }
    diagnostics.recordMalformed(source: source, line: lineNumber, problem: .unknownLine)
    if indented && state == .between { noteStacklessSample(line, length) }
    if !indented {
      // An unreadable header: skip its stack rather than give it to another sample.
      endSample()
      state = .skipping
    }
  }

  /// perf without `-g` right-aligns the process name and puts the frame on
  /// the header line: counted, so the error says so rather than "no header".
  private mutating func noteStacklessSample(_ line: UnsafePointer<UInt8>, _ length: Int) {
    guard headerCount == 0 else { return }
    var start = 0
    while start < length && PerfScriptSyntax.isSpace(line[start]) { start += 1 }
    if let header = PerfScriptHeader(line + start, length - start), header.firstID.lowerBound > 0 {
      stacklessSampleCount += 1
    }
  }

  mutating func recordMalformed(source: String, line: Int, problem: ParseDiagnostics.Problem) {
    diagnostics.recordMalformed(source: source, line: line, problem: problem)
    // A line too long to read inside a stack leaves the stack incomplete:
    // its sample is skipped, not counted with the frames around the gap.
    if state == .sample {
      pending.removeAll(keepingCapacity: true)
      names.removeAll()
      nextSourceFrame = 0
      leafFirst.removeAll()
      state = .skipping
    }
  }

  mutating func endOfSource(source: String, lineNumber: Int) {
    endSample()
  }

  // MARK: Samples

  private mutating func beginSample(
    _ header: PerfScriptHeader, _ line: UnsafePointer<UInt8>, lineNumber: Int
  ) {
    endSample()
    headerCount += 1
    if firstHeaderLine == 0 { firstHeaderLine = lineNumber }
    if let range = header.event {
      let name = UnsafeBufferPointer(start: line + range.lowerBound, count: range.count)
      if let event {
        guard event.elementsEqual(name) else {
          otherEventSampleCount += 1
          let text = String(decoding: name, as: UTF8.self)
          if otherEvents.count < 5 && !otherEvents.contains(text) { otherEvents.append(text) }
          state = .skipping
          return
        }
      } else {
        event = Array(name)
      }
    }
    sampleCount = 1
    if options.usePeriod, let range = header.period {
      var period = 0.0
      for index in range { period = period * 10 + Double(line[index] &- 0x30) }
      if period > 0 { sampleCount = period }
    }
    scratch.removeAll()
    for index in header.comm {
      let byte = line[index]
      scratch.append(byte == UInt8(ascii: " ") ? UInt8(ascii: "_") : byte)
    }
    if options.includeTID || options.includePID {
      // One number is the thread id (perf's default output); the PID is then `?`.
      var pid: Range<Int>? = header.firstID
      var tid = header.firstID
      if let second = header.secondID, !PerfScriptSyntax.equals(line, second, "0") {
        tid = second
      } else {
        pid = nil
      }
      scratch.append(UInt8(ascii: "-"))
      if let pid { append(line, pid, to: scratch) } else { scratch.append(UInt8(ascii: "?")) }
      if options.includeTID {
        scratch.append(UInt8(ascii: "/"))
        append(line, tid, to: scratch)
      }
    }
    rootID = builder.intern(scratch.base, scratch.count)
    javaProcess = PerfScriptSyntax.hasPrefix(scratch.base, 0..<scratch.count, "java")
    state = .sample
  }

  /// Closes the open sample, if any, and gives it to the builder root first.
  private mutating func endSample() {
    flushPending()
    defer {
      leafFirst.removeAll()
      state = .between
    }
    guard state == .sample else { return }
    stack.removeAll()
    stack.append(rootID)
    var index = leafFirst.count
    while index > 0 {
      index -= 1
      stack.append(leafFirst.base[index])
    }
    builder.addInternedStack(count: sampleCount, before: nil)
    diagnostics.recordValid()
  }

  // MARK: Frames

  /// Tidies the frames of one stack line into ``pending``.
  private mutating func addFrames(_ frame: PerfScriptStackLine, _ line: UnsafePointer<UInt8>) {
    flushPending()
    let symbol =
      options.keepOffsets ? frame.symbol : PerfScriptSymbol.strippingOffset(line, frame.symbol)
    // `(perf)`-style process names in place of a symbol are skipped, as in the Perl script.
    if !symbol.isEmpty && line[symbol.lowerBound] == UInt8(ascii: "(") { return }
    let dso = frame.dso
    if PerfScriptSymbol.hasInlineChain(line, symbol) {
      for (position, part) in PerfScriptSymbol.inlineParts(line, symbol).enumerated() {
        addFrame(part, isChained: position > 0, dso: dso, address: frame.address, line)
      }
    } else {
      addFrame(symbol, isChained: false, dso: dso, address: frame.address, line)
    }
  }

  @inline(__always)
  private mutating func addFrame(
    _ function: Range<Int>, isChained: Bool, dso: Range<Int>?, address: Range<Int>,
    _ line: UnsafePointer<UInt8>
  ) {
    let start = names.count
    var takesSourceLine = true
    if function.isEmpty || PerfScriptSyntax.equals(line, function, "[unknown]") {
      scratch.removeAll()
      scratch.append(UInt8(ascii: "["))
      if let dso, !PerfScriptSyntax.equals(line, dso, "[unknown]") {
        append(line, PerfScriptSyntax.baseName(line, dso), to: scratch)
      } else {
        append("unknown", to: scratch)
        takesSourceLine = false
      }
      if options.includeAddresses {
        append(" <", to: scratch)
        append(line, address, to: scratch)
        scratch.append(UInt8(ascii: ">"))
      }
      scratch.append(UInt8(ascii: "]"))
      PerfScriptSymbol.appendTidied(
        scratch.base, 0..<scratch.count, javaProcess: javaProcess, to: names)
    } else {
      PerfScriptSymbol.appendTidied(line, function, javaProcess: javaProcess, to: names)
    }
    let name = start..<names.count
    var annotation: FrameAnnotation?
    if isChained {
      if !PerfScriptSyntax.contains(names.base, name, "_[i]") { annotation = .inlined }
    } else if let dso {
      if PerfScriptSyntax.equals(line, dso, "inlined") {
        annotation = .inlined  // perf script --inline
      } else if options.annotateKernel && PerfScriptSyntax.isKernel(line, dso) {
        annotation = .kernel
      } else if options.annotateJIT && PerfScriptSyntax.isJITMap(line, dso)
        && !PerfScriptSyntax.contains(names.base, name, "_[j]")
      {
        annotation = .jit
      }
    }
    pending.append(
      PendingFrame(name: name, annotation: annotation, takesSourceLine: takesSourceLine))
  }

  /// The frames one stack line gives, outermost first, with their DSO's
  /// base name as module; nil when the line is not a stack line.
  mutating func frames(
    ofStackLine line: UnsafePointer<UInt8>, _ length: Int, javaProcess: Bool
  ) -> [ImportedFrame]? {
    guard let frame = PerfScriptStackLine(line, length) else { return nil }
    self.javaProcess = javaProcess
    addFrames(frame, line)
    let module = frame.dso.map { string(line, PerfScriptSyntax.baseName(line, $0)) }
    let frames = pending.map {
      ImportedFrame(name: string(names.base, $0.name), module: module, annotation: $0.annotation)
    }
    pending.removeAll()
    names.removeAll()
    return frames
  }

  /// Reads a `perf script -F +srcline` line (`  parse.c:120`,
  /// `  libc.so.6[27b25]` when perf knows no line, ` (inlined)` after it
  /// for an inlined frame) into the next pending frame that takes one.
  /// False when no frame does.
  private mutating func readSourceLine(_ line: UnsafePointer<UInt8>, _ length: Int) -> Bool {
    var target = nextSourceFrame
    while target < pending.count && !pending[target].takesSourceLine { target += 1 }
    guard target < pending.count else { return false }
    nextSourceFrame = target + 1
    var start = 0
    while start < length && PerfScriptSyntax.isSpace(line[start]) { start += 1 }
    var end = length
    if PerfScriptSyntax.hasSuffix(line, start..<end, " (inlined)") {
      end -= 10
      pending[target].annotation = .inlined
      while end > start && PerfScriptSyntax.isSpace(line[end - 1]) { end -= 1 }
    }
    // `dso[offset]`: perf knows no line.
    if PerfScriptSyntax.contains(line, start..<end, "[") { return true }
    var colon = end
    while colon > start && line[colon - 1] != UInt8(ascii: ":") { colon -= 1 }
    guard colon > start, colon < end else { return false }
    var number = 0
    for index in colon..<end {
      guard PerfScriptSyntax.isDigit(line[index]) else { return false }
      if number < 1_000_000_000 { number = number * 10 + Int(line[index] &- 0x30) }
    }
    let file = start..<(colon - 1)
    // `??:0` and `:0`: perf found no line either.
    guard options.useSourceLines, number > 0, number < 1_000_000_000, !file.isEmpty,
      !PerfScriptSyntax.equals(line, file, "??")
    else { return true }
    let fileStart = names.count
    append(line, file, to: names)
    pending[target].file = fileStart..<names.count
    pending[target].line = number
    return true
  }

  /// Interns the pending frames and adds them to the sample, leaf first.
  private mutating func flushPending() {
    guard !pending.isEmpty else { return }
    // A chain `a->b->c` is written root first: its leaf is the last part.
    var index = pending.count
    while index > 0 {
      index -= 1
      leafFirst.append(intern(pending[index]))
    }
    pending.removeAll(keepingCapacity: true)
    names.removeAll()
    nextSourceFrame = 0
  }

  /// The id of a pending frame under its ``ImportedFrame/displayName``:
  /// `name`, `name (file:line)`, then the annotation's suffix.
  @inline(__always)
  private func intern(_ frame: PendingFrame) -> FrameID {
    guard frame.file != nil || frame.annotation != nil else {
      return builder.intern(names.base + frame.name.lowerBound, frame.name.count)
    }
    scratch.removeAll()
    append(names.base, frame.name, to: scratch)
    if let file = frame.file {
      append(" (", to: scratch)
      append(names.base, file, to: scratch)
      scratch.append(UInt8(ascii: ":"))
      appendDecimal(frame.line, to: scratch)
      scratch.append(UInt8(ascii: ")"))
    }
    if let annotation = frame.annotation {
      for byte in annotation.suffix.utf8 { scratch.append(byte) }
    }
    var isNew = false
    let id = builder.intern(scratch.base, scratch.count, isNew: &isNew)
    if isNew, let file = frame.file {
      let location = FrameLocation(
        function: string(names.base, frame.name), file: string(names.base, file),
        line: frame.line)
      builder.recordLocation(location, of: id)
    }
    return id
  }

  // MARK: Bytes

  @inline(__always)
  private func append(
    _ bytes: UnsafePointer<UInt8>, _ range: Range<Int>, to output: RawColumn<UInt8>
  ) {
    output.append(contentsOf: bytes + range.lowerBound, count: range.count)
  }

  private func append(_ text: StaticString, to output: RawColumn<UInt8>) {
    for offset in 0..<text.utf8CodeUnitCount { output.append(text.utf8Start[offset]) }
  }

  private func appendDecimal(_ value: Int, to output: RawColumn<UInt8>) {
    var digits: [UInt8] = []
    var rest = value
    repeat {
      digits.append(UInt8(truncatingIfNeeded: 0x30 + rest % 10))
      rest /= 10
    } while rest > 0
    for digit in digits.reversed() { output.append(digit) }
  }

  private func string(_ bytes: UnsafePointer<UInt8>, _ range: Range<Int>) -> String {
    String(
      decoding: UnsafeBufferPointer(start: bytes + range.lowerBound, count: range.count),
      as: UTF8.self)
  }
}

extension ParseDiagnostics.Problem {
  /// A `perf script` stack line with no event header before it.
  static let frameOutsideSample = Self("a stack line with no event header before it")
  /// A `perf script` line that is no header, stack line or source line.
  static let unknownLine = Self(
    "not a perf script event header (`comm pid time: event:`), stack line or source line")
}
