import Dispatch
import FlameGraph

/// A part of a document written on another thread into memory while the
/// caller writes what comes before it, then appended in place: the bytes
/// are those of writing it in line.
///
/// Sendable by hand: the writer is used by the background thread alone
/// until ``append(to:)`` has waited for it, and the semaphore orders the
/// two threads' accesses.
final class ConcurrentPart: @unchecked Sendable {
  private let bytes = ByteWriter()
  private let done = DispatchSemaphore(value: 0)

  /// Starts writing the part; `write` must not touch the caller's writer.
  init(_ write: @escaping @Sendable (ByteWriter) -> Void) {
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      write(bytes)
      bytes.flush()
      done.signal()
    }
  }

  /// Waits for the part and writes it to `writer`. Called once.
  func append(to writer: ByteWriter) {
    done.wait()
    bytes.collected.withUnsafeBufferPointer { writer.write(bytes: $0) }
  }
}
