/// Where folded stacks are read from.
public enum InputSource: Sendable, Equatable, CustomStringConvertible {
  /// A file on disk.
  case file(String)
  /// The process's standard input.
  case standardInput

  /// A command-line argument: `-` is standard input, anything else a path.
  public init(argument: String) {
    self = argument == "-" ? .standardInput : .file(argument)
  }

  /// The name used in messages: the path, or `-`.
  public var description: String {
    switch self {
    case .file(let path): return path
    case .standardInput: return "-"
    }
  }
}
