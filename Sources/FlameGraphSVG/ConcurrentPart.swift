import Dispatch
import FlameGraph

/// A part of a document written on another thread into memory while the
/// caller writes what comes before it, then appended in place: the bytes
/// are those of writing it in line.
///
/// Whoever comes first writes the part: the background thread, or the
/// caller in ``append(to:)`` when no thread has picked the work up yet (a
/// caller on a busy thread pool never waits for a thread that may not come).
///
/// Sendable by hand: the part's writer is used by the thread that claimed
/// the work alone, and the semaphores order that thread's accesses before
/// the caller's.
final class ConcurrentPart: @unchecked Sendable {
  private let bytes = ByteWriter()
  private let write: @Sendable (ByteWriter) -> Void
  private let done = DispatchSemaphore(value: 0)
  /// Guards `isClaimed`.
  private let claimLock = DispatchSemaphore(value: 1)
  private var isClaimed = false

  /// Starts writing the part; `write` must not touch the caller's writer.
  init(_ write: @escaping @Sendable (ByteWriter) -> Void) {
    self.write = write
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      guard claim() else { return }
      run()
      done.signal()
    }
  }

  /// Waits for the part, or writes it when no thread has started it, and
  /// writes it to `writer`. Called once.
  func append(to writer: ByteWriter) {
    if claim() { run() } else { done.wait() }
    bytes.collected.withUnsafeBufferPointer { writer.write(bytes: $0) }
  }

  /// Whether the caller is the first to ask for the work.
  private func claim() -> Bool {
    claimLock.wait()
    defer { claimLock.signal() }
    if isClaimed { return false }
    isClaimed = true
    return true
  }

  private func run() {
    write(bytes)
    bytes.flush()
  }
}
