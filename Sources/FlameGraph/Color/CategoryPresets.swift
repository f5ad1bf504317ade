extension CategoryRules {
  /// The built-in presets by name.
  public static func preset(named name: String) -> CategoryRules? {
    switch name {
    case "python": return python
    case "native": return native
    default: return nil
    }
  }

  /// Names of the built-in presets.
  public static let presetNames = ["python", "native"]

  /// Python: your code; the standard library; third-party libraries
  /// (site-packages, or relative paths of packages outside the standard
  /// library, as py-spy prints them); the import system (importlib and
  /// frozen modules); native code (frames without a Python file).
  public static let python: CategoryRules = {
    let colors = CategoryPalette.colors
    let categories = [
      FrameCategory(name: "Your code", color: colors[0]),
      FrameCategory(name: "Standard library", color: colors[1]),
      FrameCategory(name: "Libraries", color: colors[2]),
      FrameCategory(name: "Import system", color: colors[3]),
      FrameCategory(name: "Native", color: colors[4]),
    ]
    let rules: [Rule] = [
      Rule(
        pattern: .predicate { facts in
          facts.name.contains("<frozen importlib") || facts.name.contains("importlib/")
            || (facts.location?.file.hasPrefix("<frozen") ?? false)
        }, category: 3),
      Rule(
        pattern: .predicate { facts in
          facts.name.contains("site-packages/") || facts.name.contains("dist-packages/")
        }, category: 2),
      Rule(
        pattern: .predicate { facts in
          guard let file = facts.location?.file else { return false }
          if file.contains("/lib/python") { return true }
          return !file.hasPrefix("/") && PythonStandardLibrary.contains(relativePath: file)
        }, category: 1),
      Rule(
        pattern: .predicate { facts in
          guard let file = facts.location?.file else { return false }
          return !file.hasPrefix("/") && !file.hasPrefix("<") && file.contains("/")
        }, category: 2),
      Rule(
        pattern: .predicate { facts in facts.location?.isSourceFile ?? false }, category: 0),
      Rule(pattern: .predicate { _ in true }, category: 4),
    ]
    return try! CategoryRules(categories: categories, rules: rules)
  }()

  /// Native profiles (perf): kernel (`_[k]`, `[kernel.kallsyms]`), JIT
  /// (`_[j]`), inlined (`_[i]`), and user code.
  public static let native: CategoryRules = {
    let colors = CategoryPalette.colors
    let categories = [
      FrameCategory(name: "User", color: colors[1]),
      FrameCategory(name: "Kernel", color: colors[0]),
      FrameCategory(name: "JIT", color: colors[2]),
      FrameCategory(name: "Inlined", color: colors[3]),
    ]
    let rules: [Rule] = [
      Rule(
        pattern: .predicate { facts in
          facts.annotation == .kernel || facts.name.hasPrefix("[kernel")
        }, category: 1),
      Rule(pattern: .predicate { $0.annotation == .jit }, category: 2),
      Rule(pattern: .predicate { $0.annotation == .inlined }, category: 3),
      Rule(pattern: .predicate { _ in true }, category: 0),
    ]
    return try! CategoryRules(categories: categories, rules: rules)
  }()
}
