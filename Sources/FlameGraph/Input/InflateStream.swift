/// Decompresses a gzip (RFC 1952), zlib (RFC 1950) or raw DEFLATE
/// (RFC 1951) stream as it is read, chunk by chunk, in pure Swift.
///
/// Memory stays bounded whatever the sizes: a 256 KiB input buffer and a
/// window of 1 MiB plus the 32 KiB of history. Every checksum is verified
/// (gzip's CRC-32 and length of each member, its header CRC when present,
/// zlib's Adler-32); a corrupt or truncated stream throws
/// ``InputError/corruptCompressedInput(path:format:offset:reason:)`` with
/// the byte of the compressed input where it was found, and the stream
/// stays failed: reading again throws the same error.
///
/// ```swift
/// let stream = InflateStream(container: .gzip, name: "cpu.folded.gz", bytes: compressed)
/// let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: 1 << 16)
/// while true {
///   let got = try stream.read(into: buffer, count: 1 << 16)
///   if got == 0 { break }
///   parse(buffer, got)  // the next `got` decompressed bytes
/// }
/// ```
///
/// Gzip input may hold several members, decompressed one after the other
/// (`cat a.gz b.gz`); zero bytes after the last one are ignored (padding),
/// anything else is an error. A zlib or raw DEFLATE stream ends with its
/// final block; what follows it is not read.
public final class InflateStream {
  /// The wrapping around the DEFLATE data.
  public enum Container: String, Sendable, CaseIterable {
    /// gzip (RFC 1952): `1f 8b` header, CRC-32 and length trailer, any number of members.
    case gzip
    /// zlib (RFC 1950): two-byte header, Adler-32 trailer.
    case zlib
    /// Raw DEFLATE (RFC 1951), no header or checksum.
    case deflate
  }

  /// The container read.
  public let container: Container
  /// The name used in messages: the path, or `-` for standard input.
  public let name: String

  private let inflater: Inflater
  private enum Phase {
    case header
    case body
    case trailer
    case finished
  }
  private var phase = Phase.header
  /// Window bytes `[handedOut, inflater.outputEnd)` are decoded and not
  /// yet read; bytes `[checked, inflater.outputEnd)` are not yet in the checksum.
  private var handedOut = 0
  private var checked = 0
  private var checksum: UInt32 = 0
  private var memberLength = 0
  private var failure: InputError?

  /// A stream that reads compressed bytes from `source` (0 meaning the
  /// end), after `prefix`, bytes already read from it.
  public init(
    container: Container, name: String, prefix: [UInt8] = [],
    source: @escaping (UnsafeMutablePointer<UInt8>, Int) throws -> Int
  ) {
    self.container = container
    self.name = name
    inflater = Inflater(prefix: prefix, source: source)
    startMember()
  }

  /// A stream over compressed bytes in memory.
  public convenience init(container: Container, name: String, bytes: [UInt8]) {
    var position = 0
    self.init(container: container, name: name) { buffer, count in
      let length = min(count, bytes.count - position)
      guard length > 0 else { return 0 }
      bytes.withUnsafeBufferPointer {
        buffer.update(from: $0.baseAddress! + position, count: length)
      }
      position += length
      return length
    }
  }

  /// Decompresses bytes in memory whole.
  ///
  /// ```swift
  /// let text = try InflateStream.decompress(gzipped)
  /// ```
  ///
  /// - Throws: ``InputError/corruptCompressedInput(path:format:offset:reason:)``.
  public static func decompress(
    _ bytes: [UInt8], container: Container = .gzip, name: String = "input"
  ) throws -> [UInt8] {
    let stream = InflateStream(container: container, name: name, bytes: bytes)
    var output: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = try chunk.withUnsafeMutableBufferPointer {
        try stream.read(into: $0.baseAddress!, count: $0.count)
      }
      if got == 0 { return output }
      output += chunk[0..<got]
    }
  }

  /// Reads up to `count` decompressed bytes into `buffer`; 0 means the end.
  ///
  /// - Throws: ``InputError/corruptCompressedInput(path:format:offset:reason:)``
  ///   for corrupt data, and what the source throws.
  public func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) throws -> Int {
    if let failure { throw failure }
    do {
      while handedOut == inflater.outputEnd {
        if phase == .finished || count == 0 { return 0 }
        try advance()
      }
    } catch let error as CorruptCompressedData {
      failure = InputError.corruptCompressedInput(
        path: name, format: container.rawValue, offset: error.offset, reason: error.reason)
      throw failure!
    } catch {
      if let error = error as? InputError { failure = error }
      throw error
    }
    let length = min(count, inflater.outputEnd - handedOut)
    buffer.update(from: inflater.window + handedOut, count: length)
    handedOut += length
    return length
  }

  /// One step: a header, some decoded output, or a trailer.
  private func advance() throws {
    switch phase {
    case .header:
      switch container {
      case .gzip: try readGzipHeader()
      case .zlib: try readZlibHeader()
      case .deflate: break
      }
      phase = .body
    case .body:
      if inflater.isFull {
        inflater.slide()
        handedOut = inflater.outputEnd
        checked = inflater.outputEnd
      }
      try inflater.inflate()
      updateChecksum()
      if inflater.isFinished { phase = .trailer }
    case .trailer:
      try readTrailer()
    case .finished:
      break
    }
  }

  private func startMember() {
    checksum = container == .zlib ? 1 : 0
    memberLength = 0
    checked = inflater.outputEnd
  }

  private func updateChecksum() {
    let length = inflater.outputEnd - checked
    guard length > 0 else { return }
    switch container {
    case .gzip: checksum = CRC32.update(checksum, inflater.window + checked, count: length)
    case .zlib: checksum = Adler32.update(checksum, inflater.window + checked, count: length)
    case .deflate: break
    }
    memberLength &+= length
    checked = inflater.outputEnd
  }

  private func corrupt(_ reason: String, at offset: Int) -> CorruptCompressedData {
    CorruptCompressedData(reason: reason, offset: offset)
  }

  /// The flags of a gzip header (RFC 1952, 2.3.1).
  private enum GzipFlag {
    static let headerCRC: UInt8 = 0x02
    static let extra: UInt8 = 0x04
    static let name: UInt8 = 0x08
    static let comment: UInt8 = 0x10
    static let reserved: UInt8 = 0xE0
  }

  /// Reads a gzip member's header, checking its CRC when it has one.
  private func readGzipHeader(firstByteRead: Bool = false) throws {
    let start = inflater.reader.offset - (firstByteRead ? 1 : 0)
    var crc = firstByteRead ? CRC32.update(0, byte: 0x1F) : 0
    func byte() throws -> UInt8 {
      let byte = try inflater.reader.readByte()
      crc = CRC32.update(crc, byte: byte)
      return byte
    }
    if !firstByteRead {
      guard try byte() == 0x1F else { throw corrupt("not a gzip header", at: start) }
    }
    guard try byte() == 0x8B else { throw corrupt("not a gzip header", at: start) }
    let method = try byte()
    guard method == 8 else {
      throw corrupt("unknown compression method \(method)", at: start + 2)
    }
    let flags = try byte()
    guard flags & GzipFlag.reserved == 0 else {
      throw corrupt("reserved header flags are set", at: start + 3)
    }
    for _ in 0..<6 { _ = try byte() }  // modification time, extra flags, system
    if flags & GzipFlag.extra != 0 {
      let length = try Int(byte()) | Int(byte()) << 8
      for _ in 0..<length { _ = try byte() }
    }
    if flags & GzipFlag.name != 0 { while try byte() != 0 {} }
    if flags & GzipFlag.comment != 0 { while try byte() != 0 {} }
    if flags & GzipFlag.headerCRC != 0 {
      let expected = crc & 0xFFFF
      let offset = inflater.reader.offset
      let stored = try UInt32(inflater.reader.readByte()) | UInt32(inflater.reader.readByte()) << 8
      guard stored == expected else { throw corrupt("header checksum mismatch", at: offset) }
    }
  }

  /// Reads a zlib header (RFC 1950, 2.2).
  private func readZlibHeader() throws {
    let method = try inflater.reader.readByte()
    let flags = try inflater.reader.readByte()
    guard method & 0x0F == 8, method >> 4 <= 7 else {
      throw corrupt("not a zlib header (unknown method or window)", at: 0)
    }
    guard (UInt16(method) << 8 | UInt16(flags)) % 31 == 0 else {
      throw corrupt("not a zlib header (bad check bits)", at: 0)
    }
    guard flags & 0x20 == 0 else { throw corrupt("preset dictionaries are not supported", at: 1) }
  }

  /// Reads the checksums after the final block, then either the next gzip
  /// member's start or the end.
  private func readTrailer() throws {
    inflater.reader.alignToByte()
    let offset = inflater.reader.offset
    switch container {
    case .deflate:
      phase = .finished
      return
    case .zlib:
      var stored: UInt32 = 0
      for _ in 0..<4 { stored = try stored << 8 | UInt32(inflater.reader.readByte()) }
      guard stored == checksum else { throw corrupt("Adler-32 mismatch", at: offset) }
      phase = .finished
      return
    case .gzip:
      var stored: UInt32 = 0
      for shift in stride(from: 0, to: 32, by: 8) {
        stored |= try UInt32(inflater.reader.readByte()) << shift
      }
      guard stored == checksum else { throw corrupt("CRC-32 mismatch", at: offset) }
      var length: UInt32 = 0
      for shift in stride(from: 0, to: 32, by: 8) {
        length |= try UInt32(inflater.reader.readByte()) << shift
      }
      guard length == UInt32(truncatingIfNeeded: memberLength) else {
        throw corrupt("length mismatch", at: offset + 4)
      }
    }
    // Another member, zero padding, or the end.
    guard try inflater.reader.hasMoreInput() else {
      phase = .finished
      return
    }
    let next = inflater.reader.offset
    let first = try inflater.reader.readByte()
    if first == 0 {
      while try inflater.reader.hasMoreInput() {
        let offset = inflater.reader.offset
        guard try inflater.reader.readByte() == 0 else {
          throw corrupt("unexpected data after the last member", at: offset)
        }
      }
      phase = .finished
      return
    }
    guard first == 0x1F else { throw corrupt("unexpected data after the last member", at: next) }
    inflater.startStream()
    startMember()
    try readGzipHeader(firstByteRead: true)
    phase = .body
  }
}
