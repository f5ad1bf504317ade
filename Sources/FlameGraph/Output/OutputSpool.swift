#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Holds output that cannot be renamed into place (standard output, a
/// device, a FIFO, a file rewritten in place) until all of it is written:
/// in an unnamed temporary file in `TMPDIR` (or `/tmp`), unlinked as soon as
/// it is made so nothing is left behind whatever happens to the process;
/// in memory when no such file can be made, or once it runs out of room.
final class OutputSpool {
  /// The unnamed file, or -1 once the bytes live in ``memory``.
  private var descriptor: Int32
  /// The bytes fully written to the file; a failed write may have left
  /// part of a chunk after them.
  private var fileLength = 0
  private var memory: [UInt8] = []

  init() {
    let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
    var template = Array("\(directory ?? "/tmp")/.flamegraph-XXXXXX".utf8CString)
    descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if descriptor >= 0 {
      unlink(template)
      _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
    }
  }

  deinit { if descriptor >= 0 { close(descriptor) } }

  /// Appends bytes. A full temporary folder moves everything to memory
  /// rather than failing a write that could have gone straight out.
  func append(_ bytes: UnsafeRawBufferPointer) {
    if descriptor >= 0 {
      do {
        try ByteWriter.writeAll(bytes, to: descriptor, name: "the temporary file")
        fileLength += bytes.count
        return
      } catch {
        moveToMemory()
      }
    }
    memory.append(contentsOf: bytes)
  }

  /// Copies everything appended to `destination`.
  ///
  /// - Throws: ``OutputError/writeFailed(path:reason:)`` naming `name`.
  func copy(to destination: Int32, name: String) throws {
    if descriptor >= 0 {
      guard lseek(descriptor, 0, SEEK_SET) == 0 else {
        throw OutputError.writeFailed(path: name, reason: OutputError.reason(errno: errno))
      }
      try forEachChunk(of: descriptor) { chunk in
        try ByteWriter.writeAll(chunk, to: destination, name: name)
      }
    }
    try memory.withUnsafeBytes { bytes in
      try ByteWriter.writeAll(bytes, to: destination, name: name)
    }
  }

  /// Reads what the file holds into memory and closes it.
  private func moveToMemory() {
    if ftruncate(descriptor, off_t(fileLength)) == 0, lseek(descriptor, 0, SEEK_SET) == 0 {
      try? forEachChunk(of: descriptor) { chunk in memory.append(contentsOf: chunk) }
    }
    close(descriptor)
    descriptor = -1
  }

  /// Reads `source` to its end, one megabyte at a time.
  private func forEachChunk(
    of source: Int32, _ body: (UnsafeRawBufferPointer) throws -> Void
  ) throws {
    let size = 1 << 20
    let buffer = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let got = read(source, buffer, size)
      if got < 0 && errno == EINTR { continue }
      guard got >= 0 else {
        throw OutputError.writeFailed(
          path: "the temporary file", reason: OutputError.reason(errno: errno))
      }
      if got == 0 { return }
      try body(UnsafeRawBufferPointer(start: buffer, count: got))
    }
  }
}
