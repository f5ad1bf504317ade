#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A record with a 64-bit (parent, frame) key, which ``NodeLookupTable``
/// finds by that key.
protocol KeyedNode {
  /// (parent, frame), as ``CallTree/key(parent:frame:)`` packs it.
  var key: UInt64 { get }
}

/// A keyed record that also links to its newest child and its next older
/// sibling, so that a parent's children form a list until they move into
/// a ``NodeLookupTable``.
protocol LinkedNode: KeyedNode {
  /// The most recently created child; -1 for none, or
  /// ``BuilderNode/childrenInLookup``.
  var newestChild: Int32 { get set }
  /// The next older child of the same parent; -1 for none.
  var olderSibling: Int32 { get set }
}

/// Finds a node by its (parent, frame) key: open addressing with linear
/// probing over 64-bit slots, each holding a node id and 32 bits of its key's
/// hash. The builder keeps here only the children of nodes with many
/// children; the others are found by walking a short sibling list.
///
/// The fingerprint lets a probe skip non-matching slots without reading the
/// key column, which on large profiles is a cache miss each time; a match is
/// confirmed with one read of the key. The table grows by half when 70% full,
/// indexed by multiply-shift rather than a power-of-two mask.
///
/// Invariant: a slot is 0 when empty, else `fingerprint << 32 | node`; node 0
/// (the root) is never stored, so a stored slot is never 0.
final class NodeLookupTable {
  private var slots: UnsafeMutablePointer<UInt64>
  private var capacity: Int
  private var stored = 0

  init(capacity: Int = 1 << 12) {
    self.capacity = capacity
    slots = Self.zeroedSlots(capacity)
  }

  deinit { free(slots) }

  /// Frees the slots; the table is empty and small afterwards.
  func release() {
    free(slots)
    capacity = 16
    stored = 0
    slots = Self.zeroedSlots(capacity)
  }

  /// `calloc` lets the kernel hand out zero pages without a pass over them.
  private static func zeroedSlots(_ count: Int) -> UnsafeMutablePointer<UInt64> {
    calloc(count, MemoryLayout<UInt64>.stride)!.assumingMemoryBound(to: UInt64.self)
  }

  @inline(__always)
  private func home(_ hash: UInt64) -> Int {
    Int(truncatingIfNeeded: hash.multipliedFullWidth(by: UInt64(capacity)).high)
  }

  @inline(__always)
  private static func hash(_ key: UInt64) -> UInt64 { mixBits(key) }

  /// The node with this key, or -1.
  @inline(__always)
  func find<Node: KeyedNode>(key: UInt64, nodes: RawColumn<Node>) -> NodeID {
    let hash = Self.hash(key)
    let fingerprint = hash & 0xffff_ffff
    var slot = home(hash)
    while true {
      let entry = slots[slot]
      if entry == 0 { return -1 }
      if entry >> 32 == fingerprint {
        let node = Int(entry & 0xffff_ffff)
        if nodes[node].key == key { return NodeID(node) }
      }
      slot += 1
      if slot == capacity { slot = 0 }
    }
  }

  /// Records a node whose key is not in the table yet.
  @inline(__always)
  func insert<Node: KeyedNode>(node: NodeID, nodes: RawColumn<Node>) {
    place(hash: Self.hash(nodes[Int(node)].key), node: node)
    stored += 1
    if stored * 10 > capacity * 7 { grow(nodes: nodes) }
  }

  /// Moves the children of `parent` from its sibling list into the table,
  /// and marks it as a parent whose children are found here.
  func takeChildren<Node: LinkedNode>(of parent: Int32, nodes: RawColumn<Node>) {
    var child = nodes[Int(parent)].newestChild
    nodes[Int(parent)].newestChild = BuilderNode.childrenInLookup
    while child >= 0 {
      insert(node: child, nodes: nodes)
      child = nodes[Int(child)].olderSibling
    }
  }

  /// Points the entry of `key`, held by node `old`, at node `new` instead:
  /// a chain split in two keeps its key on the upper half.
  func replace(key: UInt64, of old: NodeID, with new: NodeID) {
    let hash = Self.hash(key)
    let fingerprint = hash & 0xffff_ffff
    var slot = home(hash)
    while slots[slot] != 0 {
      if slots[slot] == fingerprint << 32 | UInt64(UInt32(bitPattern: old)) {
        slots[slot] = fingerprint << 32 | UInt64(UInt32(bitPattern: new))
        return
      }
      slot += 1
      if slot == capacity { slot = 0 }
    }
    preconditionFailure("NodeLookupTable.replace: the node is not in the table")
  }

  @inline(__always)
  private func place(hash: UInt64, node: NodeID) {
    var slot = home(hash)
    while slots[slot] != 0 {
      slot += 1
      if slot == capacity { slot = 0 }
    }
    slots[slot] = (hash & 0xffff_ffff) << 32 | UInt64(UInt32(bitPattern: node))
  }

  private func grow<Node: KeyedNode>(nodes: RawColumn<Node>) {
    let old = slots
    let oldCapacity = capacity
    capacity += capacity / 2
    slots = Self.zeroedSlots(capacity)
    for slot in 0..<oldCapacity where old[slot] != 0 {
      let node = Int(old[slot] & 0xffff_ffff)
      place(hash: Self.hash(nodes[node].key), node: NodeID(node))
    }
    free(old)
  }
}
