/// Stacks of frame ids read by one part of a split input, in input order,
/// with the names its parser interned while reading them: what
/// ``StackRecorder`` hands over to be merged once the parts before it are.
///
/// The ids are the part's own: name `firstNewName + k` of the part is the
/// `k`-th name of ``newNameEnds``. A batch is written by one thread, then
/// read by another after a semaphore handover, never both at once.
final class RecordedStackBatch {
  /// The stacks, in the part's order.
  let stacks: StackColumns
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
    stacks = StackColumns(frameCapacity: frameCapacity)
  }
}
