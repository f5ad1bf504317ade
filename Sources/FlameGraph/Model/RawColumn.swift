import Dispatch

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A growable column of plain values in one `malloc`ed block.
///
/// The call tree holds millions of nodes; Swift arrays would cost a
/// uniqueness check and a bounds check on every access of the hot loops and a
/// full copy when a builder hands its arrays to the finished tree. A column is
/// a reference type that the builder fills and the tree then owns, read-only.
/// It grows with `realloc`, which for large blocks remaps pages instead of
/// copying them, so growing does not briefly need twice the memory.
///
/// Invariant: `base` points to room for `capacity` elements, of which the
/// first `count` are initialized. Elements are trivial (`BitwiseCopyable`),
/// so nothing needs deinitializing.
final class RawColumn<Element: BitwiseCopyable>: @unchecked Sendable {
  private(set) var base: UnsafeMutablePointer<Element>
  private(set) var count: Int = 0
  private(set) var capacity: Int

  init(capacity: Int = 1024) {
    self.capacity = Swift.max(capacity, 16)
    base = Self.allocate(self.capacity)
  }

  /// A column of `count` copies of `value`.
  convenience init(repeating value: Element, count: Int) {
    self.init(capacity: count)
    base.initialize(repeating: value, count: count)
    self.count = count
  }

  /// A column holding the same elements as `other`.
  convenience init(copying other: RawColumn<Element>) {
    self.init(capacity: other.count)
    base.initialize(from: other.base, count: other.count)
    count = other.count
  }

  /// A column that takes over a block from `malloc` holding `count` elements.
  init(adopting pointer: UnsafeMutableRawPointer, count: Int, capacity: Int) {
    base = pointer.assumingMemoryBound(to: Element.self)
    self.count = count
    self.capacity = capacity
  }

  deinit { free(base) }

  private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<Element> {
    malloc(capacity * MemoryLayout<Element>.stride)!.assumingMemoryBound(to: Element.self)
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    set { base[index] = newValue }
  }

  @inline(__always)
  func append(_ value: Element) {
    if count == capacity { grow() }
    base[count] = value
    count += 1
  }

  /// Appends `length` elements from `source` with one copy.
  @inline(__always)
  func append(contentsOf source: UnsafePointer<Element>, count length: Int) {
    while count + length > capacity { grow() }
    (base + count).update(from: source, count: length)
    count += length
  }

  /// Doubles while small, then grows by half, to keep unused room small.
  private func grow() {
    let target = capacity >= 1 << 20 ? capacity + capacity / 2 : capacity * 2
    base = realloc(base, target * MemoryLayout<Element>.stride)!
      .assumingMemoryBound(to: Element.self)
    capacity = target
  }

  func removeAll() { count = 0 }

  /// Frees the memory; the column is empty and small afterwards.
  func release() {
    free(base)
    becomeEmpty()
  }

  /// Frees the memory on another thread; the column is empty and small
  /// afterwards. Returning tens of megabytes to the system takes
  /// milliseconds that the caller need not wait for.
  func releaseInBackground() {
    let block = ReleasedBlock(pointer: UnsafeMutableRawPointer(base))
    becomeEmpty()
    DispatchQueue.global(qos: .utility).async { free(block.pointer) }
  }

  /// Gives up the block to a new owner; this column is empty afterwards.
  func detach() -> (pointer: UnsafeMutableRawPointer, count: Int, capacity: Int) {
    let detached = (UnsafeMutableRawPointer(base), count, capacity)
    becomeEmpty()
    return detached
  }

  /// A fresh small block in place of one freed or given away.
  private func becomeEmpty() {
    capacity = 16
    base = Self.allocate(capacity)
    count = 0
  }

  /// The initialized elements, for read-only scanning.
  var buffer: UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

  /// A copy of the initialized elements as a Swift array.
  var array: [Element] { Array(buffer) }
}

/// A block of memory that one thread hands to another to free.
private struct ReleasedBlock: @unchecked Sendable {
  let pointer: UnsafeMutableRawPointer
}
