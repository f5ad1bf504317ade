import Dispatch

/// The second part of a split folded-stack file, read on its own thread
/// while the calling thread reads the first (``FoldedFileSplit``).
///
/// It parses into a builder of its own, whose interner numbers names in
/// the part's order and whose sink records stacks (``StackRecorder``)
/// instead of merging them: merging must follow the first part's stacks,
/// in input order, for the tree to be the one reading in one piece gives.
final class FoldedLaterPart: @unchecked Sendable {
  /// The batches of recorded stacks, in order; the last says so.
  let queue: StackBatchQueue
  private let input: InputByteStream
  private let recorder: StackRecorder
  /// The part's parser. Read by the consumer only once it has taken the
  /// last batch, which the reading thread hands over after its last write.
  private(set) var parser: FoldedStackParser
  /// What stopped reading, if anything did; read as ``parser`` is.
  private(set) var error: (any Error)?

  /// Batches that may wait at once: 128 batches of 32,768 frames are 16 MiB
  /// of ids, so a part of a 140 MB profile is read ahead whole, and a
  /// longer one waits for the first part instead of filling memory.
  static let queueCapacity = 128

  /// A part reading `input` (positioned at the part's first line) with
  /// the merging and transform of the whole read.
  init(input: InputByteStream, merging: StackMerging, transform: StackTransform) {
    self.input = input
    queue = StackBatchQueue(capacity: Self.queueCapacity)
    let interner = StackInterner(transform: transform)
    recorder = StackRecorder(names: interner.names, queue: queue)
    parser = FoldedStackParser(
      builder: CallTreeBuilder(merging: merging, interner: interner, sink: recorder))
  }

  /// Starts reading on a thread of its own. A serial queue's work always
  /// gets a thread, even while the shared pool is busy with the merger.
  func start() {
    DispatchQueue(label: "flamegraph.folded-part").async { self.read() }
  }

  private func read() {
    var statistics = FoldedStackReader.ReadStatistics()
    do {
      try FoldedStackReader.read(
        input, into: &parser, statistics: &statistics, isStartOfSource: false,
        shouldStop: { [queue] in queue.isCancelled })
    } catch {
      self.error = error
    }
    recorder.handOver(isLast: true)
  }
}
