/// The frames a batch fills up to before it is handed over.
private let batchFrameCount = 1 << 15

/// A ``StackSink`` that merges nothing: it records the stacks of one part
/// of a split input into batches and hands them, with the names interned
/// for them, to a ``StackBatchQueue``. The thread that merges the parts
/// in order replays them (``CallTreeBuilder/replay(_:frameMap:)``) once
/// every part before this one is merged, so the tree, its node numbers and
/// its names come out as if the input had been read in one piece.
final class StackRecorder: StackSink {
  private let names: FrameNameStorage
  private let queue: StackBatchQueue
  private var batch = RecordedStackBatch(frameCapacity: batchFrameCount + 4096)
  /// Names already handed over with an earlier batch.
  private var namesHandedOver = 0

  /// A recorder of stacks whose ids are interned in `names`, handing
  /// batches to `queue`.
  init(names: FrameNameStorage, queue: StackBatchQueue) {
    self.names = names
    self.queue = queue
  }

  func accept(_ frames: UnsafeBufferPointer<FrameID>, count: Double, before: Double?) {
    if batch.stacks.append(frames, count: count, before: before) >= batchFrameCount {
      handOver(isLast: false)
    }
  }

  /// Whether the consumer asked the part to stop reading.
  var isCancelled: Bool { queue.isCancelled }

  /// Hands over what is recorded, with the names interned since the last
  /// hand-over; `isLast` ends the part.
  func handOver(isLast: Bool) {
    let nameCount = names.starts.count - 1
    batch.firstNewName = namesHandedOver
    let firstByte = Int(names.starts[namesHandedOver])
    let lastByte = Int(names.starts[nameCount])
    batch.newNameBytes = Array(
      UnsafeBufferPointer(start: names.bytes.base + firstByte, count: lastByte - firstByte))
    // A terminator, so that the bytes have an address even when every new
    // name is empty.
    batch.newNameBytes.append(0)
    batch.newNameEnds = (namesHandedOver..<nameCount).map {
      Int(names.starts[$0 + 1]) - firstByte
    }
    if !names.locations.isEmpty {
      for frame in namesHandedOver..<nameCount {
        if let location = names.locations[FrameID(frame)] {
          batch.newNameLocations.append((FrameID(frame), location))
        }
      }
    }
    namesHandedOver = nameCount
    batch.isLast = isLast
    queue.put(batch)
    if !isLast { batch = RecordedStackBatch(frameCapacity: batchFrameCount + 4096) }
  }

  /// Recorded stacks are replayed into another builder, whose tree is
  /// finished instead; finishing a recorder is a programming error.
  func finishTree(factor: Double) -> CallTree {
    preconditionFailure("a StackRecorder's stacks are replayed into another builder")
  }
}
