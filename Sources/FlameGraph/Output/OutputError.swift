#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why output could not be written. In every case the target was left as it
/// was (see ``OutputFile``).
public enum OutputError: Error, Equatable, CustomStringConvertible {
  /// The output file (or its temporary sibling) could not be created.
  case cannotCreate(path: String, reason: String)
  /// Writing failed part way; the target was left untouched.
  case writeFailed(path: String, reason: String)
  /// The path names something output is never written to: a folder, or a
  /// block device (a disk).
  case unsuitableTarget(path: String, reason: String)

  /// A message that names the file, the reason and, when there is one
  /// worth giving, what to do.
  public var description: String {
    switch self {
    case .cannotCreate(let path, let reason): return "cannot create \(path): \(reason)"
    case .writeFailed(let path, let reason): return "cannot write \(path): \(reason)"
    case .unsuitableTarget(let path, let reason): return "cannot write \(path): \(reason)"
    }
  }

  /// The system's message for an `errno` value, followed by what to do
  /// about it when that is clear: `No such file or directory (check that
  /// the folder exists)`.
  public static func reason(errno code: Int32) -> String {
    let message = String(cString: strerror(code))
    let advice: String?
    switch code {
    case ENOENT: advice = "check that the folder exists"
    case EACCES, EPERM: advice = "check the permissions, or write somewhere else"
    case EROFS: advice = "the file system is read-only: write somewhere else"
    case ENOSPC, EDQUOT: advice = "free some space, or write somewhere else"
    case ENOTDIR: advice = "a part of the path is not a folder"
    case ELOOP: advice = "the symbolic links form a loop"
    case ENAMETOOLONG: advice = "choose a shorter name"
    case EISDIR: advice = "give a file name, not a folder"
    case ENXIO: advice = "nothing is reading it, or it is a socket: write to a file instead"
    case EBADF: advice = "that descriptor is not open for writing"
    default: advice = nil
    }
    return advice.map { "\(message) (\($0))" } ?? message
  }
}
