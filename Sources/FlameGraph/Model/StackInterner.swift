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

  /// The per-stack transform applied.
  var transform: StackTransform { matcher.transform }

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
    if matcher.isIdentity { return UnsafeBufferPointer(frames) }
    return transformedStack(frames)
  }

  /// The transformed stack, its depth limited, kept out of line so that the
  /// unfiltered path stays one branch.
  @inline(never)
  private func transformedStack(_ frames: UnsafeMutableBufferPointer<FrameID>)
    -> UnsafeBufferPointer<FrameID>?
  {
    guard var kept = matcher.apply(to: frames) else { return nil }
    if let limit = matcher.transform.filters.maximumDepth, kept.count > limit {
      let last = kept.lowerBound + max(1, limit) - 1
      frames[last] = markedFrame(frames[last])
      kept = kept.lowerBound..<(last + 1)
    }
    return UnsafeBufferPointer(rebasing: frames[kept])
  }

  /// Frames renamed with the depth-limit marker, by original id.
  private var markedFrames: [FrameID: FrameID] = [:]

  /// The id of `frame`'s name with ``StackFilters/depthLimitMarker``
  /// appended before any annotation suffix: `main …`, `read …_[k]`.
  private func markedFrame(_ frame: FrameID) -> FrameID {
    if let marked = markedFrames[frame] { return marked }
    var name = names.withBytes(of: frame) { Array($0) }
    let suffixLength = FrameAnnotation(suffixOf: name) == nil ? 0 : 4
    // The marked name no longer parses as `file.py:12 (func)`: it keeps the
    // original's location, so its source line still shows.
    let location =
      names.locations[frame]
      ?? FrameLocation(parsing: String(decoding: name.dropLast(suffixLength), as: UTF8.self))
    name.insert(
      contentsOf: Array(StackFilters.depthLimitMarker.utf8), at: name.count - suffixLength)
    let marked = name.withUnsafeBytes { intern($0.baseAddress!, $0.count) }
    if let location { names.recordLocation(location, of: marked) }
    markedFrames[frame] = marked
    return marked
  }
}
