#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A node while the tree is being built: its key and its place in its
/// parent's list of children.
struct BuilderNode: LinkedNode {
  /// (parent, frame), as ``CallTree/key(parent:frame:)`` packs it.
  var key: UInt64
  /// The most recently created child; -1 for none, or ``childrenInLookup``.
  var newestChild: NodeID
  /// The next older child of the same parent; -1 for none.
  var olderSibling: NodeID

  /// Marks a node whose children are found through the lookup table.
  static let childrenInLookup: NodeID = .min

  /// Turns the builder's nodes into the tree's key column, in place: key `i`
  /// moves from byte 16·i to byte 8·i, which never overwrites a key not yet
  /// moved, and the block then shrinks to half. The nodes column is empty
  /// afterwards.
  static func compactKeys(of nodes: RawColumn<BuilderNode>) -> RawColumn<UInt64> {
    let (pointer, count, _) = nodes.detach()
    let stride = MemoryLayout<BuilderNode>.stride
    for index in 0..<count {
      let key = pointer.load(fromByteOffset: index * stride, as: UInt64.self)
      pointer.storeBytes(of: key, toByteOffset: index * 8, as: UInt64.self)
    }
    let shrunk = realloc(pointer, Swift.max(count, 1) * 8)!
    return RawColumn<UInt64>(adopting: shrunk, count: count, capacity: Swift.max(count, 1))
  }
}
