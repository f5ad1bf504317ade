#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a file the user named on the command line, such as a rules file.
enum RulesFileReader {
  /// The largest file read.
  static let maximumBytes = 64 << 20

  /// A regular file's text (at most 64 MiB), invalid UTF-8 repaired; nil
  /// when it cannot be read. The file is opened without blocking and
  /// checked on the descriptor, so a FIFO or a folder is refused at once.
  static func contents(of path: String) -> String? {
    guard !path.utf8.contains(0) else { return nil }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
      status.st_size <= maximumBytes
    else { return nil }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    var filled = 0
    while filled < bytes.count {
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
      }
      if got < 0, errno == EINTR { continue }
      guard got > 0 else { break }
      filled += got
    }
    return String(decoding: bytes[0..<filled], as: UTF8.self)
  }
}
