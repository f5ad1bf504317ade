extension CallTreeBuilder {
  /// Merges a batch recorded by one part of a split input
  /// (``StackRecorder``), after every part before it.
  ///
  /// The part's stacks were transformed already, with the same transform,
  /// so they go straight to the sink. Their ids are the part's own:
  /// `frameMap` maps them to this builder's, growing with each batch's new
  /// names. Interning those names in the part's order gives them the ids
  /// reading the whole input here would have: a name is numbered where
  /// the input first names it.
  func replay(_ batch: RecordedStackBatch, frameMap: inout [FrameID]) {
    precondition(!isFinished, "CallTreeBuilder used after finish(): use a new builder")
    precondition(batch.firstNewName == frameMap.count, "batches are replayed in order")
    batch.newNameBytes.withUnsafeBytes { bytes in
      var start = 0
      for end in batch.newNameEnds {
        frameMap.append(intern(bytes.baseAddress! + start, end - start))
        start = end
      }
    }
    for (frame, location) in batch.newNameLocations {
      recordLocation(location, of: frameMap[Int(frame)])
    }
    let mapped = interner.pendingFrames
    frameMap.withUnsafeBufferPointer { map in
      batch.stacks.forEachStack { frames, count, before in
        mapped.removeAll()
        for frame in frames { mapped.append(map[Int(frame)]) }
        if before != nil { sawCountPair = true }
        sink.accept(mapped.buffer, count: count, before: before)
      }
    }
    mapped.removeAll()
  }
}
