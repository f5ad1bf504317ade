import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraph

/// Patterns that make backtracking engines run for minutes answer at once,
/// and the syntax agrees with JavaScript's on everything it accepts.
@Suite("Regular expressions in linear time")
struct LinearRegexTests {
  struct SharedCase: Decodable, CustomTestStringConvertible {
    var pattern: String
    var text: String
    var matches: Bool?
    var testDescription: String { "/\(pattern)/ on \"\(text.prefix(24))\"" }
  }

  struct SharedCases: Decodable { var cases: [SharedCase] }

  /// The cases the viewer's JavaScript matcher is checked against too.
  static let sharedCases: [SharedCase] = {
    let url = repositoryRoot().appendingPathComponent("Tests/Shared/linear-regex-cases.json")
    let data = (try? Data(contentsOf: url)) ?? Data()
    return (try? JSONDecoder().decode(SharedCases.self, from: data).cases) ?? []
  }()

  @Test func theSharedCasesAreThere() {
    #expect(Self.sharedCases.count > 50)
  }

  @Test(arguments: sharedCases)
  func sharedCase(_ example: SharedCase) {
    do {
      let regex = try LinearRegex(example.pattern)
      #expect(regex.matches(example.text) == example.matches)
    } catch {
      #expect(example.matches == nil, "refused: \(error)")
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func nestedRepetitionsOnLongTextsAnswerAtOnce() throws {
    let long = String(repeating: "a", count: 20_000)
    #expect(try LinearRegex("(a+)+$").matches(long + "!") == false)
    #expect(try LinearRegex("(a|aa)*b").matches(long) == false)
    #expect(try LinearRegex("^(a*)*$").matches(long + "b") == false)
    #expect(try LinearRegex("(.*a){50}!").matches(long) == false)
    #expect(try LinearRegex("(a+)+$").matches(long) == true)
  }

  @Test func refusedPatternsSayWhatAndWhere() {
    #expect(throws: LinearRegexError(offset: 3, message: "backreferences are not supported")) {
      try LinearRegex("(a)\\1")
    }
    #expect(
      throws: LinearRegexError(offset: 0, message: "lookahead and lookbehind are not supported")
    ) {
      try LinearRegex("(?=a)")
    }
    do {
      _ = try LinearRegex("((a{1000}){1000})")
      Issue.record("a pattern of a million steps compiled")
    } catch {
      #expect(error.message.contains("too large"))
    }
  }

  @Test func deepNestingIsRefusedNotAStackOverflow() {
    let deep = String(repeating: "(", count: 100_000) + "a" + String(repeating: ")", count: 100_000)
    #expect(throws: LinearRegexError.self) { try LinearRegex(deep) }
  }

  /// Random small patterns of the common subset, checked against Swift's
  /// own (backtracking) Regex on short texts, where it is fast.
  @Test func agreesWithSwiftRegexOnRandomPatterns() throws {
    var random = SeededRandom(seed: 20_261_201)
    var compared = 0
    for _ in 0..<1500 {
      let pattern = Self.randomPattern(depth: 0, using: &random)
      guard let reference = try? Regex(pattern) else { continue }
      let ours = try LinearRegex(pattern)
      for _ in 0..<6 {
        let length = Int.random(in: 0...7, using: &random)
        let text = String((0..<length).map { _ in "ab1_ ".randomElement(using: &random)! })
        let expected = (try? reference.firstMatch(in: text)) != nil
        #expect(ours.matches(text) == expected, "/\(pattern)/ on \"\(text)\"")
        compared += 1
      }
    }
    #expect(compared > 5000)
  }

  static func randomPattern(depth: Int, using random: inout SeededRandom) -> String {
    let atoms = ["a", "b", "1", ".", "[ab]", "[^a]", "\\d", "\\w", "\\s", "_", "[a-b1]"]
    var pattern = ""
    if Int.random(in: 0..<6, using: &random) == 0 { pattern += "^" }
    for _ in 0..<Int.random(in: 1...4, using: &random) {
      var atom: String
      if depth < 2 && Int.random(in: 0..<4, using: &random) == 0 {
        let alternatives = (0..<Int.random(in: 1...3, using: &random)).map { _ in
          randomPattern(depth: depth + 1, using: &random)
        }
        atom = "(" + alternatives.joined(separator: "|") + ")"
      } else {
        atom = atoms.randomElement(using: &random)!
      }
      let quantifiers = ["", "", "", "*", "+", "?", "{2}", "{1,2}", "{0,}", "*?"]
      atom += quantifiers.randomElement(using: &random)!
      pattern += atom
    }
    if Int.random(in: 0..<6, using: &random) == 0 { pattern += "$" }
    return pattern
  }
}

@Suite("Category rules cannot hang")
struct CategoryRulesTimeTests {
  @Test(.timeLimit(.minutes(1)))
  func aCatastrophicRuleOnLongNamesAnswersAtOnce() throws {
    let rules = try CategoryRules(
      parsing: """
        /(a+)+$/ -> Suspicious
        /^(x+x+)+y/ -> Also suspicious
        main -> Main
        """)
    // 30 characters took over a minute with a backtracking matcher.
    for length in [20, 30, 10_000] {
      let name = String(repeating: "a", count: length) + "!"
      let facts = CategoryRules.FrameFacts(name: name, annotation: nil, location: nil)
      #expect(rules.categories[rules.category(of: facts)].name == "Other")
    }
    let facts = CategoryRules.FrameFacts(
      name: String(repeating: "x", count: 5000) + "main", annotation: nil, location: nil)
    #expect(rules.categories[rules.category(of: facts)].name == "Main")
  }

  @Test func aRuleWithABackreferenceIsRefusedWithItsLine() {
    do {
      _ = try CategoryRules(parsing: "numpy -> Libraries\n/(a)\\1/ -> Twice\n")
      Issue.record("a backreference was accepted")
    } catch let error as CategoryRulesError {
      #expect(error.line == 2)
      #expect(error.message.contains("backreferences are not supported"))
    } catch {
      Issue.record("unexpected \(error)")
    }
  }
}
