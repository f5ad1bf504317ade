/// Assigns frames to categories: rules tried in order, first match wins;
/// frames no rule matches go to the last category.
///
/// ```swift
/// let rules = try CategoryRules(parsing: """
///   site-packages/ -> Libraries
///   /^myapp\\./ -> My code #d55e00
///   """)
/// ```
///
/// A rules file has one rule a line, `PATTERN -> CATEGORY [#rrggbb]`: the
/// pattern is a substring of the frame name, or a regular expression between
/// slashes (``LinearRegex`` syntax, matched in linear time). Blank lines and lines starting with `#` are ignored.
public struct CategoryRules: Sendable {
  /// One rule.
  public struct Rule: Sendable {
    /// What a frame name must contain or match.
    public var pattern: Pattern
    /// The index of its category in ``CategoryRules/categories``.
    public var category: Int
  }

  /// How a rule recognises a frame.
  public enum Pattern: Sendable {
    /// The frame name contains this text.
    case substring(String)
    /// The frame name matches this regular expression (its source).
    case regularExpression(String)
    /// A test in code, for the built-in presets.
    case predicate(@Sendable (FrameFacts) -> Bool)
  }

  /// What a rule may look at.
  public struct FrameFacts: Sendable {
    /// The name without its annotation.
    public var name: String
    /// Its annotation suffix.
    public var annotation: FrameAnnotation?
    /// The location it names, if any.
    public var location: FrameLocation?
  }

  /// The categories, in legend order; the last one takes unmatched frames.
  public private(set) var categories: [FrameCategory]
  /// The rules, in the order they are tried.
  public private(set) var rules: [Rule]
  private let expressions: [Int: LinearRegex]

  /// Rules from their parts.
  ///
  /// - Throws: ``LinearRegexError`` for a regular expression that does not
  ///   compile (see ``LinearRegex`` for the syntax).
  public init(categories: [FrameCategory], rules: [Rule]) throws {
    self.categories = categories
    self.rules = rules
    var expressions: [Int: LinearRegex] = [:]
    for (index, rule) in rules.enumerated() {
      if case .regularExpression(let source) = rule.pattern {
        expressions[index] = try LinearRegex(source)
      }
    }
    self.expressions = expressions
  }

  /// The index of the category of a frame.
  public func category(of facts: FrameFacts) -> Int {
    for (index, rule) in rules.enumerated() {
      let matches: Bool
      switch rule.pattern {
      case .substring(let text): matches = facts.name.contains(text)
      case .regularExpression: matches = expressions[index]!.matches(facts.name)
      case .predicate(let test): matches = test(facts)
      }
      if matches { return rule.category }
    }
    return categories.count - 1
  }

  /// Parses a rules file; categories take palette colors in order of first
  /// appearance unless a rule gives one, and an "Other" category is added
  /// for frames no rule matches.
  ///
  /// - Throws: ``CategoryRulesError`` naming the line that does not parse.
  public init(parsing text: String) throws {
    var categories: [FrameCategory] = []
    var rules: [Rule] = []
    var explicitColors: [Int: RGBColor] = [:]
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = String(rawLine).trimmingWhitespace()
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let arrow = line.range(ofArrow: "->") else {
        throw CategoryRulesError(line: number + 1, message: "expected PATTERN -> CATEGORY")
      }
      let patternText = String(line[..<arrow.lowerBound]).trimmingWhitespace()
      var categoryText = String(line[arrow.upperBound...]).trimmingWhitespace()
      var color: RGBColor?
      if let hash = categoryText.lastIndex(of: "#"),
        let parsed = RGBColor(parsing: String(categoryText[hash...]))
      {
        color = parsed
        categoryText = String(categoryText[..<hash]).trimmingWhitespace()
      }
      guard !patternText.isEmpty, !categoryText.isEmpty else {
        throw CategoryRulesError(line: number + 1, message: "empty pattern or category")
      }
      let pattern: Pattern
      if patternText.count >= 2 && patternText.hasPrefix("/") && patternText.hasSuffix("/") {
        let source = String(patternText.dropFirst().dropLast())
        do {
          _ = try LinearRegex(source)
        } catch {
          throw CategoryRulesError(
            line: number + 1, message: "invalid regular expression /\(source)/: \(error)")
        }
        pattern = .regularExpression(source)
      } else {
        pattern = .substring(patternText)
      }
      let index: Int
      if let existing = categories.firstIndex(where: { $0.name == categoryText }) {
        index = existing
      } else {
        index = categories.count
        categories.append(FrameCategory(name: categoryText, color: .black))
      }
      if let color { explicitColors[index] = color }
      rules.append(Rule(pattern: pattern, category: index))
    }
    guard !rules.isEmpty else {
      throw CategoryRulesError(line: 0, message: "no rules in the file")
    }
    categories.append(FrameCategory(name: "Other", color: .black))
    var nextPaletteColor = 0
    for index in categories.indices {
      if let color = explicitColors[index] {
        categories[index].color = color
      } else if index == categories.count - 1 {
        categories[index].color = CategoryPalette.colors.last!
      } else {
        categories[index].color =
          CategoryPalette.colors[nextPaletteColor % (CategoryPalette.colors.count - 1)]
        nextPaletteColor += 1
      }
    }
    try self.init(categories: categories, rules: rules)
  }
}

/// A rules file that does not parse.
public struct CategoryRulesError: Error, CustomStringConvertible {
  /// The 1-based line (0 for the file as a whole).
  public var line: Int
  /// What is wrong.
  public var message: String
  /// `line 3: expected PATTERN -> CATEGORY`
  public var description: String { line > 0 ? "line \(line): \(message)" : message }
}

extension String {
  fileprivate func range(ofArrow arrow: String) -> Range<Index>? {
    var index = endIndex
    while index > startIndex {
      index = self.index(before: index)
      if self[index...].hasPrefix(arrow) { return index..<self.index(index, offsetBy: arrow.count) }
    }
    return nil
  }
}
