import Foundation
import Testing

@testable import FlameGraphCLI

/// Names from a profile reach stderr in warnings; control characters in
/// them must never reach the terminal.
@Suite struct TerminalSafetyTests {
  @Test func controlCharactersAreEscaped() {
    #expect(StandardError.escaped("a\u{1B}[2Jb") == "a\\u{1B}[2Jb")
    #expect(StandardError.escaped("line\nforged") == "line\\nforged")
    #expect(StandardError.escaped("x\u{9B}31m\u{7F}") == "x\\u{9B}31m\\u{7F}")
    #expect(StandardError.escaped("abc\u{202E}fed") == "abc\\u{202E}fed")
    #expect(StandardError.escaped("plain é ü 日本 🔥") == "plain é ü 日本 🔥")
  }

  @Test func aWarningNamingAHostileFrameHasNoEscapeCharacter() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A malformed line is quoted by place only, but a missing source file
    // is named: give it a terminal escape sequence.
    let input = Data("main;\u{1B}[2J\u{1B}[31m\u{07}evil.py:3 (f) 5\nnot a count x\n".utf8)
    let result = try CommandRunner.run(
      ["--source-path", directory.path, "--format", "json"], input: input, in: directory)

    #expect(result.status == 0)
    #expect(!result.standardError.isEmpty)
    #expect(!result.standardError.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    #expect(!result.standardError.contains("\u{1B}"))
    #expect(result.standardError.contains("evil.py"))
  }
}
