import Dispatch

/// A batch of the ``PipelinedMerger`` is handed over once it holds this
/// many frames.
private let batchFrameCount = 1 << 15
/// Batches in the ring: the parser fills one while the merger empties another.
private let ringSize = 4

/// Merges stacks on a second thread while the caller goes on parsing.
///
/// Parsing and interning names take about as long as merging into the
/// tree, so on two cores the pipeline nearly halves the time of reading a
/// large profile. Stacks travel in batches through a ring of a few buffers;
/// two semaphores hand each buffer from one thread to the other, which also
/// orders their memory accesses. The merger is touched only by the
/// background thread until ``finishTree(factor:)`` has waited for it.
final class PipelinedMerger<Merger: StackSink>: StackSink, @unchecked Sendable {
  /// Stacks queued for the merger, as flat columns. Columns are `let`
  /// references to unchecked buffers: appending a stack costs no
  /// uniqueness or exclusivity checks, which Swift arrays in a class pay.
  final class Batch {
    let frames = RawColumn<FrameID>(capacity: batchFrameCount + 4096)
    /// Frames per stack.
    let lengths = RawColumn<Int32>(capacity: 4096)
    let counts = RawColumn<Double>(capacity: 4096)
    /// NaN when the line had a single count.
    let befores = RawColumn<Double>(capacity: 4096)
    var isLast = false

    func removeAll() {
      frames.removeAll()
      lengths.removeAll()
      counts.removeAll()
      befores.removeAll()
    }

    /// Appends one stack; returns the frames the batch then holds. A
    /// method, so that the columns are reached through a `self` the call
    /// guarantees alive: reached from outside, each column was retained
    /// and released around its append, four pairs a stack.
    @inline(never)
    func append(_ stack: UnsafeBufferPointer<FrameID>, count: Double, before: Double?) -> Int {
      if let start = stack.baseAddress {
        frames.append(contentsOf: start, count: stack.count)
      }
      lengths.append(Int32(stack.count))
      counts.append(count)
      befores.append(before ?? .nan)
      return frames.count
    }
  }

  private let merger: Merger
  private let ring: [Batch]
  private var produced = 0
  private let filled = DispatchSemaphore(value: 0)
  /// Created at zero and signaled up: libdispatch traps when a semaphore
  /// is freed below the value it was created with.
  private let emptied = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  /// The batch being filled. `ring` holds every batch strongly for the
  /// merger's lifetime, so this reference needs no counting of its own:
  /// with a strong one, each stack appended paid a retain and a release.
  private var current: Unmanaged<Batch>

  init(merger: Merger) {
    self.merger = merger
    ring = (0..<ringSize).map { _ in Batch() }
    for _ in 0..<ringSize { emptied.signal() }
    emptied.wait()
    current = Unmanaged.passUnretained(ring[0])
    DispatchQueue.global(qos: .userInitiated).async { self.consume() }
  }

  func accept(_ frames: UnsafeBufferPointer<FrameID>, count: Double, before: Double?) {
    let held = current._withUnsafeGuaranteedRef {
      $0.append(frames, count: count, before: before)
    }
    if held >= batchFrameCount {
      handOver(isLast: false)
    }
  }

  private func handOver(isLast: Bool) {
    current.takeUnretainedValue().isLast = isLast
    filled.signal()
    guard !isLast else { return }
    produced += 1
    emptied.wait()
    current = Unmanaged.passUnretained(ring[produced % ringSize])
    current.takeUnretainedValue().removeAll()
  }

  /// The background loop: merges batches in order until the last one.
  private func consume() {
    var consumed = 0
    while true {
      filled.wait()
      let batch = ring[consumed % ringSize]
      let frames = batch.frames.buffer
      let lengths = batch.lengths.buffer
      let counts = batch.counts.buffer
      let befores = batch.befores.buffer
      var start = 0
      for stack in 0..<lengths.count {
        let length = Int(lengths[stack])
        let before = befores[stack]
        merger.accept(
          UnsafeBufferPointer(rebasing: frames[start..<(start + length)]),
          count: counts[stack], before: before.isNaN ? nil : before)
        start += length
      }
      if batch.isLast { break }
      consumed += 1
      emptied.signal()
    }
    finished.signal()
  }

  func finishTree(factor: Double) -> CallTree {
    handOver(isLast: true)
    finished.wait()
    return merger.finishTree(factor: factor)
  }
}
