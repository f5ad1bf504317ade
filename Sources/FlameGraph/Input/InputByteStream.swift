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
///
/// An input whose first two bytes are `1f 8b` is gzip-compressed: it is
/// decompressed as it is read (``InflateStream``), so ``peek(_:)``,
/// ``read(into:count:)`` and ``readAll(limit:)`` see the decompressed
/// bytes, and every importer reads `profile.folded.gz` (or a gzipped
/// pipe) as it reads `profile.folded`.
///
/// There is no separate limit on the decompressed size or the compression
/// ratio, because nothing holds a decompressed input whole except a
/// format read whole, and that stops at ``wholeInputLimit`` of
/// decompressed bytes. Line formats stream the decompressed bytes through
/// their parser with its own limits (the longest line), so a "gzip bomb"
/// costs time, not memory, and only in proportion to its decompressed
/// size, which DEFLATE keeps under about 1,032 times the compressed size.
public final class InputByteStream {
  /// The name used in messages: the path, or `-` for standard input.
  public let name: String
  private let raw: RawByteSource
  /// The decompressor, for gzip input; nil until the input's first bytes
  /// are read, and for plain input.
  private var decompressor: InflateStream?
  private var sniffed = false
  /// Bytes read ahead by ``peek(_:)`` and not yet handed out.
  private var lookahead: [UInt8] = []
  private var lookaheadStart = 0
  private var reachedEnd = false
  /// Bytes handed out by ``read(into:count:)`` so far.
  private(set) var bytesRead = 0

  /// The most bytes a format that reads its input whole (JSON, protobuf)
  /// accepts: 1 GiB, decompressed. Line formats stream and have no such limit.
  public static let wholeInputLimit = 1 << 30

  /// Opens a source for reading.
  ///
  /// - Throws: ``InputError/unreadable(path:reason:)`` when it cannot be opened.
  public init(opening source: InputSource) throws {
    name = source.description
    switch source {
    case .standardInput:
      raw = RawByteSource(descriptor: STDIN_FILENO, owned: false, name: name)
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
      raw = RawByteSource(descriptor: opened, owned: true, name: name)
    }
  }

  /// A stream over the raw bytes of `raw`, taken as they are: a later part
  /// of a file is neither sniffed for gzip nor the start of anything.
  private init(continuing raw: RawByteSource, name: String) {
    self.name = name
    self.raw = raw
    sniffed = true
  }

  /// The size of the input, when it is a regular file stored as it is
  /// read (not compressed) of which nothing has been read yet but
  /// looked-ahead bytes: the inputs that can be read in parts at once.
  func sizeOfPlainFile() throws -> Int? {
    try sniff()
    guard decompressor == nil, bytesRead == 0 else { return nil }
    return raw.regularFileSize
  }

  /// A stream over the bytes of this file from `offset` on, read with
  /// positioned reads, so that it can be read on another thread while
  /// this stream reads the bytes before `offset` (``sizeOfPlainFile()``
  /// says when that holds). It keeps this stream's descriptor open.
  func continuation(from offset: Int) -> InputByteStream? {
    raw.positionedSource(from: offset).map { InputByteStream(continuing: $0, name: name) }
  }

  /// A stream over bytes already in memory (tests, fuzzing); gzip bytes
  /// are decompressed as from a file.
  public init(bytes: [UInt8], name: String) {
    self.name = name
    raw = RawByteSource(bytes: bytes, name: name)
  }

  /// Whether the input is gzip-compressed, which reading its first two
  /// bytes tells (this reads them if nothing has yet).
  public var isCompressed: Bool {
    get throws {
      try sniff()
      return decompressor != nil
    }
  }

  /// Up to `count` first bytes not yet consumed, without consuming them
  /// (fewer at the end of the input).
  public func peek(_ count: Int) throws -> ArraySlice<UInt8> {
    try sniff()
    while lookahead.count - lookaheadStart < count && !reachedEnd {
      var chunk = [UInt8](
        repeating: 0, count: max(count - (lookahead.count - lookaheadStart), 4096))
      let got = try chunk.withUnsafeMutableBufferPointer {
        try readDecoded($0.baseAddress!, $0.count)
      }
      if got == 0 { reachedEnd = true } else { lookahead += chunk[0..<got] }
    }
    let end = min(lookahead.count, lookaheadStart + count)
    return lookahead[lookaheadStart..<end]
  }

  /// Reads up to `count` bytes into `buffer`, the looked-ahead ones first;
  /// 0 means the end of the input.
  public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    try sniff()
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
      bytesRead += length
      return length
    }
    if reachedEnd { return 0 }
    let got = try readDecoded(buffer, count)
    if got == 0 { reachedEnd = true }
    bytesRead += got
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

  /// Reads the first two bytes once: `1f 8b` starts a decompressor that
  /// takes them back; other bytes are handed out as they are.
  private func sniff() throws {
    guard !sniffed else { return }
    sniffed = true
    let head = try raw.readFully(2)
    if head == [0x1F, 0x8B] {
      let raw = raw
      decompressor = InflateStream(container: .gzip, name: name, prefix: head) {
        try raw.read($0, $1)
      }
    } else {
      lookahead = head
      if head.count < 2 { reachedEnd = true }
    }
  }

  /// Reads past the lookahead: decompressed bytes, or the bytes as stored.
  private func readDecoded(_ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) throws -> Int {
    if let decompressor { return try decompressor.read(into: buffer, count: count) }
    return try raw.read(buffer, count)
  }
}
