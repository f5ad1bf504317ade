import Dispatch

/// Merges stacks on a second thread while the caller goes on parsing.
///
/// Parsing and interning names take about as long as merging into the
/// tree, so on two cores the pipeline nearly halves the time of reading a
/// large profile. Stacks travel in batches through a ring of a few buffers;
/// two semaphores hand each buffer from one thread to the other, which also
/// orders their memory accesses. The merger is touched only by the
/// background thread until ``finishTree(factor:)`` has waited for it.
final class PipelinedMerger: StackSink, @unchecked Sendable {
  /// Stacks queued for the merger, as flat columns.
  final class Batch {
    var frames: [FrameID] = []
    /// Frames per stack.
    var lengths: [Int32] = []
    var counts: [Double] = []
    /// NaN when the line had a single count.
    var befores: [Double] = []
    var isLast = false

    func removeAll() {
      frames.removeAll(keepingCapacity: true)
      lengths.removeAll(keepingCapacity: true)
      counts.removeAll(keepingCapacity: true)
      befores.removeAll(keepingCapacity: true)
    }
  }

  /// A batch is handed over once it holds this many frames.
  private static let batchFrames = 1 << 15
  private static let ringSize = 4

  private let merger: TreeMerger
  private let ring: [Batch]
  private var produced = 0
  private let filled = DispatchSemaphore(value: 0)
  /// Created at zero and signaled up: libdispatch traps when a semaphore
  /// is freed below the value it was created with.
  private let emptied = DispatchSemaphore(value: 0)
  private let finished = DispatchSemaphore(value: 0)
  private var current: Batch

  init(merger: TreeMerger) {
    self.merger = merger
    ring = (0..<Self.ringSize).map { _ in Batch() }
    for _ in 0..<Self.ringSize { emptied.signal() }
    emptied.wait()
    current = ring[0]
    DispatchQueue.global(qos: .userInitiated).async { self.consume() }
  }

  func accept(_ frames: UnsafeBufferPointer<FrameID>, count: Double, before: Double?) {
    current.frames.append(contentsOf: frames)
    current.lengths.append(Int32(frames.count))
    current.counts.append(count)
    current.befores.append(before ?? .nan)
    if current.frames.count >= Self.batchFrames { handOver(isLast: false) }
  }

  private func handOver(isLast: Bool) {
    current.isLast = isLast
    filled.signal()
    guard !isLast else { return }
    produced += 1
    emptied.wait()
    current = ring[produced % Self.ringSize]
    current.removeAll()
  }

  /// The background loop: merges batches in order until the last one.
  private func consume() {
    var consumed = 0
    while true {
      filled.wait()
      let batch = ring[consumed % Self.ringSize]
      batch.frames.withUnsafeBufferPointer { frames in
        var start = 0
        for stack in 0..<batch.lengths.count {
          let length = Int(batch.lengths[stack])
          let before = batch.befores[stack]
          merger.accept(
            UnsafeBufferPointer(rebasing: frames[start..<(start + length)]),
            count: batch.counts[stack], before: before.isNaN ? nil : before)
          start += length
        }
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
