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

  /// The pending bytes: `storage[0..<count]`, room for `capacity`. Raw
  /// memory and inlinable appends keep the per-byte cost of writers in
  /// other modules at a store and an increment.
  @usableFromInline let storage: UnsafeMutablePointer<UInt8>
  /// How many bytes are pending, kept behind a pointer: a stored `var` of a
  /// class costs a dynamic exclusivity check on every access from code
  /// that cannot prove it alone (every inlined append in other modules),
  /// which was a tenth of the instructions of a small graph's whole run.
  @usableFromInline let pendingCount: UnsafeMutablePointer<Int>
  /// The number of pending bytes.
  @usableFromInline var count: Int {
    @inline(__always) get { pendingCount.pointee }
    @inline(__always) set { pendingCount.pointee = newValue }
  }
  @usableFromInline let capacity: Int
  private let sink: Sink?
  private var failure: (any Error)?
  /// Everything written, when the writer collects in memory.
  public private(set) var collected: [UInt8] = []

  /// A writer that collects everything in ``collected``.
  public init() {
    sink = nil
    capacity = 1 << 20
    storage = .allocate(capacity: capacity)
    pendingCount = .allocate(capacity: 1)
    pendingCount.initialize(to: 0)
  }

  /// A writer that flushes chunks of about `chunkSize` bytes to `sink`.
  public init(chunkSize: Int = 1 << 20, sink: @escaping Sink) {
    self.sink = sink
    capacity = max(chunkSize, 64)
    storage = .allocate(capacity: capacity)
    pendingCount = .allocate(capacity: 1)
    pendingCount.initialize(to: 0)
  }

  deinit {
    storage.deallocate()
    pendingCount.deallocate()
  }

  /// A writer to a file descriptor, such as standard output.
  public convenience init(fileDescriptor: Int32) {
    self.init { chunk in try ByteWriter.writeAll(chunk, to: fileDescriptor, name: "output") }
  }

  /// Appends UTF-8 text.
  ///
  /// Disfavored so that a literal takes the `StaticString` overload, which
  /// copies its bytes without going through a string.
  @inlinable @_disfavoredOverload
  public func write(_ text: String) {
    var text = text
    text.withUTF8 { write(bytes: $0) }
  }

  /// Appends one byte.
  @inlinable
  public func write(byte: UInt8) {
    if count == capacity { flush() }
    storage[count] = byte
    count += 1
  }

  /// Appends raw bytes from memory.
  @inlinable
  public func write(bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    if count + bytes.count > capacity {
      flush()
      if bytes.count > capacity {
        deliver(UnsafeRawBufferPointer(bytes))
        return
      }
    }
    (storage + count).update(from: base, count: bytes.count)
    count += bytes.count
  }

  /// Appends raw bytes.
  public func write<Bytes: Sequence>(bytes: Bytes) where Bytes.Element == UInt8 {
    for byte in bytes { write(byte: byte) }
  }

  /// Appends an array's bytes in one copy (the viewer's script and style
  /// are tens of kilobytes: byte by byte through the generic path, they
  /// cost more than the frames of a small graph).
  public func write(bytes: [UInt8]) {
    bytes.withUnsafeBufferPointer { write(bytes: $0) }
  }

  /// Appends a static string's bytes.
  @inlinable
  public func write(_ text: StaticString) {
    write(bytes: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  /// Appends a color as `#rrggbb`.
  @inlinable
  public func write(hexColor color: RGBColor) {
    let digits: StaticString = "0123456789abcdef"
    let table = digits.utf8Start
    write(byte: UInt8(ascii: "#"))
    write(byte: table[Int(color.red >> 4)])
    write(byte: table[Int(color.red & 0xf)])
    write(byte: table[Int(color.green >> 4)])
    write(byte: table[Int(color.green & 0xf)])
    write(byte: table[Int(color.blue >> 4)])
    write(byte: table[Int(color.blue & 0xf)])
  }

  /// Appends a number with at most `decimals` decimals (0...6), trailing
  /// zeros dropped: `12`, `12.5`, `0.33`. No `String(format:)`, no locale.
  public func write(number: Double, decimals: Int = 2) {
    guard number.isFinite else {
      write(byte: UInt8(ascii: "0"))
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
    let negative = scaled < 0
    if negative { scaled = -scaled }
    // Written backwards into a small buffer, then copied at once: a sign,
    // at most 19 digits, a point and 6 decimals fit in 32 bytes.
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
      var end = buffer.count
      var fraction = scaled % scale
      if fraction != 0 {
        // Trailing zeros dropped.
        var digits = decimals
        while fraction % 10 == 0 {
          fraction /= 10
          digits -= 1
        }
        for _ in 0..<digits {
          end -= 1
          buffer[end] = UInt8(ascii: "0") + UInt8(fraction % 10)
          fraction /= 10
        }
        end -= 1
        buffer[end] = UInt8(ascii: ".")
      }
      var whole = scaled / scale
      repeat {
        end -= 1
        buffer[end] = UInt8(ascii: "0") + UInt8(whole % 10)
        whole /= 10
      } while whole > 0
      if negative {
        end -= 1
        buffer[end] = UInt8(ascii: "-")
      }
      write(bytes: UnsafeBufferPointer(rebasing: buffer[end...]))
    }
  }

  /// Appends a number that reads back as exactly `number` in JSON, SVG and
  /// JavaScript: whole numbers below 2^53 as integers (`12`), others in
  /// Swift's shortest round-trip form (`0.1`, `1e-07`, `2.5e+300`, all valid
  /// JSON); a non-finite number, which none of them can hold, as `0`.
  ///
  /// ```swift
  /// writer.write(exactNumber: 3)           // "3"
  /// writer.write(exactNumber: 0.0000001)   // "1e-07"
  /// ```
  public func write(exactNumber number: Double) {
    guard number.isFinite else {
      write(byte: UInt8(ascii: "0"))
      return
    }
    // Below 2^53 every whole number is exact as an integer.
    if number == number.rounded(.towardZero) && abs(number) < 9_007_199_254_740_992 {
      if number < 0 { write(byte: UInt8(ascii: "-")) }
      writeInteger(Int64(abs(number)))
    } else {
      write(number.description)
    }
  }

  /// Appends a non-negative integer in decimal.
  public func writeInteger(_ value: Int64) {
    if value < 10 {
      write(byte: UInt8(ascii: "0") + UInt8(value))
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
      for index in stride(from: count - 1, through: 0, by: -1) { write(byte: storage[index]) }
    }
  }

  /// Hands buffered bytes to the sink (or to ``collected``).
  public func flush() {
    guard count > 0 else { return }
    deliver(UnsafeRawBufferPointer(start: storage, count: count))
    count = 0
  }

  /// Passes bytes on, keeping the first error.
  @usableFromInline
  func deliver(_ bytes: UnsafeRawBufferPointer) {
    if let sink {
      if failure == nil {
        do { try sink(bytes) } catch { failure = error }
      }
    } else {
      collected.append(contentsOf: bytes)
    }
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
      let written = SystemCalls.write(descriptor, chunk.baseAddress! + offset, chunk.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        // A descriptor shared in non-blocking mode (a terminal, a pipe set
        // up by another program): wait until it takes more.
        if errno == EAGAIN || errno == EWOULDBLOCK {
          var ready = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&ready, 1, -1)
          continue
        }
        throw OutputError.writeFailed(path: name, reason: OutputError.reason(errno: errno))
      }
      offset += written
    }
  }
}
