/// Stacks of frame ids in input order, as flat columns: what one thread
/// hands another to merge (``PipelinedMerger``, ``StackRecorder``).
///
/// Columns are `let` references to unchecked buffers: appending a stack
/// costs no uniqueness or exclusivity checks, which Swift arrays in a class
/// pay.
final class StackColumns {
  /// Every stack's frames, root first, one after the other.
  let frames: RawColumn<FrameID>
  /// Frames per stack.
  let lengths = RawColumn<Int32>(capacity: 4096)
  /// The count of each stack.
  let counts = RawColumn<Double>(capacity: 4096)
  /// The first count of a differential line; NaN when the line had one.
  let befores = RawColumn<Double>(capacity: 4096)

  /// Columns whose frame column starts with room for `frameCapacity` ids.
  init(frameCapacity: Int) {
    frames = RawColumn(capacity: frameCapacity)
  }

  /// Appends one stack; returns the frames the columns then hold. A
  /// method, so that the columns are reached through a `self` the call
  /// guarantees alive: reached from outside, each column was retained and
  /// released around its append, four pairs a stack.
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

  /// Empties the columns, keeping their memory.
  func removeAll() {
    frames.removeAll()
    lengths.removeAll()
    counts.removeAll()
    befores.removeAll()
  }

  /// Calls `body` with each stack in order: its frames (valid only during
  /// the call), its count, and its first count when it had two.
  @inline(__always)
  func forEachStack(
    _ body: (_ frames: UnsafeBufferPointer<FrameID>, _ count: Double, _ before: Double?) -> Void
  ) {
    let frames = frames.buffer
    let lengths = lengths.buffer
    let counts = counts.buffer
    let befores = befores.buffer
    var start = 0
    for stack in 0..<lengths.count {
      let length = Int(lengths[stack])
      let before = befores[stack]
      body(
        UnsafeBufferPointer(rebasing: frames[start..<(start + length)]), counts[stack],
        before.isNaN ? nil : before)
      start += length
    }
  }
}
