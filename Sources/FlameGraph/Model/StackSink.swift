/// Receives stacks of frame ids and builds the tree from them.
protocol StackSink: AnyObject, SendableMetatype {
  /// Merges one stack, root first. The buffer is only valid during the call.
  func accept(_ frames: UnsafeBufferPointer<FrameID>, count: Double, before: Double?)
  /// Ends building and returns the tree, counts scaled by `factor`.
  func finishTree(factor: Double) -> CallTree
}
