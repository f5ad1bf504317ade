/// A run of frames that the ``ChainTreeMerger`` keeps as one record: every
/// stack through the chain's first frame also runs the frames after it, and
/// none ends before its last one, so all its nodes have one total.
///
/// A profile of distinct deep stacks makes millions of nodes but only about
/// two chains per stack: the part a stack shares with earlier ones ends in
/// a chain split in two, and its new frames are one new chain.
struct FrameChain: LinkedNode {
  /// (parent chain, first frame), packed like ``CallTree/key(parent:frame:)``.
  var key: UInt64
  /// Frames in the chain; 0 only for the root chain.
  var length: Int32
  /// The id the first frame's node has in the tree of every node, where
  /// nodes are numbered in the order stacks first reach them.
  var firstNode: NodeID
  /// The most recently created child chain; -1 for none, or
  /// ``BuilderNode/childrenInLookup``.
  var newestChild: Int32
  /// The next older child chain of the same parent; -1 for none.
  var olderSibling: Int32
  /// The samples of every stack through the chain, summed as stacks
  /// arrive (see ``ChainTreeMerger``'s exact-sums rule).
  var total: Double = 0

  /// Where the chain's frames start in the merger's frame column: a new
  /// chain's frames are appended as its nodes are numbered, and a split
  /// moves both by the same offset, so the column is one behind the node
  /// ids (the root chain, node 0, has no frames). Not stored: the record
  /// stays 32 bytes.
  var start: Int { Int(firstNode) - 1 }

  /// The chain's parent chain; -1 for the root.
  var parent: Int32 { CallTree.parent(ofKey: key) }

  /// The id of the chain's last node in the tree of every node.
  var lastNode: NodeID { firstNode + max(length, 1) - 1 }
}
