/// Gives layout the line of source code a frame points to.
///
/// Layout reads no files: it shows code only when it is given a provider
/// (``FlameGraphLayout/init(options:measurer:sourceLines:)``), and asks it
/// once per distinct frame that names a file and a line (`file.py:12`,
/// `func (file.py:12)`, `file.py:12 (func)`). ``RootedSourceFiles`` reads
/// them from source folders; a provider can as well serve files from memory
/// or an archive.
///
/// ```swift
/// let sources = RootedSourceFiles(roots: ["src", "."])
/// let scene = FlameGraphLayout(options: Options(), sourceLines: sources).scene(for: profile)
/// ```
public protocol SourceLineProvider: Sendable {
  /// The 1-based line `number` of `file` as written in the file, without its
  /// line ending; nil when the file or the line cannot be given.
  ///
  /// `file` comes from the profile, untrusted: `../x.py`, `/etc/passwd`,
  /// `<frozen os>` or a very long name are all possible.
  func line(_ number: Int, inFile file: String) -> String?

  /// What could not be given so far, for a warning.
  var diagnostics: SourceDiagnostics { get }
}
