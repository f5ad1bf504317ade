/// The name half of merging stacks: interns each frame name once and applies
/// the per-stack transform to the ids of the stack being read.
final class StackInterner {
  let names = FrameNameStorage()
  private var matcher: StackTransformMatcher
  /// The frame ids of the stack being read, root first.
  let pendingFrames = RawColumn<FrameID>(capacity: 256)

  init(transform: StackTransform) {
    matcher = StackTransformMatcher(transform)
  }

  /// The id of a frame name, interning it if new.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int) -> FrameID {
    var isNew = false
    return intern(name, length, isNew: &isNew)
  }

  /// The id of a frame name, interning it if new; `isNew` tells which.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int, isNew: inout Bool) -> FrameID {
    let id = names.intern(name, length, isNew: &isNew)
    if isNew {
      matcher.register(
        UnsafeBufferPointer(start: name.assumingMemoryBound(to: UInt8.self), count: length))
    }
    return id
  }

  /// The pending stack after the transform, or nil when the transform drops it.
  @inline(__always)
  func takePendingStack() -> UnsafeBufferPointer<FrameID>? {
    let frames = UnsafeMutableBufferPointer(start: pendingFrames.base, count: pendingFrames.count)
    if matcher.transform.isIdentity { return UnsafeBufferPointer(frames) }
    guard let kept = matcher.apply(to: frames) else { return nil }
    return UnsafeBufferPointer(rebasing: frames[kept])
  }
}
