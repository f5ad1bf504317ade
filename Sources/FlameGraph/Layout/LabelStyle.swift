/// How labels that do not fit their frame are shortened.
public enum LabelStyle: String, Sendable, Equatable, CaseIterable {
  /// Try the name's shorter forms (``LabelAbbreviator``) before any cut, and
  /// draw no label of fewer than ``LabelFitter/smartMinimumKeptCharacters``
  /// meaningful characters (default).
  case smart
  /// Cut the whole name, as flamegraph.pl and inferno do.
  case full
}
