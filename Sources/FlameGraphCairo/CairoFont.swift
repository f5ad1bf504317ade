import CCairo
import FlameGraph

/// The font family Cairo draws with, resolved once through fontconfig from a
/// scene's CSS-style family list.
///
/// Each family of the list is tried in order; the first one installed wins.
/// Generic names (`monospace`, `sans-serif`) take fontconfig's choice. When
/// nothing in the list is installed, fontconfig's `monospace` is used and
/// ``isFallback`` says so, so the tool can warn: labels still fit, since they
/// are measured with the font actually drawn.
public struct CairoFont: Sendable, Equatable {
  /// The family name as fontconfig knows it (`DejaVu Sans Mono`).
  public let family: String
  /// Whether no family of the list was installed.
  public let isFallback: Bool
  /// The list that was asked for.
  public let requested: String

  /// Loads fontconfig's configuration once, before any thread matches a
  /// font: Cairo and fontconfig otherwise load it on first use, and
  /// threads that get there together (renders running at once in one
  /// process) may race for it. A static is initialized exactly once, the
  /// other threads waiting; every Cairo drawing path makes a font first.
  private static let fontconfigIsLoaded: Bool = FcInit() != 0

  private static let genericFamilies: Set<String> = [
    "monospace", "sans-serif", "serif", "sans", "mono", "system-ui",
  ]

  /// Resolves a family list such as `'DejaVu Sans Mono', Menlo, monospace`.
  public init(familyList: String) {
    _ = Self.fontconfigIsLoaded
    requested = familyList
    let candidates = Self.families(in: familyList)
    for candidate in candidates {
      if Self.genericFamilies.contains(candidate.lowercased()) {
        family = Self.match(candidate) ?? candidate
        isFallback = false
        return
      }
      if let matched = Self.match(candidate), matched.lowercased() == candidate.lowercased() {
        family = matched
        isFallback = false
        return
      }
    }
    family = Self.match("monospace") ?? "monospace"
    isFallback = true
  }

  /// The families of a CSS list, unquoted.
  static func families(in list: String) -> [String] {
    list.split(separator: ",").map { item in
      var name = String(item).trimmingCharacters(in: " \t")
      if name.count >= 2, let first = name.first, first == "'" || first == "\"", name.last == first
      {
        name = String(name.dropFirst().dropLast())
      }
      return name
    }.filter { !$0.isEmpty }
  }

  /// The family fontconfig picks for a name.
  private static func match(_ name: String) -> String? {
    guard let pattern = FcNameParse(name) else { return nil }
    defer { FcPatternDestroy(pattern) }
    FcConfigSubstitute(nil, pattern, FcMatchPattern)
    FcDefaultSubstitute(pattern)
    var result = FcResultNoMatch
    guard let matched = FcFontMatch(nil, pattern, &result) else { return nil }
    defer { FcPatternDestroy(matched) }
    var value: UnsafeMutablePointer<FcChar8>?
    guard FcPatternGetString(matched, FC_FAMILY, 0, &value) == FcResultMatch, let value else {
      return nil
    }
    return String(cString: value)
  }
}

extension String {
  fileprivate func trimmingCharacters(in set: String) -> String {
    let skip = Set(set)
    guard let first = firstIndex(where: { !skip.contains($0) }) else { return "" }
    let last = lastIndex(where: { !skip.contains($0) })!
    return String(self[first...last])
  }
}
