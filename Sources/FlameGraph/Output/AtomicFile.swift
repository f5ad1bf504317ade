#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file through a temporary sibling that is renamed over the target
/// only when everything was written: a failure never leaves a half-written
/// or clobbered file.
///
/// ```swift
/// try AtomicFile.write(to: "out.svg") { writer in writer.write("<svg/>") }
/// ```
public enum AtomicFile {
  /// Creates a temporary file beside `path`, lets `body` fill it, then
  /// renames it to `path`. If `body` or any write throws, the temporary file
  /// is removed and `path` is untouched.
  public static func write(to path: String, _ body: (ByteWriter) throws -> Void) throws {
    let temporary = temporaryPath(for: path)
    let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_TRUNC, 0o644)
    guard descriptor >= 0 else {
      throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    var renamed = false
    defer {
      if !renamed { unlink(temporary) }
    }
    do {
      let writer = ByteWriter { chunk in try ByteWriter.writeAll(chunk, to: descriptor, name: path)
      }
      try body(writer)
      try writer.finish()
    } catch {
      close(descriptor)
      throw error
    }
    guard close(descriptor) == 0 else {
      throw OutputError.writeFailed(path: path, reason: String(cString: strerror(errno)))
    }
    guard rename(temporary, path) == 0 else {
      throw OutputError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
    }
    renamed = true
  }

  /// A hidden name in the target's directory, unique to this process, so the
  /// final rename stays on one file system.
  static func temporaryPath(for path: String) -> String {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    return "\(directory).\(name).\(getpid()).tmp"
  }
}
