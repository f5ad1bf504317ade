import ArgumentParser
import FlameGraph

/// The value of `--preset`: filters and colors for one kind of profile.
enum FilterPreset: String, ExpressibleByArgument, CaseIterable {
  /// Hides the import machinery and runpy (``StackFilters/pythonHidePatterns``)
  /// and colors by the python categories unless `--categories` is given.
  case python
}
