import Foundation

/// A case of inferno's `tests/flamegraph.rs`, read from a checkout of
/// inferno when the tests run: its inputs, expected SVG and options, the
/// options written as this command's flags.
struct InfernoTestCase: CustomStringConvertible {
  var name: String
  /// Absolute paths of the inputs.
  var inputs: [String]
  /// Absolute path of inferno's expected SVG.
  var expected: String
  var flags: [String]
  var inverted = false
  var description: String { name }

  /// The cases that render a graph and compare it with an expected SVG,
  /// and the others with why they are not compared. Paths under
  /// `./flamegraph/` (inferno's submodule of FlameGraph) are read from the
  /// submodule when it is checked out, else from `flamegraphRepo` (whose
  /// inputs may then differ from those inferno's SVGs were made from).
  static func read(inferno: String, flamegraphRepo: String?) throws -> (
    cases: [InfernoTestCase], notCompared: [String]
  ) {
    let source = try String(
      contentsOfFile: inferno + "/tests/flamegraph.rs", encoding: .utf8)
    let submodule = inferno + "/flamegraph"
    let hasSubmodule = FileManager.default.fileExists(atPath: submodule + "/flamegraph.pl")
    let flamegraphRepo = hasSubmodule ? submodule : flamegraphRepo
    var cases: [InfernoTestCase] = []
    var notCompared: [String] = []
    for block in source.components(separatedBy: "#[test]").dropFirst() {
      guard let name = firstMatch(#"fn (\w+)\("#, in: block) else { continue }
      func path(_ literal: String) -> String? {
        if literal.hasPrefix("./flamegraph/") {
          return flamegraphRepo.map { $0 + literal.dropFirst("./flamegraph".count) }
        }
        return inferno + literal.dropFirst(1)
      }
      guard let expected = firstMatch(#"let expected_result_file =\s*"([^"]+)""#, in: block),
        !block.contains("is_err()"), !block.contains("format!(")
      else {
        notCompared.append("\(name): checks logs, an error or a path built at run time")
        continue
      }
      var literals: [String] = []
      if let list = firstMatch(#"let input_files = vec!\[([^\]]*)\]"#, in: block) {
        literals = allMatches(#""([^"]+)""#, in: list)
      } else if let input = firstMatch(#"let input_file =\s*"([^"]+)""#, in: block) {
        literals = [input]
      }
      let inputs = literals.compactMap(path)
      guard !inputs.isEmpty, inputs.count == literals.count else {
        notCompared.append("\(name): its input is in inferno's submodule of FlameGraph")
        continue
      }
      var test = InfernoTestCase(name: name, inputs: inputs, expected: path(expected)!, flags: [])
      var unsupported: String?
      for assignment in allMatches(#"(?:options|opts)\.(\w+\s*=[^;]*);"#, in: block) {
        let parts = assignment.split(separator: "=", maxSplits: 1).map {
          $0.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let (option, value) = (parts[0], parts[1])
        let strings = allMatches(#""((?:[^"\\]|\\.)*)""#, in: value).map(unescaped)
        switch option {
        case "pretty_xml", "no_javascript": break
        case "hash": test.flags.append("--hash")
        case "deterministic": test.flags.append("--deterministic")
        case "negate_differentials": test.flags.append("--negate")
        case "color_diffusion": test.flags.append("--colordiffusion")
        case "reverse_stack_order": test.flags.append("--reverse")
        case "flame_chart": test.flags.append("--flamechart")
        case "factor", "min_width":
          test.flags += [option == "factor" ? "--factor" : "--minwidth", value]
        case "direction" where value.hasSuffix("Inverted"):
          test.flags.append("--inverted")
          test.inverted = true
        case "text_truncate_direction" where value.hasSuffix("Right"):
          test.flags.append("--truncate-text-right")
        case "colors", "bgcolors", "title", "subtitle", "notes", "count_name", "name_type",
          "font_type", "search_color", "stroke_color":
          let flag = [
            "colors": "--colors", "bgcolors": "--bgcolors", "title": "--title",
            "subtitle": "--subtitle", "notes": "--notes", "count_name": "--countname",
            "name_type": "--nametype", "font_type": "--fonttype",
            "search_color": "--search-color", "stroke_color": "--stroke-color",
          ][option]!
          // The chart title (a constant) does not change the frames.
          if let string = strings.first { test.flags += [flag, string] }
        case "base": test.flags += strings.flatMap { ["--base", $0] }
        case "uicolor":
          // `rgb::RGB8 { r: 255, g: 0, b: 0 }`, written as the flag takes it.
          let channels = allMatches(#"\b[rgb]:\s*(\d+)"#, in: value).compactMap { Int($0) }
          guard channels.count == 3 else {
            unsupported = option
            break
          }
          test.flags += ["--uicolor", "#" + channels.map { String(format: "%02x", $0) }.joined()]
        case "func_frameattrs":
          guard let file = firstMatch(#"let nameattr_file = "([^"]+)""#, in: block) else {
            unsupported = option
            break
          }
          test.flags += ["--nameattr", path(file)!]
        default: unsupported = option
        }
      }
      if let unsupported {
        notCompared.append("\(name): option \(unsupported) is not given as a flag here")
      } else {
        cases.append(test)
      }
    }
    return (cases, notCompared)
  }

  static func unescaped(_ literal: String) -> String {
    literal.replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(
      of: "\\\\", with: "\\")
  }

  static func firstMatch(_ pattern: String, in text: String) -> String? {
    allMatches(pattern, in: text).first
  }

  /// The first group of each match.
  static func allMatches(_ pattern: String, in text: String) -> [String] {
    let expression = try! NSRegularExpression(
      pattern: pattern, options: [.dotMatchesLineSeparators])
    return expression.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap {
      Range($0.range(at: 1), in: text).map { String(text[$0]) }
    }
  }
}
