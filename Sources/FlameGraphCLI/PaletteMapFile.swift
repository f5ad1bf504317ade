import FlameGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `palette.map` file of `--cp`, held under an exclusive `flock` from
/// the moment it is read until the updated map has replaced it, so that
/// runs at the same time add their names to each other's instead of
/// overwriting them.
///
/// The lock is taken on the file itself (its final target, when it is a
/// symbolic link). Since an update renames a new file over it, a run that
/// waited for the lock checks that the path still names the file it locked,
/// and starts again on the new one otherwise. A missing file is created
/// empty to be locked, and removed again if the run writes nothing.
///
/// ```swift
/// let palette = try PaletteMapFile(locking: "palette.map")
/// // ... lay out with palette.map ...
/// try palette.stage(updatedMap)
/// try palette.commit()
/// ```
final class PaletteMapFile {
  /// The map read.
  let map: PaletteMap
  private let output: OutputFile
  /// The locked file, or -1 for a target that is not a file (`/dev/null`).
  private var lockDescriptor: Int32
  /// The slot of a file this run created empty, which is removed on exit
  /// unless the run replaces it.
  private var createdSlot: Int?
  private var isStaged = false

  /// Locks and reads `path`, and prepares to replace it.
  ///
  /// - Throws: ``OutputError`` when it cannot be created, locked or
  ///   replaced; ``InputError`` when it cannot be read.
  init(locking path: String) throws {
    output = try OutputFile(path: path)
    lockDescriptor = -1
    switch output.target {
    case .file(let filePath, _):
      (lockDescriptor, createdSlot) = try Self.openLocked(filePath, reportedAs: path)
      map = try Self.readMap(lockDescriptor, path: path)
    case .stream(let streamPath):
      let descriptor = open(streamPath, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
      defer { if descriptor >= 0 { close(descriptor) } }
      map =
        descriptor >= 0 ? (try? Self.readMap(descriptor, path: path)) ?? PaletteMap() : PaletteMap()
    case .descriptor:
      map = PaletteMap()
    }
  }

  deinit { release() }

  /// Writes `map` to the staged replacement; the file is not touched yet.
  func stage(_ map: PaletteMap) throws {
    try output.write { writer in writer.write(map.serialized) }
    isStaged = true
  }

  /// Puts the staged map in place, or leaves the file as it was when
  /// nothing was staged, then releases the lock.
  func commit() throws {
    defer { release() }
    guard isStaged else { return }
    // About to be replaced by the map: no longer a file to remove on a
    // signal, which could otherwise strike just after the rename.
    let created = createdSlot != nil
    if let createdSlot { TemporaryFileCleanup.unregister(createdSlot) }
    createdSlot = nil
    do {
      try output.commit()
    } catch {
      // Still the empty file this run created, and still locked.
      if created, case .file(let filePath, _) = output.target { unlink(filePath) }
      throw error
    }
  }

  /// Drops the staged map, removes the file if this run created it, and
  /// releases the lock.
  private func release() {
    output.discard()
    if let createdSlot, case .file(let filePath, _) = output.target {
      // Still locked: no other run has read or written it.
      unlink(filePath)
      TemporaryFileCleanup.unregister(createdSlot)
    }
    createdSlot = nil
    if lockDescriptor >= 0 { close(lockDescriptor) }
    lockDescriptor = -1
  }

  /// Opens `path` (creating it empty if it does not exist) and locks it,
  /// until the path names the file that was locked.
  private static func openLocked(
    _ path: String, reportedAs reported: String
  ) throws -> (Int32, Int?) {
    while true {
      var createdSlot: Int?
      var descriptor = open(path, O_RDONLY | O_CLOEXEC)
      if descriptor < 0 && errno == ENOENT {
        // Registered first, so no signal can leave the empty file behind.
        createdSlot = TemporaryFileCleanup.register(path)
        descriptor = open(path, O_RDONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0, let slot = createdSlot {
          TemporaryFileCleanup.unregister(slot)
          createdSlot = nil
          if errno == EEXIST { continue }
        }
      }
      guard descriptor >= 0 else {
        throw OutputError.cannotCreate(path: reported, reason: OutputError.reason(errno: errno))
      }
      while flock(descriptor, LOCK_EX) != 0 {
        // A file system without locks: go on unlocked, as before locks.
        if errno != EINTR { break }
      }
      var locked = stat()
      var current = stat()
      if fstat(descriptor, &locked) == 0, stat(path, &current) == 0,
        locked.st_dev == current.st_dev, locked.st_ino == current.st_ino
      {
        return (descriptor, createdSlot)
      }
      // Replaced (or removed) while this run waited: lock the new one.
      close(descriptor)
      if let createdSlot { TemporaryFileCleanup.unregister(createdSlot) }
    }
  }

  /// The map in the open file.
  private static func readMap(_ descriptor: Int32, path: String) throws -> PaletteMap {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let got = read(descriptor, &chunk, chunk.count)
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else {
        throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if got == 0 { break }
      bytes.append(contentsOf: chunk[0..<got])
    }
    return PaletteMap(parsing: String(decoding: bytes, as: UTF8.self))
  }
}
