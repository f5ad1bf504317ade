import FlameGraphTestSupport
import Foundation
import Testing

@testable import FlameGraph

/// The abbreviator, rewritten over buffers, gives the ladders of the
/// first, simple implementation (``ReferenceLabelAbbreviator``) on random
/// names of every syntax and on every name of the bundled profiles, except
/// where a rule was changed on purpose since (``rulesChanged(for:)``).
@Suite("The abbreviator agrees with its simple reference")
struct LabelAbbreviatorReferenceTests {
  /// Whether the rules read `name` differently from the reference on
  /// purpose: C++ operators and `{...}` groups with brackets, colons or
  /// spaces inside, qualifiers of a function inside a path, dollars that
  /// are not all legacy Rust escapes, a space in the type of a legacy
  /// `<Type as Trait>`, short Rust hashes and GCC clone suffixes.
  static func rulesChanged(for name: String) -> Bool {
    if name.contains("operator") { return true }
    if name.range(of: #"\{[^{}]*[<>() :][^{}]*\}"#, options: .regularExpression) != nil {
      return true
    }
    if name.range(of: #"\)( (const|volatile))+::"#, options: .regularExpression) != nil {
      return true
    }
    if name.contains("$") {
      let escape = #"\$(LT|GT|LP|RP|RF|BP|C|SP|u[0-9a-f]{1,3})\$"#
      let withoutEscapes = name.replacingOccurrences(
        of: escape, with: "", options: .regularExpression)
      let hasPath = withoutEscapes.contains("::") || withoutEscapes.contains("..")
      if withoutEscapes.contains("$") || !hasPath { return true }
      if name.replacingOccurrences(of: "$u20$as$u20$", with: "").contains("$u20$") { return true }
    }
    if name.range(of: #"::h[0-9a-f]{5,15}$"#, options: .regularExpression) != nil { return true }
    let clone = #"(\.(isra|constprop|part|lto_priv|llvm|clone|cold)\.[0-9]+|\.cold|\.localalias)+$"#
    return name.range(of: clone, options: .regularExpression) != nil
  }

  static func expectSameLadder(_ name: String) {
    let ladder = LabelAbbreviator.ladder(for: name)
    let reference = ReferenceLabelAbbreviator.ladder(for: name)
    #expect(ladder == reference, "\(name)")
  }

  @Test func randomNamesOfEverySyntax() {
    var random = SeededRandom(seed: 2024)
    var compared = 0
    var generated = 0
    var bySyntax: [String: Int] = [:]
    for _ in 0..<20_000 {
      let (syntax, name) = RandomFrameName.next(using: &random)
      generated += 1
      guard !Self.rulesChanged(for: name) else { continue }
      Self.expectSameLadder(name)
      compared += 1
      bySyntax[syntax, default: 0] += 1
    }
    #expect(compared > generated * 3 / 4, "\(compared) of \(generated)")
    for syntax in RandomFrameName.syntaxes {
      #expect(bySyntax[syntax, default: 0] > 300, "\(syntax): \(bySyntax[syntax, default: 0])")
    }
  }

  /// Random strings of the characters the rules look at: the corners of
  /// the reference's behaviour (unbalanced groups, stray colons, arrows).
  @Test func randomPunctuation() {
    var random = SeededRandom(seed: 7)
    let alphabet = Array("::::<<>>(())[]{}  ..//$-_aAbz09h")
    var compared = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 2...24, using: &random)
      let name = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
      guard !Self.rulesChanged(for: name) else { continue }
      Self.expectSameLadder(name)
      compared += 1
    }
    #expect(compared > 10_000)
  }

  /// py-spy's syntax read over code units, as ``FrameNameSyntax/pySpy``
  /// reads it over characters, on random ASCII names near that syntax.
  @Test func pySpyNamesReadOverUnitsAsOverCharacters() {
    var random = SeededRandom(seed: 11)
    let alphabet = Array("()()  ::<>/.a_z0912\r\n")
    var pySpy = 0
    for _ in 0..<20_000 {
      let length = Int.random(in: 2...16, using: &random)
      var name = String((0..<length).map { _ in alphabet.randomElement(using: &random)! })
      if Bool.random(using: &random) { name = "f (" + name + ":\(length))" }
      let units = Array(name.utf16)
      let expected = FrameNameSyntax.pySpy.parse(name) != nil
      let read = units.withUnsafeBufferPointer { LabelAbbreviator.readsAsPySpy($0) }
      #expect(read == expected, "\(name.debugDescription)")
      if expected { pySpy += 1 }
    }
    #expect(pySpy > 1_000)
  }

  static let profiles = [
    "Goldens/inputs/sympy-cpu.folded", "Goldens/inputs/long-names.folded",
    "Goldens/inputs/small-cpu.folded", "Goldens/inputs/differential.folded",
    "Examples/seed-memory.folded", "Examples/small-cpu.austin",
    "Examples/small-cpu-nolineno.folded",
  ]

  @Test(arguments: profiles)
  func everyNameOfABundledProfile(profile: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../" + profile)
    let text = try String(contentsOf: url, encoding: .utf8)
    var names = Set<String>()
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let space = line.lastIndex(of: " ") else { continue }
      var stack = line[..<space]
      // A differential line has two counts.
      if let second = stack.lastIndex(of: " "), Int(stack[stack.index(after: second)...]) != nil {
        stack = stack[..<second]
      }
      for frame in stack.split(separator: ";") { names.insert(String(frame)) }
    }
    #expect(names.count > 5)
    for name in names where !Self.rulesChanged(for: name) { Self.expectSameLadder(name) }
  }

  /// The symbols of the perf script fixtures: native names as perf prints them.
  @Test func everySymbolOfThePerfFixtures() throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Fixtures/perf")
    var names = Set<String>()
    for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) {
      let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
      for line in text.split(separator: "\n") {
        // `\t    addr symbol+0x1f (dso)`
        let fields = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard line.first == "\t", fields.count == 2, let open = fields[1].lastIndex(of: "(")
        else { continue }
        var symbol = fields[1][..<open].trimmingCharacters(in: .whitespaces)
        if let plus = symbol.range(of: "+0x", options: .backwards) {
          symbol = String(symbol[..<plus.lowerBound])
        }
        if !symbol.isEmpty { names.insert(symbol) }
      }
    }
    #expect(names.count > 10)
    for name in names where !Self.rulesChanged(for: name) { Self.expectSameLadder(name) }
  }
}

/// Random frame names in the syntaxes the abbreviator knows.
enum RandomFrameName {
  static let syntaxes = [
    "rust", "legacy rust", "c++", "java", "go", "py-spy", "fil", "austin", "v8", "perl", "c",
  ]

  static let words = [
    "std", "core", "alloc", "tokio", "runtime", "vec", "ptr", "fmt", "io", "app", "handlers",
    "Harness", "Vec", "String", "BufReader", "poll", "drop_in_place", "push_back", "fn_14588",
    "Parser", "parse", "run", "__1", "detail", "_M_insert", "Foo", "bar", "T0", "x", "main",
  ]

  static func next(using random: inout SeededRandom) -> (String, String) {
    let syntax = syntaxes.randomElement(using: &random)!
    func word() -> String { words.randomElement(using: &random)! }
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    func path(_ count: Int, _ separator: String) -> String {
      (0..<count).map { _ in word() }.joined(separator: separator)
    }
    func hex(_ count: Int) -> String {
      String((0..<count).map { _ in "0123456789abcdef".randomElement(using: &random)! })
    }
    func generics() -> String {
      switch Int.random(in: 0..<4, using: &random) {
      case 0: return "<T\(Int.random(in: 0..<7, using: &random))>"
      case 1: return "<T,S>"
      case 2: return "<\(path(2, "::"))<u8>>"
      default: return "<\(word()), std::allocator<\(word())> >"
      }
    }
    switch syntax {
    case "rust":
      var name =
        chance(15)
        ? "<\(word()) as core::fmt::Display>" : path(Int.random(in: 1...5, using: &random), "::")
      if chance(50) { name += generics() }
      name += "::" + word()
      if chance(30) { name += "::{{closure}}" }
      if chance(10) { name += "::{{closure}}" }
      if chance(30) { name += "::h" + hex(16) }
      return (syntax, name)
    case "legacy rust":
      var name = "_$LT$" + path(Int.random(in: 1...4, using: &random), "..")
      if chance(40) { name += "$LT$T$GT$" }
      if chance(40) { name += "$u20$as$u20$" + path(3, "..") }
      name += "$GT$::" + word()
      if chance(30) { name += "::_$u7b$$u7b$closure$u7d$$u7d$" }
      if chance(30) { name += "::h" + hex(16) }
      return (syntax, name)
    case "c++":
      var name = chance(20) ? "void " : ""
      if chance(10) { name += "(anonymous namespace)::" }
      name += path(Int.random(in: 1...4, using: &random), "::")
      if chance(50) { name += generics() }
      name += "::" + word()
      if chance(20) { name += "<int*>" }
      if chance(70) {
        name += "(" + (chance(50) ? "int const&" : "\(word())*, unsigned long") + ")"
      }
      if chance(20) { name += " const" }
      if chance(5) { name += " [clone .cold]" }
      return (syntax, name)
    case "java":
      let qualified = "com.example." + path(Int.random(in: 1...3, using: &random), ".")
      switch Int.random(in: 0..<4, using: &random) {
      case 0:
        return (syntax, qualified + "(\(word()).java:\(Int.random(in: 1...999, using: &random)))")
      case 1: return (syntax, qualified + "(Unknown Source)")
      case 2: return (syntax, "L" + path(3, "/") + ";::" + word())
      default: return (syntax, qualified + (chance(30) ? "$Inner.run" : ""))
      }
    case "go":
      let package = chance(50) ? "github.com/acme/" + path(2, "/") : word()
      let receiver = chance(40) ? ".(*\(word()))" : ""
      return (syntax, package + receiver + "." + word() + (chance(20) ? ".func1" : ""))
    case "py-spy":
      let function = chance(30) ? "\(word()).\(word())" : chance(10) ? "f.<locals>.g" : word()
      let file = path(Int.random(in: 1...3, using: &random), "/") + ".py"
      return (
        syntax,
        chance(80)
          ? "\(function) (\(file):\(Int.random(in: 1...999, using: &random)))"
          : "\(function) (\(file))"
      )
    case "fil":
      return (
        syntax,
        path(Int.random(in: 1...3, using: &random), "/")
          + ".py:\(Int.random(in: 1...99, using: &random)) (\(word()))"
      )
    case "austin":
      return (
        syntax,
        "/usr/lib/" + path(2, "/") + ".py:\(word()):\(Int.random(in: 1...999, using: &random))"
      )
    case "v8":
      let kind = ["LazyCompile", "Function", "InterpretedFunction", "Builtin"].randomElement(
        using: &random)!
      let marker = ["", "*", "~"].randomElement(using: &random)!
      return (
        syntax,
        "\(kind):\(marker)\(word()) /srv/app/\(word()).js:\(Int.random(in: 1...99, using: &random))"
      )
    case "perl":
      return (syntax, path(Int.random(in: 2...4, using: &random), "::"))
    default:
      return (
        syntax,
        [
          "do_syscall_64", "[unknown]", "libc.so.6", "__libc_start_main", "[libc.so.6]",
          word() + "_" + word(),
        ].randomElement(using: &random)!
      )
    }
  }
}
