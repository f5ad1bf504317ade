/// Why output could not be written.
public enum OutputError: Error, Equatable, CustomStringConvertible {
  /// The output file (or its temporary sibling) could not be created.
  case cannotCreate(path: String, reason: String)
  /// Writing failed part way; the target was left untouched.
  case writeFailed(path: String, reason: String)

  /// A message that names the file and the system's reason.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
    case .writeFailed(let path, let reason): return "cannot write \(path): \(reason)"
    }
  }
}
