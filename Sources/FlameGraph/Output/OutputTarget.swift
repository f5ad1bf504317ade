#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What an output path names, which decides how ``OutputFile`` writes to it.
///
/// | the path names | target | how it is written |
/// |---|---|---|
/// | `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N` | ``descriptor(_:)`` | to the descriptor already open, from its current offset |
/// | a character device, a FIFO, a socket | ``stream(path:)`` | opened for writing, without creating or truncating, and written |
/// | a regular file, or nothing yet | ``file(path:exists:)`` | replaced atomically through a temporary sibling |
/// | a symbolic link | what its final target names | the link stays a link |
/// | a folder, a block device | ``OutputError/unsuitableTarget(path:reason:)`` | never |
///
/// ```swift
/// try OutputTarget(path: "-")           // .descriptor(1)
/// try OutputTarget(path: "graph.svg")   // .file(path: "graph.svg", exists: false)
/// ```
public enum OutputTarget: Equatable, Sendable {
  /// An open file descriptor of this process: written as it is, never
  /// reopened, so `> file` and pipes set up by the shell keep working.
  case descriptor(Int32)
  /// A character device (a terminal), a FIFO or a socket: written directly,
  /// since it cannot be replaced without breaking whoever reads it.
  case stream(path: String)
  /// A regular file, or a path where nothing exists yet, with symbolic links
  /// followed: `path` is the final file, whose own folder holds the
  /// temporary sibling.
  case file(path: String, exists: Bool)

  /// The most symbolic links followed, as the kernel's own limit.
  static let maximumLinks = 40

  /// Classifies `path` with `lstat`, following symbolic links one at a time.
  ///
  /// - Throws: ``OutputError`` when the path names a folder or a block
  ///   device, when its links loop, or when it cannot be examined.
  public init(path: String) throws {
    var current = path
    for _ in 0...Self.maximumLinks {
      if let descriptor = Self.descriptor(namedBy: current) {
        self = .descriptor(descriptor)
        return
      }
      var info = stat()
      guard lstat(current, &info) == 0 else {
        guard errno == ENOENT else {
          throw OutputError.cannotCreate(path: path, reason: OutputError.reason(errno: errno))
        }
        self = .file(path: current, exists: false)
        return
      }
      if info.st_mode & S_IFMT == S_IFLNK {
        // A link to a stream is opened through the link: the kernel's
        // "magic" links (/proc/PID/fd/N) have no path to follow by hand.
        var followed = stat()
        if stat(current, &followed) == 0, try Self.streamKind(followed, path: path) != nil {
          self = .stream(path: current)
          return
        }
        current = try Self.linkTarget(of: current, reportedAs: path)
        continue
      }
      if info.st_mode & S_IFMT == S_IFREG {
        self = .file(path: current, exists: true)
        return
      }
      if try Self.streamKind(info, path: path) != nil {
        self = .stream(path: current)
        return
      }
      throw OutputError.unsuitableTarget(
        path: path, reason: "it is not a file, a device or a FIFO")
    }
    throw OutputError.cannotCreate(path: path, reason: OutputError.reason(errno: ELOOP))
  }

  /// The descriptor a path names without touching the file system: `-`
  /// (standard output), `/dev/stdin`, `/dev/stdout`, `/dev/stderr`,
  /// `/dev/fd/N`, `/proc/self/fd/N` and `/proc/PID/fd/N` for this process.
  public static func descriptor(namedBy path: String) -> Int32? {
    switch path {
    case "-", "/dev/stdout": return STDOUT_FILENO
    case "/dev/stdin": return STDIN_FILENO
    case "/dev/stderr": return STDERR_FILENO
    default: break
    }
    for prefix in ["/dev/fd/", "/proc/self/fd/", "/proc/\(getpid())/fd/"]
    where path.hasPrefix(prefix) {
      let number = path.dropFirst(prefix.count)
      guard !number.isEmpty, number.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
        return nil
      }
      return Int32(number)
    }
    return nil
  }

  /// `"character device"`, `"FIFO"` or `"socket"` for a stream; nil for
  /// anything else.
  ///
  /// - Throws: ``OutputError/unsuitableTarget(path:reason:)`` for a folder
  ///   or a block device.
  private static func streamKind(_ info: stat, path: String) throws -> String? {
    switch info.st_mode & S_IFMT {
    case S_IFCHR: return "character device"
    case S_IFIFO: return "FIFO"
    case S_IFSOCK: return "socket"
    case S_IFDIR:
      throw OutputError.unsuitableTarget(
        path: path,
        reason: "it is a folder (give a file name, such as \(path)/flamegraph.svg)")
    case S_IFBLK:
      throw OutputError.unsuitableTarget(
        path: path, reason: "it is a block device (a disk); write to a file instead")
    default: return nil
    }
  }

  /// Where the link at `path` points, relative to the link's own folder.
  private static func linkTarget(of path: String, reportedAs reported: String) throws -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let length = readlink(path, &buffer, buffer.count - 1)
    guard length >= 0 else {
      throw OutputError.cannotCreate(path: reported, reason: OutputError.reason(errno: errno))
    }
    let target = String(
      decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    guard !target.hasPrefix("/"), let slash = path.lastIndex(of: "/") else { return target }
    return String(path[...slash]) + target
  }
}
