import Dispatch
import Testing

@testable import FlameGraph

#if canImport(Glibc)
  import Glibc
#endif

/// The hand-over between the thread reading a file's second part and the
/// one merging: in order, bounded, and never stuck when the merging side
/// gives up.
@Suite("Handing recorded stacks between threads")
struct StackBatchQueueTests {
  static func batch(_ marker: Int32, isLast: Bool = false) -> RecordedStackBatch {
    let batch = RecordedStackBatch(frameCapacity: 4)
    batch.stacks.frames.append(marker)
    batch.isLast = isLast
    return batch
  }

  @Test func batchesArriveInOrderThroughASmallQueue() {
    let queue = StackBatchQueue(capacity: 2)
    DispatchQueue(label: "producer").async {
      for marker in 0..<50 { queue.put(Self.batch(Int32(marker), isLast: marker == 49)) }
    }
    var markers: [Int32] = []
    while true {
      let batch = queue.take()
      markers.append(batch.stacks.frames[0])
      if batch.isLast { break }
    }
    #expect(markers == (0..<50).map { Int32($0) })
  }

  @Test func aProducerWaitsWhileTheQueueIsFull() {
    let queue = StackBatchQueue(capacity: 3)
    let putCount = Counter()
    DispatchQueue(label: "producer").async {
      for marker in 0..<10 {
        queue.put(Self.batch(Int32(marker)))
        putCount.add()
      }
    }
    // The producer runs ahead as far as the queue lets it, and no further.
    #expect(Pause.until { putCount.value == 3 })
    Pause.briefly()
    #expect(putCount.value == 3)
    _ = queue.take()
    #expect(Pause.until { putCount.value == 4 })
    Pause.briefly()
    #expect(putCount.value == 4)
    queue.cancel()
  }

  @Test func cancellingWakesAWaitingProducerAndDropsItsBatches() {
    let queue = StackBatchQueue(capacity: 1)
    let done = DispatchSemaphore(value: 0)
    DispatchQueue(label: "producer").async {
      for marker in 0..<20 { queue.put(Self.batch(Int32(marker))) }
      done.signal()
    }
    Pause.briefly()
    queue.cancel()
    // Without the wake-up the producer would wait forever on the full queue.
    #expect(done.wait(timeout: .now() + 10) == .success)
    #expect(queue.isCancelled)
  }
}

/// A count shared between two threads.
private final class Counter: @unchecked Sendable {
  private let lock = DispatchSemaphore(value: 1)
  private var count = 0
  func add() {
    lock.wait()
    count += 1
    lock.signal()
  }
  var value: Int {
    lock.wait()
    defer { lock.signal() }
    return count
  }
}

private enum Pause {
  /// Long enough for another thread to run on if it can.
  static func briefly() { usleep(200_000) }

  /// Waits until `condition` holds, for at most ten seconds; whether it did.
  static func until(_ condition: () -> Bool) -> Bool {
    for _ in 0..<1000 {
      if condition() { return true }
      usleep(10_000)
    }
    return condition()
  }
}
