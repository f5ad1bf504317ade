#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A buffered byte output: backends append text and numbers, and it hands
/// large chunks to its sink (a file, standard output, or memory).
///
/// Appending never throws, to keep backends' loops simple; the first sink
/// error is kept and thrown by ``finish()``.
///
/// ```swift
/// let writer = ByteWriter()
/// writer.write("x=")
/// writer.write(number: 12.5)
/// try writer.finish()
/// String(decoding: writer.collected, as: UTF8.self)  // "x=12.5"
/// ```
public final class ByteWriter {
  /// Receives a chunk of output.
  public typealias Sink = (UnsafeRawBufferPointer) throws -> Void

  private var buffer: [UInt8] = []
  private let sink: Sink?
  private let chunkSize: Int
  private var failure: (any Error)?
  /// Everything written, when the writer collects in memory.
  public private(set) var collected: [UInt8] = []

  /// A writer that collects everything in ``collected``.
  public init() {
    sink = nil
    chunkSize = 1 << 20
    buffer.reserveCapacity(chunkSize)
  }

  /// A writer that flushes chunks of about `chunkSize` bytes to `sink`.
  public init(chunkSize: Int = 1 << 20, sink: @escaping Sink) {
    self.sink = sink
    self.chunkSize = chunkSize
    buffer.reserveCapacity(chunkSize + 4096)
  }

  /// A writer to a file descriptor, such as standard output.
  public convenience init(fileDescriptor: Int32) {
    self.init { chunk in try ByteWriter.writeAll(chunk, to: fileDescriptor, name: "output") }
  }

  /// Appends UTF-8 text.
  @inline(__always)
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { buffer.append(contentsOf: $0) }
    flushIfFull()
  }

  /// Appends one byte.
  @inline(__always)
  public func write(byte: UInt8) {
    buffer.append(byte)
  }

  /// Appends raw bytes.
  public func write<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    buffer.append(contentsOf: bytes)
    flushIfFull()
  }

  /// Appends raw bytes from memory.
  @inline(__always)
  public func write(bytes: UnsafeBufferPointer<UInt8>) {
    buffer.append(contentsOf: bytes)
    flushIfFull()
  }

  /// Appends a color as `#rrggbb`.
  @inline(__always)
  public func write(hexColor color: RGBColor) {
    let digits: StaticString = "0123456789abcdef"
    let table = digits.utf8Start
    buffer.append(UInt8(ascii: "#"))
    for channel in [color.red, color.green, color.blue] {
      buffer.append(table[Int(channel >> 4)])
      buffer.append(table[Int(channel & 0xf)])
    }
  }

  /// Appends a number with at most `decimals` decimals (0...6), trailing
  /// zeros dropped: `12`, `12.5`, `0.33`. No `String(format:)`, no locale.
  public func write(number: Double, decimals: Int = 2) {
    guard number.isFinite else {
      buffer.append(UInt8(ascii: "0"))
      return
    }
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    // Too large for scaled integers: Swift's own shortest form (`1e+17`),
    // which SVG, JSON and JavaScript all read.
    guard abs(number) * Double(scale) < 9e18 else {
      write(String(number))
      return
    }
    var scaled = Int64((number * Double(scale)).rounded())
    if scaled < 0 {
      buffer.append(UInt8(ascii: "-"))
      scaled = -scaled
    }
    writeInteger(scaled / scale)
    var fraction = scaled % scale
    guard fraction != 0 else { return }
    buffer.append(UInt8(ascii: "."))
    var digits = decimals
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    var divisor: Int64 = 1
    for _ in 1..<max(digits, 1) { divisor *= 10 }
    while divisor > 0 {
      buffer.append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
      divisor /= 10
    }
  }

  /// Appends a non-negative integer in decimal.
  public func writeInteger(_ value: Int64) {
    if value < 10 {
      buffer.append(UInt8(ascii: "0") + UInt8(value))
      return
    }
    var digits:
      (
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
        UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
      ) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    var rest = value
    withUnsafeMutableBytes(of: &digits) { storage in
      while rest > 0 {
        storage[count] = UInt8(ascii: "0") + UInt8(rest % 10)
        rest /= 10
        count += 1
      }
      for index in stride(from: count - 1, through: 0, by: -1) { buffer.append(storage[index]) }
    }
  }

  @inline(__always)
  private func flushIfFull() {
    if buffer.count >= chunkSize { flush() }
  }

  /// Hands buffered bytes to the sink (or to ``collected``).
  public func flush() {
    guard !buffer.isEmpty else { return }
    if let sink {
      if failure == nil {
        do { try buffer.withUnsafeBytes { try sink($0) } } catch { failure = error }
      }
    } else {
      collected.append(contentsOf: buffer)
    }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Flushes and throws the first error the sink met, if any.
  public func finish() throws {
    flush()
    if let failure { throw failure }
  }

  /// Writes a whole chunk to a descriptor, retrying short writes.
  static func writeAll(_ chunk: UnsafeRawBufferPointer, to descriptor: Int32, name: String) throws {
    var offset = 0
    while offset < chunk.count {
      let written = Glibc.write(descriptor, chunk.baseAddress! + offset, chunk.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        throw OutputError.writeFailed(path: name, reason: String(cString: strerror(errno)))
      }
      offset += written
    }
  }
}
