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

  /// A source reading a descriptor, closed at the end when `owned`.
  init(descriptor: Int32, owned: Bool, name: String) {
    self.name = name
    self.descriptor = descriptor
    ownsDescriptor = owned
    memory = []
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
