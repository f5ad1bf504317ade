import Dispatch

/// A bounded hand-over of ``RecordedStackBatch``es from one producing
/// thread to one consuming thread, in order.
///
/// At most `capacity` batches wait at a time: a producer that runs ahead
/// blocks until one is taken, so a split input costs bounded memory
/// however long it is. Two semaphores hand each slot from one thread to
/// the other, which also orders their memory accesses: a batch is fully
/// written before ``take()`` returns it.
final class StackBatchQueue: @unchecked Sendable {
  private let capacity: Int
  /// Ring of slots; slot `n % capacity` holds the `n`-th batch. Only the
  /// producer writes a slot between its `free` wait and `filled` signal,
  /// only the consumer reads it between its `filled` wait and `free` signal.
  private let slots: UnsafeMutablePointer<RecordedStackBatch?>
  private let filled = DispatchSemaphore(value: 0)
  /// Created at zero and signaled up: libdispatch traps when a semaphore
  /// is freed below the value it was created with.
  private let free = DispatchSemaphore(value: 0)
  private var produced = 0
  private var consumed = 0
  /// Set by the consumer when it no longer wants batches; read by the
  /// producer at each hand-over, under the lock.
  private var isCancelledValue = false
  private let lock = DispatchSemaphore(value: 1)

  /// A queue holding at most `capacity` batches at once.
  init(capacity: Int) {
    precondition(capacity > 0, "a queue holds at least one batch")
    self.capacity = capacity
    slots = .allocate(capacity: capacity)
    slots.initialize(repeating: nil, count: capacity)
    for _ in 0..<capacity { free.signal() }
  }

  deinit {
    slots.deinitialize(count: capacity)
    slots.deallocate()
  }

  /// Hands a batch over, waiting while the queue is full. Called by the
  /// producer only; the batch must not be touched afterwards. Once the
  /// consumer has cancelled, the batch is dropped instead.
  func put(_ batch: RecordedStackBatch) {
    if isCancelled { return }
    free.wait()
    // ``cancel()`` wakes a producer waiting here, to drop its batch.
    if isCancelled { return }
    slots[produced % capacity] = batch
    produced += 1
    filled.signal()
  }

  /// The next batch, waiting until there is one. Called by the consumer only.
  func take() -> RecordedStackBatch {
    filled.wait()
    let slot = consumed % capacity
    let batch = slots[slot]!
    slots[slot] = nil
    consumed += 1
    free.signal()
    return batch
  }

  /// Tells the producer to stop early, when the consumer stops taking
  /// batches: the producer's puts drop their batches from then on, and one
  /// waiting on a full queue is woken, so it never blocks forever.
  func cancel() {
    lock.wait()
    isCancelledValue = true
    lock.signal()
    for _ in 0..<capacity { free.signal() }
  }

  /// Whether the consumer called ``cancel()``.
  var isCancelled: Bool {
    lock.wait()
    defer { lock.signal() }
    return isCancelledValue
  }
}
