/// The slant of a text run.
public enum FontSlant: String, Sendable, Equatable {
  /// Upright.
  case normal
  /// Slanted, as source code under a label is drawn.
  case oblique
}

/// The weight of a text run.
public enum FontWeight: String, Sendable, Equatable {
  /// Regular.
  case normal
  /// Bold, for headings.
  case bold
}
