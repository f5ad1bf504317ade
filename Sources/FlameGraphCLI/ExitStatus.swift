import ArgumentParser

/// The tool's exit statuses, from sysexits.h so scripts can tell causes apart.
public enum ExitStatus {
  /// An option or argument is wrong.
  public static let usage = ExitCode(64)
  /// The input holds no usable stack, or a malformed line under `--strict`.
  public static let badInput = ExitCode(65)
  /// An input file cannot be opened or read.
  public static let unreadableInput = ExitCode(66)
  /// The output (or palette.map) cannot be created or written.
  public static let unwritableOutput = ExitCode(73)
}
