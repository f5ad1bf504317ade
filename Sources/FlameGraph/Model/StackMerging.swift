/// How stacks with a common prefix become one node.
public enum StackMerging: Sendable, Equatable {
  /// Merge all stacks by name, whatever their order: a flame graph.
  case byName
  /// Merge a frame only with the previous stack's frame at the same place:
  /// a flame chart, whose x axis follows input order (time).
  case consecutive
}
