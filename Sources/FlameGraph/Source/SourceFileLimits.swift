/// Bounds on what ``RootedSourceFiles`` does for a profile, whatever the
/// profile names: how much it reads, how many names it looks up, how long a
/// line it gives.
///
/// ```swift
/// var limits = SourceFileLimits()
/// limits.maximumTotalBytes = 16 << 20
/// let sources = RootedSourceFiles(roots: ["."], limits: limits)
/// ```
public struct SourceFileLimits: Sendable, Equatable {
  /// The largest file read, in bytes (default 4 MiB); a larger one is
  /// refused whole, before any byte of it is read.
  public var maximumFileBytes = 4 << 20
  /// The most bytes read over all files (default 64 MiB); a file that would
  /// go over what is left is refused.
  public var maximumTotalBytes = 64 << 20
  /// The most distinct file names looked up (default 10,000); frames
  /// naming further files get no code, so a profile naming a million
  /// files costs at most this many lookups.
  public var maximumFileNames = 10_000
  /// The most trailing components of an absolute name tried as a path
  /// inside each folder (default 16): `/home/ci/app/x.py` tries
  /// `home/ci/app/x.py`, `ci/app/x.py`, `app/x.py`, then `x.py`.
  public var maximumSuffixComponents = 16
  /// The longest file name looked up, in bytes (default 4,096).
  public var maximumNameBytes = 4096
  /// The longest line given, in bytes (default 1,000); a longer one is cut
  /// at a character boundary and ends with `…`.
  public var maximumLineBytes = 1000

  /// The defaults.
  public init() {}
}
