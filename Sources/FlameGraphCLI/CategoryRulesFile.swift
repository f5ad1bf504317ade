import ArgumentParser
import FlameGraph

/// Reads the value of `--categories`: a preset name or a rules file.
enum CategoryRulesFile {
  static func load(_ value: String) throws -> CategoryRules {
    if let preset = CategoryRules.preset(named: value) { return preset }
    guard let text = RulesFileReader.contents(of: value) else {
      throw ValidationError(
        "--categories: \(value) is neither a preset (\(CategoryRules.presetNames.joined(separator: ", "))) nor a readable rules file."
      )
    }
    do {
      return try CategoryRules(parsing: text)
    } catch let error as CategoryRulesError {
      throw ValidationError("--categories: \(value): \(error)")
    }
  }
}
