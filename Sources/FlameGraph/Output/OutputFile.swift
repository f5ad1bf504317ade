#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes output without ever damaging what the path points at: everything
/// is written somewhere else first, the target is touched only by
/// ``commit()``, and a failure before it leaves the target as it was.
///
/// What happens depends on what the path names (see ``OutputTarget``):
///
/// - **A regular file, or a new path**: the bytes go to a temporary sibling
///   (`.NAME.PID.RANDOM.tmp`, created with `O_EXCL`), which gets the old
///   file's mode (and owner and group, when the process may set them) and is
///   renamed over it. A symbolic link is followed to its final target, which
///   is replaced in its own folder: the link stays a link. A file that
///   cannot be written (read-only) is an error, not replaced.
/// - **A writable file in a folder that is not writable**: no sibling can be
///   made, so the file is truncated and rewritten in place, once everything
///   is staged elsewhere.
/// - **Standard output (`-`), `/dev/stdout`, `/dev/fd/N`, a terminal or
///   other character device, a FIFO, a socket**: written directly, once
///   everything is staged elsewhere; nothing is created or renamed.
/// - **A folder or a block device**: ``OutputError/unsuitableTarget(path:reason:)``.
///
/// "Staged elsewhere" is an `OutputSpool`: an unnamed temporary file in
/// `TMPDIR` (or `/tmp`), or memory. Temporary siblings are removed when the
/// write fails, when the file is discarded, and by ``TemporaryFileCleanup``
/// on `exit` and on the signals that interrupt or crash the process.
///
/// ```swift
/// let output = try OutputFile(path: "graph.svg")
/// try output.write { writer in writer.write("<svg/>") }
/// try output.commit()  // only now is graph.svg replaced
/// ```
public final class OutputFile {
  /// The path as given, used in messages.
  public let path: String
  /// What the path names.
  public let target: OutputTarget

  /// Where the bytes wait for ``commit()``.
  private enum Staging {
    /// A temporary file beside the target, renamed over it.
    case sibling(descriptor: Int32, path: String, slot: Int?)
    /// A spool elsewhere, copied to the target.
    case spool(OutputSpool)
    /// Nothing: committed or discarded.
    case none
  }

  private var staging: Staging
  /// The target opened for writing in place, when no sibling could be made.
  private var inPlaceDescriptor: Int32?
  private var isFinished = false

  /// Examines `path` and prepares somewhere to write; the target itself is
  /// not touched.
  ///
  /// - Throws: ``OutputError`` when the path cannot be written: a missing
  ///   folder, no permission, a read-only file, a folder, a block device,
  ///   a descriptor that is not open for writing.
  public init(path: String) throws {
    self.path = path
    target = try OutputTarget(path: path)
    switch target {
    case .descriptor(let descriptor):
      let flags = fcntl(descriptor, F_GETFL)
      guard flags >= 0, flags & O_ACCMODE != O_RDONLY else {
        throw OutputError.writeFailed(
          path: Self.displayName(of: path), reason: OutputError.reason(errno: EBADF))
      }
      staging = .spool(OutputSpool())
    case .stream(let streamPath):
      guard access(streamPath, W_OK) == 0 else {
        throw OutputError.writeFailed(path: path, reason: OutputError.reason(errno: errno))
      }
      staging = .spool(OutputSpool())
    case .file(let filePath, let exists):
      // A file its owner made read-only is not replaced behind their back.
      if exists && access(filePath, W_OK) != 0 {
        throw OutputError.writeFailed(path: path, reason: OutputError.reason(errno: errno))
      }
      switch Self.createTemporarySibling(for: filePath) {
      case .success(let (descriptor, temporary, slot)):
        staging = .sibling(descriptor: descriptor, path: temporary, slot: slot)
      case .failure(let failure) where exists && (failure.code == EACCES || failure.code == EPERM):
        // The folder is not writable but the file is: update it in place.
        let descriptor = open(filePath, O_WRONLY | O_NOCTTY | O_CLOEXEC)
        guard descriptor >= 0 else {
          throw OutputError.writeFailed(path: path, reason: OutputError.reason(errno: errno))
        }
        inPlaceDescriptor = descriptor
        staging = .spool(OutputSpool())
      case .failure(let failure):
        throw OutputError.cannotCreate(path: path, reason: OutputError.reason(errno: failure.code))
      }
    }
  }

  deinit { discard() }

  /// Writes to `path` in one step: prepares, lets `body` fill the staged
  /// output, and commits. On any error the target is left as it was.
  ///
  /// ```swift
  /// try OutputFile.write(to: "out.svg") { writer in writer.write("<svg/>") }
  /// ```
  public static func write(to path: String, _ body: (ByteWriter) throws -> Void) throws {
    let output = try OutputFile(path: path)
    do {
      try output.write(body)
      try output.commit()
    } catch {
      output.discard()
      throw error
    }
  }

  /// Lets `body` append to the staged output; may be called more than once.
  /// The target is not touched.
  public func write(_ body: (ByteWriter) throws -> Void) throws {
    precondition(!isFinished, "OutputFile.write after commit() or discard()")
    let writer: ByteWriter
    switch staging {
    case .sibling(let descriptor, _, _):
      let name = displayName
      writer = ByteWriter { chunk in try ByteWriter.writeAll(chunk, to: descriptor, name: name) }
    case .spool(let spool):
      writer = ByteWriter { chunk in spool.append(chunk) }
    case .none:
      preconditionFailure("staged output is gone")
    }
    try body(writer)
    try writer.finish()
  }

  /// Puts the staged output in place: renames the sibling over the target,
  /// or copies the staged bytes to the descriptor, stream or file.
  ///
  /// - Throws: ``OutputError``; when it is thrown before the rename or the
  ///   first byte written, the target is as it was.
  public func commit() throws {
    precondition(!isFinished, "OutputFile.commit after commit() or discard()")
    defer { discard() }
    if case .sibling(let descriptor, let temporary, let slot) = staging {
      // From here on this function owns the sibling; discard() must not.
      staging = .none
      try renameSibling(descriptor, temporary, slot: slot)
    } else {
      try copyStagedToTarget()
    }
  }

  /// Drops the staged output and leaves the target as it was. Safe to call
  /// more than once; ``commit()`` calls it when it is done.
  public func discard() {
    guard !isFinished else { return }
    isFinished = true
    switch staging {
    case .sibling(let descriptor, let temporary, let slot):
      close(descriptor)
      unlinkTemporary(temporary, slot: slot)
    case .spool, .none:
      break
    }
    staging = .none
    if let inPlaceDescriptor { close(inPlaceDescriptor) }
    inPlaceDescriptor = nil
  }

  /// The name messages use: the path, or "standard output" for `-`.
  private var displayName: String { Self.displayName(of: path) }

  private static func displayName(of path: String) -> String {
    path == "-" ? "standard output" : path
  }

  private func unlinkTemporary(_ temporary: String, slot: Int?) {
    unlink(temporary)
    if let slot { TemporaryFileCleanup.unregister(slot) }
  }

  /// Gives the sibling the target's owner and mode, closes it (the last
  /// chance for a write error to show) and renames it over the target.
  private func renameSibling(_ descriptor: Int32, _ temporary: String, slot: Int?) throws {
    guard case .file(let filePath, _) = target else { preconditionFailure("a sibling of a file") }
    Self.copyOwnerAndMode(of: filePath, to: descriptor)
    if close(descriptor) != 0 {
      let code = errno
      unlinkTemporary(temporary, slot: slot)
      throw OutputError.writeFailed(path: path, reason: OutputError.reason(errno: code))
    }
    if rename(temporary, filePath) != 0 {
      let code = errno
      unlinkTemporary(temporary, slot: slot)
      throw OutputError.cannotCreate(path: path, reason: OutputError.reason(errno: code))
    }
    if let slot { TemporaryFileCleanup.unregister(slot) }
  }

  /// Copies the staged bytes to the descriptor, the stream, or the file
  /// rewritten in place.
  private func copyStagedToTarget() throws {
    guard case .spool(let spool) = staging else { preconditionFailure("a spool to copy") }
    let destination: Int32
    let isOwned: Bool
    switch target {
    case .descriptor(let descriptor):
      (destination, isOwned) = (descriptor, false)
    case .stream(let streamPath):
      // Blocks until a FIFO has a reader, as a shell redirection would.
      var descriptor: Int32
      repeat {
        descriptor = open(streamPath, O_WRONLY | O_NOCTTY | O_CLOEXEC)
      } while descriptor < 0 && errno == EINTR
      guard descriptor >= 0 else {
        throw OutputError.writeFailed(path: path, reason: OutputError.reason(errno: errno))
      }
      (destination, isOwned) = (descriptor, true)
    case .file:
      guard let inPlaceDescriptor else { preconditionFailure("a file is staged beside itself") }
      // From here on this function owns the descriptor; discard() must not.
      self.inPlaceDescriptor = nil
      (destination, isOwned) = (inPlaceDescriptor, true)
      // Only now, with everything staged, is the old content given up.
      guard ftruncate(destination, 0) == 0 else {
        let code = errno
        close(destination)
        throw OutputError.writeFailed(path: path, reason: OutputError.reason(errno: code))
      }
    }
    var failure: (any Error)?
    do {
      try spool.copy(to: destination, name: displayName)
    } catch {
      failure = error
    }
    if isOwned && close(destination) != 0 && failure == nil {
      failure = OutputError.writeFailed(path: path, reason: OutputError.reason(errno: errno))
    }
    if let failure { throw failure }
  }

  /// Gives the temporary file the replaced file's owner, group and mode, so
  /// a 0600 file stays 0600. Changing the owner needs privileges; without
  /// them the file keeps the writer's, as any editor does.
  private static func copyOwnerAndMode(of filePath: String, to descriptor: Int32) {
    var existing = stat()
    var temporary = stat()
    guard stat(filePath, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG,
      fstat(descriptor, &temporary) == 0
    else { return }
    if existing.st_uid != temporary.st_uid || existing.st_gid != temporary.st_gid {
      _ = fchown(descriptor, existing.st_uid, existing.st_gid)
    }
    // After fchown, which may clear the set-id bits.
    _ = fchmod(descriptor, existing.st_mode & 0o7777)
  }

  /// The temporary sibling's name for `path` with a given random suffix:
  /// `dir/.NAME.PID.SUFFIX.tmp`, the name cut so the whole stays within the
  /// usual 255-byte limit of a file name.
  static func temporaryPath(for path: String, suffix: UInt32) -> String {
    let slash = path.lastIndex(of: "/")
    let directory = slash.map { String(path[...$0]) } ?? ""
    var name = slash.map { String(path[path.index(after: $0)...]) } ?? path
    while name.utf8.count > 200 { name.removeLast() }
    let hex = String(suffix, radix: 16)
    return
      "\(directory).\(name).\(getpid()).\(String(repeating: "0", count: 8 - hex.count))\(hex).tmp"
  }

  /// Creates a new temporary sibling of `path` with `O_EXCL`, trying other
  /// random suffixes while the name is taken (a file left by a killed
  /// process that had this PID). The path is registered for cleanup just
  /// before the file is created, so no signal can leave it behind.
  static func createTemporarySibling(
    for path: String, suffix: () -> UInt32 = { UInt32.random(in: .min ... .max) }
  ) -> Result<(Int32, String, Int?), CreationFailure> {
    for _ in 0..<64 {
      let temporary = temporaryPath(for: path, suffix: suffix())
      let slot = TemporaryFileCleanup.register(temporary)
      let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if descriptor >= 0 { return .success((descriptor, temporary, slot)) }
      let code = errno
      if let slot { TemporaryFileCleanup.unregister(slot) }
      if code != EEXIST { return .failure(CreationFailure(code: code)) }
    }
    return .failure(CreationFailure(code: EEXIST))
  }

  /// An `errno` value from creating a file.
  struct CreationFailure: Error, Equatable {
    var code: Int32
  }
}
