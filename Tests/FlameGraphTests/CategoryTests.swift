import Foundation
import Testing

@testable import FlameGraph

@Suite("Categories with color diffusion")
struct CategoryTests {
  func category(_ rules: CategoryRules, _ name: String) -> String {
    let index = rules.category(
      of: CategoryRules.FrameFacts(
        name: name, annotation: FrameAnnotation(suffixOf: Array(name.utf8)),
        location: FrameLocation(parsing: name)))
    return rules.categories[index].name
  }

  @Test(arguments: [
    // From the seed memory profile (Fil syntax) and the sympy and small CPU
    // profiles (py-spy syntax).
    ("example.py:13 (main)", "Your code"),
    ("<module> (symwork2.py:8)", "Your code"),
    ("<frozen importlib._bootstrap>:1176 (_find_and_load)", "Import system"),
    ("_find_and_load (<frozen importlib._bootstrap>:1176)", "Import system"),
    ("loads (json/__init__.py:346)", "Standard library"),
    ("_compile (re/__init__.py:274)", "Standard library"),
    ("Expr.series (sympy/core/expr.py:3088)", "Libraries"),
    ("numpy/core/numeric.py:232 (ones)", "Libraries"),
    ("run (/usr/lib/python3.11/site-packages/attr/_make.py:12)", "Libraries"),
    ("join (/usr/lib/python3.11/posixpath.py:71)", "Standard library"),
    ("PyEval_EvalFrameDefault", "Native"),
  ])
  func pythonPreset(_ name: String, _ expected: String) {
    #expect(category(.python, name) == expected)
  }

  @Test(arguments: [
    ("do_syscall_64_[k]", "Kernel"),
    ("[kernel.kallsyms] entry_SYSCALL_64", "Kernel"),
    ("Interpreter_[j]", "JIT"),
    ("inlined_helper_[i]", "Inlined"),
    ("main", "User"),
  ])
  func nativePreset(_ name: String, _ expected: String) {
    #expect(category(.native, name) == expected)
  }

  @Test func realFramesOfTheSympyProfileFallInPythonCategories() throws {
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent("Goldens/inputs/sympy-cpu.folded"),
      encoding: .utf8)
    var seen: [String: Int] = [:]
    for line in text.split(separator: "\n") {
      let stack = line.split(separator: " ").dropLast().joined(separator: " ")
      for frame in stack.split(separator: ";") {
        seen[category(.python, String(frame)), default: 0] += 1
      }
    }
    #expect(seen["Libraries", default: 0] > seen["Your code", default: 0])
    #expect(seen["Your code", default: 0] > 0)
    #expect(seen["Import system", default: 0] > 0)
    #expect(seen["Standard library", default: 0] > 0)
  }

  @Test func rulesFileFirstMatchWinsAndUnmatchedGoToOther() throws {
    let rules = try CategoryRules(
      parsing: """
        # my services
        /^billing\\./ -> Billing #d55e00
        site-packages/ -> Libraries
        billing -> Not reached first

        """)
    #expect(rules.categories.map(\.name) == ["Billing", "Libraries", "Not reached first", "Other"])
    #expect(rules.categories[0].color == RGBColor(red: 0xd5, green: 0x5e, blue: 0x00))
    #expect(category(rules, "billing.invoice.render") == "Billing")
    #expect(category(rules, "x (site-packages/y.py:1)") == "Libraries")
    #expect(category(rules, "old_billing_code") == "Not reached first")
    #expect(category(rules, "main") == "Other")
  }

  @Test(arguments: ["no arrow here", "-> Empty pattern", "/[unclosed/ -> Bad regex", ""])
  func badRulesFilesAreErrorsWithTheirLine(_ text: String) {
    #expect(throws: CategoryRulesError.self) { try CategoryRules(parsing: text) }
  }

  @Test func withinACategorySaturationNeverDecreasesWithWidth() {
    var scheme = CategoryColorScheme()
    for category in CategoryRules.python.categories {
      var previous = -1
      for step in 0...100 {
        let share = Double(step) / 100
        var input = colorInput("f", share: share)
        input.category = category
        let color = scheme.fill(for: input)
        #expect(channelSpread(of: color) >= previous, "\(category.name) at \(share)")
        previous = channelSpread(of: color)
        // The hue stays the category's.
        if let expected = hue(of: category.color), let actual = hue(of: color), share > 0.05 {
          #expect(abs(expected - actual) < 8, "\(category.name) at \(share)")
        }
      }
      var full = colorInput("f", share: 0.5)
      full.category = category
      #expect(scheme.fill(for: full) == category.color)
    }
  }

  @Test func legendSharesAddUpToOneAndFramesKeepTheirCategory() throws {
    var options = Options()
    options.categories = .python
    let text = try String(
      contentsOf: repositoryRoot().appendingPathComponent("Goldens/inputs/sympy-cpu.folded"),
      encoding: .utf8)
    let profile = try Profile(folded: text, options: options)
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    #expect(abs(scene.legend.map(\.share).reduce(0, +) - 1) < 1e-9)
    #expect(
      scene.legend.map(\.name).prefix(5) == [
        "Your code", "Standard library", "Libraries", "Import system", "Native",
      ])
    // The sympy profile has idle samples (lines without frames).
    #expect(scene.legend.last?.name == "Idle (no frames)")
    for frame in scene.frames.dropFirst() {
      let category = try #require(frame.category)
      #expect(category < CategoryRules.python.categories.count)
    }
    // Legend entries sit under the title, inside the canvas, before the frames.
    let firstFrameTop = scene.frames.map(\.y).min()!
    for entry in scene.legend {
      #expect(entry.swatch.y > scene.title.y)
      #expect(entry.swatch.y + entry.swatch.height < firstFrameTop)
      #expect(entry.textX + Double(entry.text.count) * 0.6 * 12 <= scene.width)
    }
  }
}
