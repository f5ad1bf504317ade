/// A growable column of plain values in one manually managed allocation.
///
/// The call tree holds millions of nodes; Swift arrays would cost a
/// uniqueness check and a bounds check on every access of the hot loops and a
/// full copy when a builder hands its arrays to the finished tree. A column is
/// a reference type that the builder fills and the tree then owns, read-only.
///
/// Invariant: `base` points to `capacity` initialized-or-reserved elements, of
/// which the first `count` are initialized. Elements are trivial
/// (`BitwiseCopyable`), so nothing needs deinitializing.
final class RawColumn<Element: BitwiseCopyable>: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count: Int = 0
  private(set) var capacity: Int

  init(capacity: Int = 1024) {
    self.capacity = Swift.max(capacity, 16)
    base = .allocate(capacity: self.capacity)
  }

  /// A column of `count` copies of `value`.
  convenience init(repeating value: Element, count: Int) {
    self.init(capacity: count)
    base.initialize(repeating: value, count: count)
    self.count = count
  }

  deinit { base.deallocate() }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    set { base[index] = newValue }
  }

  @inline(__always)
  func append(_ value: Element) {
    if count == capacity { grow(to: capacity * 2) }
    base[count] = value
    count += 1
  }

  /// Grows by 1.5 past a million elements, to keep the peak memory of a
  /// reallocation close to the data it holds.
  private func grow(to newCapacity: Int) {
    let target = capacity >= 1 << 20 ? capacity + capacity / 2 : newCapacity
    let fresh = UnsafeMutablePointer<Element>.allocate(capacity: target)
    fresh.moveInitialize(from: base, count: count)
    base.deallocate()
    base = fresh
    capacity = target
  }

  func removeAll() { count = 0 }

  /// The initialized elements, for read-only scanning.
  var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  /// A copy of the initialized elements as a Swift array.
  var array: [Element] { Array(buffer) }
}
