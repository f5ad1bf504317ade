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
  /// Stacks queued for the merger, as flat columns. Columns are `let`
  /// references to unchecked buffers: appending a stack costs no
  /// uniqueness or exclusivity checks, which Swift arrays in a class pay.
  final class Batch {
    let frames = RawColumn<FrameID>(capacity: PipelinedMerger.batchFrames + 4096)
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
  }

  /// A batch is handed over once it holds this many frames.
  static let batchFrames = 1 << 15
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
    let batch = current
    if let start = frames.baseAddress {
      batch.frames.append(contentsOf: start, count: frames.count)
    }
    batch.lengths.append(Int32(frames.count))
    batch.counts.append(count)
    batch.befores.append(before ?? .nan)
    if batch.frames.count >= Self.batchFrames { handOver(isLast: false) }
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
