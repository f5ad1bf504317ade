#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An opened input, a file or standard input, whose first bytes can be
/// looked at before anything consumes them: formats are told by content.
///
/// ```swift
/// let input = try InputByteStream(opening: .file("cpu.pprof"))
/// let head = try input.peek(4096)  // the format is told from these
/// let bytes = try input.readAll(limit: InputByteStream.wholeInputLimit)
/// ```
public final class InputByteStream {
  /// The name used in messages: the path, or `-` for standard input.
  public let name: String
  private let descriptor: Int32
  private let ownsDescriptor: Bool
  /// Bytes read ahead by ``peek(_:)`` and not yet handed out.
  private var lookahead: [UInt8] = []
  private var lookaheadStart = 0
  private var reachedEnd = false

  /// The most bytes a format that reads its input whole (JSON, protobuf)
  /// accepts: 1 GiB. Line formats stream and have no such limit.
  public static let wholeInputLimit = 1 << 30

  /// Opens a source for reading.
  ///
  /// - Throws: ``InputError/unreadable(path:reason:)`` when it cannot be opened.
  public init(opening source: InputSource) throws {
    name = source.description
    switch source {
    case .standardInput:
      descriptor = STDIN_FILENO
      ownsDescriptor = false
    case .file(let path):
      let opened = open(path, O_RDONLY)
      guard opened >= 0 else {
        throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      var status = stat()
      if fstat(opened, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        close(opened)
        throw InputError.unreadable(path: path, reason: "it is a directory")
      }
      descriptor = opened
      ownsDescriptor = true
    }
  }

  /// A stream over bytes already in memory (decompressed input, tests).
  public init(bytes: [UInt8], name: String) {
    self.name = name
    descriptor = -1
    ownsDescriptor = false
    lookahead = bytes
    reachedEnd = true
  }

  deinit { if ownsDescriptor { close(descriptor) } }

  /// Up to `count` first bytes not yet consumed, without consuming them
  /// (fewer at the end of the input).
  public func peek(_ count: Int) throws -> ArraySlice<UInt8> {
    while lookahead.count - lookaheadStart < count && !reachedEnd {
      var chunk = [UInt8](
        repeating: 0, count: max(count - (lookahead.count - lookaheadStart), 4096))
      let got = try chunk.withUnsafeMutableBufferPointer {
        try readFromDescriptor($0.baseAddress!, $0.count)
      }
      if got == 0 { reachedEnd = true } else { lookahead += chunk[0..<got] }
    }
    let end = min(lookahead.count, lookaheadStart + count)
    return lookahead[lookaheadStart..<end]
  }

  /// Reads up to `count` bytes into `buffer`, the looked-ahead ones first;
  /// 0 means the end of the input.
  public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    if lookaheadStart < lookahead.count {
      let length = min(count, lookahead.count - lookaheadStart)
      lookahead.withUnsafeBufferPointer {
        buffer.update(from: $0.baseAddress! + lookaheadStart, count: length)
      }
      lookaheadStart += length
      if lookaheadStart == lookahead.count {
        lookahead = []
        lookaheadStart = 0
      }
      return length
    }
    if reachedEnd { return 0 }
    let got = try readFromDescriptor(buffer, count)
    if got == 0 { reachedEnd = true }
    return got
  }

  /// The whole rest of the input.
  ///
  /// - Throws: ``InputError/tooLarge(path:limit:)`` past `limit` bytes.
  public func readAll(limit: Int) throws -> [UInt8] {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 20)
    while true {
      let got = try chunk.withUnsafeMutableBufferPointer {
        try read(into: $0.baseAddress!, count: $0.count)
      }
      if got == 0 { return bytes }
      guard bytes.count + got <= limit else { throw InputError.tooLarge(path: name, limit: limit) }
      bytes += chunk[0..<got]
    }
  }

  private func readFromDescriptor(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int
  {
    guard descriptor >= 0 else { return 0 }
    while true {
      let got = Glibc.read(descriptor, buffer, count)
      if got >= 0 { return got }
      if errno == EINTR { continue }
      throw InputError.unreadable(path: name, reason: String(cString: strerror(errno)))
    }
  }
}
