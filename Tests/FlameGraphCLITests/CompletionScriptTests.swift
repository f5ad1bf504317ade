import FlameGraphTestSupport
import Foundation
import Testing

/// The completion scripts asked of the shells themselves, as a user
/// pressing tab would: `report` as a first word, the report's own options
/// after it, files for inputs and `-o`, and no `help` subcommand.
@Suite struct CompletionScriptTests {
  static func installed(_ shell: String) -> Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/" + shell)
  }

  static func script(_ shell: String) throws -> String {
    let result = try CommandRunner.run(["--generate-completion-script", shell])
    #expect(result.status == 0)
    return String(decoding: result.standardOutput, as: UTF8.self)
  }

  /// A folder with a profile, a PDF and a folder, to complete names in.
  static func workingFolder() throws -> URL {
    let directory = try CommandRunner.temporaryDirectory()
    for name in ["in.folded", "old.pdf"] {
      try Data().write(to: directory.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: directory.appendingPathComponent("sources"), withIntermediateDirectories: false)
    return directory
  }

  /// The output of `shell -c command` run in `directory`.
  static func run(_ shell: String, _ command: String, in directory: URL) throws -> String {
    let result = try ToolOutput.run([shell, "-c", command], in: directory)
    #expect(result.status == 0, "\(shell) -c \(command)")
    return result.output
  }

  /// What each command line (the last word being completed) completes to.
  static let expectations: [(line: String, offers: [String], withholds: [String])] = [
    ("flamegraph ", ["report", "in.folded", "old.pdf"], ["help"]),
    ("flamegraph rep", ["report"], []),
    ("flamegraph he", [], ["help"]),
    ("flamegraph in.folded rep", [], ["report"]),
    ("flamegraph --wid", ["--width"], []),
    ("flamegraph report --hot", ["--hot-paths"], []),
    ("flamegraph report --wid", [], ["--width"]),
    ("flamegraph report --ver", [], ["--version"]),
    ("flamegraph report ", ["in.folded", "old.pdf"], ["report", "help"]),
    ("flamegraph report in.folded -o ", ["in.folded", "old.pdf"], []),
    ("flamegraph report --paper ", ["a4", "letter"], []),
    ("flamegraph report --source-path ", ["sources"], ["in.folded"]),
  ]

  @Test func bashCompletesTheReportAfterItsWord() throws {
    let directory = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = directory.appendingPathComponent("flamegraph.bash")
    try Self.script("bash").write(to: script, atomically: true, encoding: .utf8)
    for (line, offers, withholds) in Self.expectations {
      // What bash sets before it calls the completion function.
      let words = line.split(separator: " ", omittingEmptySubsequences: false)
      let quoted = words.map { "'\($0)'" }.joined(separator: " ")
      let command = """
        source '\(script.path)'
        COMP_WORDS=(\(quoted)); COMP_CWORD=\(words.count - 1)
        COMP_LINE='\(line)'; COMP_POINT=${#COMP_LINE}
        _flamegraph flamegraph "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
        printf '%s\\n' "${COMPREPLY[@]}"
        """
      let offered = Set(try Self.run("bash", command, in: directory).split(separator: "\n"))
      for word in offers { #expect(offered.contains(Substring(word)), "\(line): \(offered)") }
      for word in withholds { #expect(!offered.contains(Substring(word)), "\(line): \(offered)") }
    }
  }

  @Test(.enabled(if: installed("fish"), "fish is not installed"))
  func fishCompletesTheReportAfterItsWord() throws {
    let directory = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = directory.appendingPathComponent("flamegraph.fish")
    try Self.script("fish").write(to: script, atomically: true, encoding: .utf8)
    for (line, offers, withholds) in Self.expectations {
      let output = try Self.run(
        "fish", "source '\(script.path)'; complete -C '\(line)'", in: directory)
      // Each line is a completion, then a tab and its description; folders end in `/`.
      let offered = Set(
        output.split(separator: "\n").map {
          String($0.prefix { $0 != "\t" }).replacing(/\/$/, with: "")
        })
      for word in offers { #expect(offered.contains(word), "\(line): \(offered)") }
      for word in withholds { #expect(!offered.contains(word), "\(line): \(offered)") }
    }
  }

  /// Types each line into an interactive zsh (through zsh/zpty) and
  /// presses tab, with tab bound to listing the completions; prints each
  /// listing after a `=== LINE` header.
  static let zshTyping = #"""
    zmodload zsh/zpty
    script=$1; shift
    zpty comp zsh -f -i
    # Each line is typed at a prompt, `PR>` (written `P%{%}R>` so that the
    # echo of the command that sets it does not match).
    zpty -w comp "PS1='P%{%}R>'; autoload -Uz compinit; compinit -u -D; source '$script'; zstyle ':completion:*' list-prompt ''; bindkey '^I' list-choices"
    zpty -r comp out '*PR>*'
    for line in "$@"; do
      zpty -n -w comp "$line"$'\t'
      zpty -w comp $'\C-u'"print -r -- EN''D"
      zpty -r comp out '*END*'
      print -r -- "=== $line"
      print -r -- "$out"
      zpty -r comp out '*PR>*'
    done
    zpty -d comp
    """#

  @Test(.enabled(if: installed("zsh"), "zsh is not installed"))
  func zshCompletesTheReportAfterItsWord() throws {
    let directory = try Self.workingFolder()
    defer { try? FileManager.default.removeItem(at: directory) }
    let script = directory.appendingPathComponent("_flamegraph")
    try Self.script("zsh").write(to: script, atomically: true, encoding: .utf8)
    let typing = directory.appendingPathComponent("typing.zsh")
    try Self.zshTyping.write(to: typing, atomically: true, encoding: .utf8)
    let lines = Self.expectations.map(\.line)
    let quoted = lines.map { "'\($0)'" }.joined(separator: " ")
    let output = try Self.run(
      "zsh", "/usr/bin/timeout 60 zsh '\(typing.path)' '\(script.path)' \(quoted)", in: directory)
    let listings = Self.zshListings(output)
    for (line, offers, withholds) in Self.expectations {
      let offered = try #require(listings[line], "\(line): \(output)")
      for word in offers { #expect(offered.contains(word), "\(line): \(offered)") }
      for word in withholds { #expect(!offered.contains(word), "\(line): \(offered)") }
    }
  }

  /// The words zsh listed for each line: the terminal's escapes dropped,
  /// the line as typed and redrawn dropped, descriptions (after ` -- `) and
  /// group headers dropped, folders without their `/`.
  static func zshListings(_ output: String) -> [String: Set<String>] {
    let plain = terminalText(output)
    var listings: [String: Set<String>] = [:]
    for block in plain.split(separator: "=== ") {
      let rows = block.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
      guard let line = rows.first else { continue }
      let typed = line.trimmingCharacters(in: .whitespaces)
      var words: Set<String> = []
      // The listing follows the line as typed, and ends before the next command.
      for row in rows.dropFirst() where !row.contains("print -r -- EN''D") && row != "END" {
        var row = row
        if let echo = row.range(of: typed, options: .backwards) { row.removeSubrange(echo) }
        if let description = row.range(of: " -- ") { row = String(row[..<description.lowerBound]) }
        for word in row.split(separator: " ") where !word.hasPrefix("<") && !word.hasPrefix("#") {
          words.insert(word.hasSuffix("/") ? String(word.dropLast()) : String(word))
        }
      }
      listings[line] = words
    }
    return listings
  }

  /// The text a terminal would show, roughly: without carriage returns,
  /// bells, backspaces and `ESC [ ... letter` sequences. Bytes, because
  /// "\r\n" is one Character to Swift.
  static func terminalText(_ output: String) -> String {
    var bytes: [UInt8] = []
    var escape = false
    var index = output.utf8.startIndex
    while index != output.utf8.endIndex {
      let byte = output.utf8[index]
      index = output.utf8.index(after: index)
      if escape {
        // The sequence ends at its letter.
        if (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { escape = false }
        continue
      }
      switch byte {
      case 0x1B:
        escape = index != output.utf8.endIndex && output.utf8[index] == UInt8(ascii: "[")
        if escape { index = output.utf8.index(after: index) }
      case 0x0D, 0x07, 0x08: continue
      default: bytes.append(byte)
      }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
