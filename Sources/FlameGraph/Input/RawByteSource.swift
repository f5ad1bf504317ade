#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The bytes of an input as stored, before any decompression: a file
/// descriptor or an array in memory.
final class RawByteSource {
  /// The name used in messages.
  let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  private let memory: [UInt8]
  private var memoryPosition = 0
  /// The offset of the next positioned read (`pread`), or nil when reads
  /// use the descriptor's own offset.
  private var filePosition: Int?
  /// The source whose descriptor a positioned source reads, kept alive
  /// (and its descriptor open) as long as this one.
  private var owner: RawByteSource?

  /// A source reading a descriptor, closed at the end when `owned`.
  init(descriptor: Int32, owned: Bool, name: String) {
    self.name = name
    self.descriptor = descriptor
    ownsDescriptor = owned
    memory = []
  }

  /// A source reading the file behind `owner`'s descriptor from `offset` on with
  /// positioned reads, which leave the descriptor's own offset alone: one
  /// thread may read a file's start through `owner` while another reads
  /// the rest through this.
  private init(sharing owner: RawByteSource, from offset: Int) {
    name = owner.name
    descriptor = owner.descriptor
    ownsDescriptor = false
    memory = []
    filePosition = offset
    self.owner = owner
  }

  /// The size of the regular file behind the descriptor, or nil for a
  /// pipe, a device, or bytes in memory.
  var regularFileSize: Int? {
    guard descriptor >= 0 else { return nil }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
      return nil
    }
    return Int(status.st_size)
  }

  /// A source reading the same file from `offset` on with positioned
  /// reads; nil for bytes in memory.
  func positionedSource(from offset: Int) -> RawByteSource? {
    guard descriptor >= 0 else { return nil }
    return RawByteSource(sharing: self, from: offset)
  }

  /// A source over bytes in memory.
  init(bytes: [UInt8], name: String) {
    self.name = name
    descriptor = -1
    ownsDescriptor = false
    memory = bytes
  }

  deinit { if ownsDescriptor { close(descriptor) } }

  /// Reads up to `count` bytes; 0 means the end.
  ///
  /// - Throws: ``InputError/unreadable(path:reason:)``.
  func read(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    guard descriptor >= 0 else {
      let length = min(count, memory.count - memoryPosition)
      guard length > 0 else { return 0 }
      memory.withUnsafeBufferPointer {
        buffer.update(from: $0.baseAddress! + memoryPosition, count: length)
      }
      memoryPosition += length
      return length
    }
    while true {
      if let position = filePosition {
        let got = pread(descriptor, buffer, count, off_t(position))
        if got >= 0 {
          filePosition = position + got
          return got
        }
        if errno == EINTR { continue }
        throw InputError.unreadable(path: name, reason: String(cString: strerror(errno)))
      }
      let got = SystemCalls.read(descriptor, buffer, count)
      if got >= 0 { return got }
      if errno == EINTR { continue }
      throw InputError.unreadable(path: name, reason: String(cString: strerror(errno)))
    }
  }

  /// Reads `count` bytes, or fewer only at the end (a pipe may deliver
  /// them one read at a time).
  func readFully(_ count: Int) throws -> [UInt8] {
    var bytes = [UInt8](repeating: 0, count: count)
    var filled = 0
    while filled < count {
      let got = try bytes.withUnsafeMutableBufferPointer {
        try read($0.baseAddress! + filled, count - filled)
      }
      if got == 0 { break }
      filled += got
    }
    return Array(bytes[0..<filled])
  }
}
