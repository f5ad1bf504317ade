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
  /// Stacks queued for the merger, and whether they are the last.
  final class Batch {
    let stacks = StackColumns(frameCapacity: batchFrameCount + 4096)
    var isLast = false
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
      $0.stacks.append(frames, count: count, before: before)
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
    current.takeUnretainedValue().stacks.removeAll()
  }

  /// The background loop: merges batches in order until the last one.
  private func consume() {
    var consumed = 0
    while true {
      filled.wait()
      let batch = ring[consumed % ringSize]
      batch.stacks.forEachStack { frames, count, before in
        merger.accept(frames, count: count, before: before)
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
