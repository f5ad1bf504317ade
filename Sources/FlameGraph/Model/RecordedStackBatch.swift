/// Stacks of frame ids read by one part of a split input, in input order,
/// with the names its parser interned while reading them: what
/// ``StackRecorder`` hands over to be merged once the parts before it are.
///
/// The ids are the part's own: name `firstNewName + k` of the part is the
/// `k`-th name of ``newNameEnds``. A batch is written by one thread, then
/// read by another after a semaphore handover, never both at once.
final class RecordedStackBatch {
  /// Every stack's frames, root first, one after the other.
  let frames: RawColumn<FrameID>
  /// Frames per stack.
  let lengths = RawColumn<Int32>(capacity: 2048)
  /// The count of each stack.
  let counts = RawColumn<Double>(capacity: 2048)
  /// The first count of a differential line; NaN when the line had one.
  let befores = RawColumn<Double>(capacity: 2048)
  /// The part's id of the first name in ``newNameBytes``.
  var firstNewName = 0
  /// The bytes of the names first interned while this batch filled, and a
  /// final 0 so that they have an address even when every name is empty.
  var newNameBytes: [UInt8] = []
  /// Where each new name ends in ``newNameBytes``.
  var newNameEnds: [Int] = []
  /// Locations the part's interner gave new names (the depth-limit
  /// marker's keep their original's), by the part's id.
  var newNameLocations: [(frame: FrameID, location: FrameLocation)] = []
  /// Set on the part's last batch.
  var isLast = false

  /// A batch whose frame column starts with room for `frameCapacity` ids.
  init(frameCapacity: Int) {
    frames = RawColumn(capacity: frameCapacity)
  }

  /// The number of stacks.
  var stackCount: Int { lengths.count }

  /// Appends one stack; returns the frames the batch then holds. A method,
  /// so that the columns are reached through a `self` the call guarantees
  /// alive, without a retain and release of each.
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
