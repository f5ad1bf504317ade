import FlameGraphTestSupport
import Testing

@testable import FlameGraph

@Suite("Parsing folded stacks held in memory")
struct FoldedStackParserTests {
  @Test func mergesStacksByCallPath() throws {
    let profile = try Profile(folded: "main;parse;read 120\nmain;render 80\nmain;parse 5\n")

    #expect(profile.totalSamples == 205)
    #expect(profile.total(at: "main") == 205)
    #expect(profile.total(at: "main;parse") == 125)
    #expect(profile.total(at: "main;parse;read") == 120)
    #expect(profile.total(at: "main;render") == 80)
    #expect(profile.name(of: profile.tree.root) == "all")
  }

  @Test func countIsTheLastFieldSoFramesMayContainSpaces() throws {
    let profile = try Profile(
      folded: "[kernel.kallsyms] do_syscall_64;func (file.py:12) 7\n")

    #expect(profile.totalSamples == 7)
    #expect(profile.total(at: "[kernel.kallsyms] do_syscall_64;func (file.py:12)") == 7)
    #expect(profile.childNames(of: profile.tree.root) == ["[kernel.kallsyms] do_syscall_64"])
  }

  @Test func tabsSeparateTheCountToo() throws {
    let profile = try Profile(folded: "main;work\t4\n")
    #expect(profile.total(at: "main;work") == 4)
  }

  @Test func fractionalCountsAddUp() throws {
    let profile = try Profile(folded: "a;b 1.5\na;b 2.25\na .25\n")

    #expect(profile.total(at: "a;b") == 3.75)
    #expect(profile.totalSamples == 4)
  }

  @Test func countsBeyondEighteenDigitsStillParse() throws {
    // Too long for the UInt64 fast path: parsed as a Double instead.
    let profile = try Profile(folded: "a 12345678901234567890\n")
    #expect(profile.totalSamples == 12_345_678_901_234_567_890)
  }

  @Test func twoCountsMakeADifferentialProfile() throws {
    let profile = try Profile(folded: "main;grew 3 5\nmain;shrank 4 1\n")
    let tree = profile.tree

    #expect(profile.isDifferential)
    // The second count is the profile shown; the first is "before".
    #expect(profile.totalSamples == 6)
    #expect(tree.beforeTotal(of: tree.root) == 7)
    let grew = try #require(profile.node(at: "main;grew"))
    #expect(tree.total(of: grew) == 5)
    #expect(tree.beforeTotal(of: grew) == 3)
    let shrank = try #require(profile.node(at: "main;shrank"))
    #expect(tree.total(of: shrank) == 1)
    #expect(tree.beforeTotal(of: shrank) == 4)
  }

  @Test func singleCountLinesInADifferentialProfileAreUnchanged() throws {
    // Lines before and after the first pair count the same in both profiles.
    let profile = try Profile(folded: "main;old 4\nmain;new 1 2\nmain;late 3\n")
    let tree = profile.tree

    #expect(tree.beforeTotal(of: tree.root) == 4 + 1 + 3)
    #expect(profile.totalSamples == 4 + 2 + 3)
    let old = try #require(profile.node(at: "main;old"))
    #expect(tree.beforeTotal(of: old) == tree.total(of: old))
    let late = try #require(profile.node(at: "main;late"))
    #expect(tree.beforeTotal(of: late) == 3)
  }

  @Test func beforeTotalEqualsTotalWhenNotDifferential() throws {
    let profile = try Profile(folded: "main;a 2\nmain;b 3\n")
    let tree = profile.tree

    #expect(!profile.isDifferential)
    for node in 0..<NodeID(tree.nodeCount) {
      #expect(tree.beforeTotal(of: node) == tree.total(of: node))
    }
  }

  @Test func aLineWithOnlyACountAddsToTheRoot() throws {
    // py-spy writes idle samples as a count with no frames.
    let profile = try Profile(folded: "main;work 2\n 5\n")
    let tree = profile.tree

    #expect(profile.totalSamples == 7)
    #expect(tree.selfCounts()[Int(tree.root)] == 5)
    #expect(profile.childNames(of: tree.root) == ["main"])
    #expect(profile.diagnostics.validLineCount == 2)
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func carriageReturnsAndTrailingWhitespaceAreIgnored() throws {
    let profile = try Profile(folded: "main;a 3\r\nmain;b 4 \t \r\nmain;a 1\t\n")

    #expect(profile.totalsByPath == ["main": 8, "main;a": 4, "main;b": 4])
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func blankLinesAreNotMalformed() throws {
    let profile = try Profile(folded: "\n\nmain 1\n   \n\t\r\n\nmain 2\n\n")

    #expect(profile.totalSamples == 3)
    #expect(profile.diagnostics.validLineCount == 2)
    #expect(profile.diagnostics.malformedLineCount == 0)
  }

  @Test func theLastLineNeedsNoNewline() throws {
    let profile = try Profile(folded: "main;a 1\nmain;b 2")
    #expect(profile.total(at: "main;b") == 2)
    #expect(profile.totalSamples == 3)
  }

  @Test func mergingDoesNotDependOnLineOrder() throws {
    var random = SeededRandom(seed: 42)
    let names = ["main", "parse", "lex", "render", "draw", "alloc"]
    var lines: [(stack: [String], count: Double)] = []
    for _ in 0..<400 {
      let depth = Int.random(in: 1...6, using: &random)
      let stack = (0..<depth).map { _ in names.randomElement(using: &random)! }
      lines.append((stack, Double(Int.random(in: 1...1000, using: &random))))
    }
    func folded(_ lines: [(stack: [String], count: Double)]) -> String {
      lines.map { "\($0.stack.joined(separator: ";")) \(Int($0.count))\n" }.joined()
    }

    let inOrder = try Profile(folded: folded(lines))
    let shuffled = try Profile(folded: folded(lines.shuffled(using: &random)))

    // Integer counts add up exactly in any order.
    #expect(inOrder.totalsByPath == expectedTotals(of: lines))
    #expect(shuffled.totalsByPath == inOrder.totalsByPath)
  }

  @Test func theParserCanBeDrivenDirectly() {
    var parser = FoldedStackParser(builder: CallTreeBuilder())
    parser.parse(contentsOf: Array("main;work 3\nbroken\n".utf8), source: "inline")
    let profile = parser.finish()

    #expect(profile.total(at: "main;work") == 3)
    #expect(profile.diagnostics.validLineCount == 1)
    #expect(
      profile.diagnostics.firstMalformedLines == [
        .init(source: "inline", line: 2, problem: .missingCount)
      ])
  }

  @Test func factorScalesEveryCount() throws {
    var options = Options()
    options.factor = 0.5
    let profile = try Profile(folded: "main;a 3\nmain;b 1 5\n", options: options)

    #expect(profile.total(at: "main;a") == 1.5)
    #expect(profile.totalSamples == 4)
    #expect(profile.tree.beforeTotal(of: profile.tree.root) == 2)
  }
}

@Suite("Malformed folded lines")
struct ParseDiagnosticsTests {
  @Test(
    arguments: [
      ("a;b", ParseDiagnostics.Problem.missingCount),
      ("foo bar", .missingCount),
      ("a 12x", .invalidCount),
      ("a 1.2.3", .invalidCount),
      ("a .", .invalidCount),
      ("a -3", .negativeCount),
      ("a -1 3", .negativeCount),
    ])
  func aMalformedLineIsSkippedAndExplained(line: String, problem: ParseDiagnostics.Problem) throws {
    let profile = try Profile(folded: "good 1\n\(line)\ngood 2\n")

    #expect(profile.totalSamples == 3)
    #expect(profile.diagnostics.validLineCount == 2)
    #expect(profile.diagnostics.malformedLineCount == 1)
    #expect(
      profile.diagnostics.firstMalformedLines == [
        .init(source: "input", line: 2, problem: problem)
      ])
  }

  @Test func lineNumbersCountBlankLines() throws {
    let profile = try Profile(folded: "a 1\n\n\nbroken\n")
    #expect(profile.diagnostics.firstMalformedLines.map(\.line) == [4])
  }

  @Test func onlyTheFirstFiveAreRememberedButAllAreCounted() throws {
    let text = "ok 1\n" + (1...8).map { "bad\($0)\n" }.joined()
    let profile = try Profile(folded: text)
    let diagnostics = profile.diagnostics

    #expect(diagnostics.malformedLineCount == 8)
    #expect(diagnostics.firstMalformedLines.count == ParseDiagnostics.rememberedLineLimit)
    #expect(diagnostics.firstMalformedLines.map(\.line) == [2, 3, 4, 5, 6])
    // The summary says there were more than it lists.
    let summary = try #require(diagnostics.summary)
    #expect(
      summary.hasPrefix("skipped 8 malformed lines (input:2: no count at the end of the line;"))
    #expect(summary.hasSuffix("; ...)"))
  }

  @Test func aSingleSkippedLineIsSummarizedInTheSingular() throws {
    let profile = try Profile(folded: "a 1\nb -2\n")
    #expect(
      profile.diagnostics.summary == "skipped 1 malformed line (input:2: the count is negative)")
  }

  @Test func aCleanInputHasNoSummary() throws {
    let profile = try Profile(folded: "a 1\n")
    #expect(profile.diagnostics.summary == nil)
  }

  @Test func strictParsingTurnsMalformedLinesIntoAnError() throws {
    var options = Options()
    options.strict = true

    let error = #expect(throws: InputError.self) {
      try Profile(folded: "a 1\na 12x\n", options: options)
    }
    guard case .malformedLines(let diagnostics) = error else {
      Issue.record("expected .malformedLines, got \(String(describing: error))")
      return
    }
    #expect(diagnostics.malformedLineCount == 1)
    #expect(diagnostics.firstMalformedLines.first?.problem == .invalidCount)
    // Strict parsing of a clean input succeeds.
    #expect(try Profile(folded: "a 1\n", options: options).totalSamples == 1)
  }

  @Test func emptyInputHasNoValidLines() {
    #expect(throws: InputError.noValidLines(ParseDiagnostics())) {
      try Profile(folded: "")
    }
    #expect(throws: InputError.noValidLines(ParseDiagnostics())) {
      try Profile(folded: "\n  \n\r\n")
    }
  }

  @Test func inputWithOnlyMalformedLinesHasNoValidLines() {
    let error = #expect(throws: InputError.self) {
      try Profile(folded: "no count here\nnor;here\n")
    }
    guard case .noValidLines(let diagnostics) = error else {
      Issue.record("expected .noValidLines, got \(String(describing: error))")
      return
    }
    #expect(diagnostics.malformedLineCount == 2)
    #expect(diagnostics.validLineCount == 0)
  }

  @Test func allZeroCountsHaveNothingToDraw() {
    #expect(throws: InputError.zeroTotal) {
      try Profile(folded: "a 0\na;b 0.0\n")
    }
  }

  @Test func errorMessagesSayWhatToDo() {
    var diagnostics = ParseDiagnostics()
    diagnostics.recordMalformed(source: "x.folded", line: 3, problem: .negativeCount)

    #expect(
      InputError.malformedLines(diagnostics).description
        == "skipped 1 malformed line (x.folded:3: the count is negative); drop --strict to skip such lines"
    )
    #expect(InputError.noValidLines(diagnostics).description.contains("main;work 42"))
    #expect(InputError.unreadable(path: "p", reason: "r").description == "cannot read p: r")
  }
}

/// The differential field's bounded scan against the scan of the whole
/// last field it replaces.
@Suite("Finding a line's first count")
struct CountFieldScanTests {
  /// What the parser makes of the field that starts at `start`: a count
  /// (or a refusal), or nothing when it is no count at all.
  static func reading(_ line: [UInt8], _ start: Int?) -> String {
    guard let start else { return "none" }
    return line.withUnsafeBufferPointer { buffer in
      switch CountParser.parse(buffer.baseAddress! + start, line.count - start) {
      case .value(let value): return "value \(value) at \(start)"
      case .negative: return "negative at \(start)"
      case .tooLarge: return "too large at \(start)"
      case .invalid: return "none"
      }
    }
  }

  /// The scan it replaces: back to the last whitespace, whatever the bytes.
  static func lastFieldStart(_ line: [UInt8]) -> Int? {
    let whitespace: Set<UInt8> = [0x20, 0x09, 0x0D]
    return line.lastIndex(where: whitespace.contains).map { $0 + 1 }
  }

  @Test func theBoundedScanReadsWhatTheWholeFieldScanReads() {
    var random = SeededRandom(seed: 17)
    let pieces = [
      "main", ";", "a b", " ", "\t", "12", "-3", "1.5", ".5", "5-", "..", "-", "x-5", "7e3", "3",
      "fn<T>", "9;8", String(repeating: "9", count: 320),
    ]
    let parser = FoldedStackParser(builder: CallTreeBuilder())
    var compared = 0
    for _ in 0..<20_000 {
      var text = (0..<Int.random(in: 1...6, using: &random)).map { _ in
        pieces.randomElement(using: &random)!
      }.joined()
      while let last = text.last, last == " " || last == "\t" { text.removeLast() }
      let line = Array(text.utf8)
      guard !line.isEmpty else { continue }
      let fast = line.withUnsafeBufferPointer { buffer in
        parser.countFieldStart(buffer.baseAddress!, line.count)
      }
      let simple = Self.lastFieldStart(line)
      #expect(Self.reading(line, fast) == Self.reading(line, simple), "\(text)")
      compared += 1
    }
    #expect(compared > 19_000)
  }
}
