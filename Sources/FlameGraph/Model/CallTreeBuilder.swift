/// Merges stacks into a ``CallTree`` as they arrive, one at a time.
///
/// The parsers feed it; a library user can too:
///
/// ```swift
/// let builder = CallTreeBuilder()
/// builder.addStack(["main", "parse"], count: 3)
/// builder.addStack(["main"], count: 1)
/// let profile = builder.finish()
/// ```
///
/// Two halves do the work: a `StackInterner` turns names into ids and
/// applies the per-stack transform, and a sink merges id stacks into the
/// tree, either right away or, when reading files, on a second thread
/// (`PipelinedMerger`) so that both halves run at once.
public final class CallTreeBuilder {
  let interner: StackInterner
  let sink: any StackSink
  var sawCountPair = false
  /// Set by ``finish(factor:diagnostics:)``: the profile then owns the name
  /// storage and the tree, and nothing may change them again.
  private(set) var isFinished = false
  /// How stacks merge: importers whose format holds stacks already counted
  /// per node may add each distinct stack once when this is
  /// ``StackMerging/byName``, but must keep time order when it is
  /// ``StackMerging/consecutive`` (a flame chart).
  public let merging: StackMerging

  /// A builder for the given merging mode and per-stack transform, whose
  /// finished tree keeps the nodes `retention` asks for (default all).
  public convenience init(
    merging: StackMerging = .byName, transform: StackTransform = StackTransform(),
    retention: TreeRetention = .all
  ) {
    self.init(merging: merging, transform: transform, pipelined: false, retention: retention)
  }

  /// A builder that merges on a second thread when `pipelined`, and whose
  /// finished tree keeps the nodes `retention` asks for. Stacks merged by
  /// name go into chains (``ChainTreeMerger``); flame charts keep time
  /// order node by node (``TreeMerger``) and every node.
  init(
    merging: StackMerging, transform: StackTransform, pipelined: Bool,
    retention: TreeRetention = .all
  ) {
    self.merging = merging
    interner = StackInterner(transform: transform)
    if merging == .byName {
      let merger = ChainTreeMerger(retention: retention)
      sink = pipelined ? PipelinedMerger(merger: merger) : merger
    } else {
      let merger = TreeMerger(merging: merging)
      sink = pipelined ? PipelinedMerger(merger: merger) : merger
    }
  }

  /// A builder whose stacks go through `interner` into `sink`: a part of a
  /// split input records its stacks (``StackRecorder``) for another builder.
  init(merging: StackMerging, interner: StackInterner, sink: any StackSink) {
    self.merging = merging
    self.interner = interner
    self.sink = sink
  }

  /// Whether a count pair (differential input) has been added.
  public var isDifferential: Bool { sawCountPair }

  /// The unit the importers declared, merged (``CountUnit/merged(with:)``);
  /// nil while none has.
  public private(set) var declaredUnit: CountUnit?

  /// Says what the counts of the stacks added by one source measure, as its
  /// format declares it. Sources that declare nothing (folded text without
  /// headers) leave the unit to the others; the finished profile's unit is
  /// samples when none declares one.
  ///
  /// ```swift
  /// builder.declareUnit(.time(.nanoseconds, samplingInterval: 0.01))
  /// ```
  public func declareUnit(_ unit: CountUnit) {
    declaredUnit = declaredUnit.map { $0.merged(with: unit) } ?? unit
  }

  /// Adds one stack, root first, with its count; `before` is the first count
  /// of a differential line. An empty stack adds to the root itself.
  ///
  /// - Precondition: ``finish(factor:diagnostics:)`` has not been called.
  public func addStack(_ frames: [String], count: Double, before: Double? = nil) {
    precondition(!isFinished, "CallTreeBuilder.addStack after finish(): use a new builder")
    interner.pendingFrames.removeAll()
    for frame in frames {
      let bytes = Array(frame.utf8) + [0]
      bytes.withUnsafeBytes {
        interner.pendingFrames.append(intern($0.baseAddress!, $0.count - 1))
      }
    }
    addInternedStack(count: count, before: before)
  }

  /// The id of a structured frame, interning it if new. Frames merge by
  /// their ``ImportedFrame/displayName``; the file and line of the first
  /// frame with that name are kept beside it, so layout and exports read
  /// them instead of parsing them back out of the name.
  ///
  /// ```swift
  /// let builder = CallTreeBuilder()
  /// let main = builder.frameID(for: ImportedFrame(name: "main", file: "app.py", line: 3))
  /// builder.addStack(frameIDs: [main], count: 2)
  /// ```
  public func frameID(for frame: ImportedFrame) -> FrameID {
    precondition(!isFinished, "CallTreeBuilder.frameID after finish(): use a new builder")
    let bytes = Array(frame.displayName.utf8) + [0]
    let id = bytes.withUnsafeBytes { intern($0.baseAddress!, $0.count - 1) }
    if let location = frame.location { interner.names.recordLocation(location, of: id) }
    return id
  }

  /// The id of a raw frame name (annotation suffix included), keeping the
  /// location another profile's importer gave it.
  func frameID(rawName: String, location: FrameLocation?) -> FrameID {
    precondition(!isFinished, "CallTreeBuilder.frameID after finish(): use a new builder")
    let bytes = Array(rawName.utf8) + [0]
    let id = bytes.withUnsafeBytes { intern($0.baseAddress!, $0.count - 1) }
    if let location { interner.names.recordLocation(location, of: id) }
    return id
  }

  /// Adds one stack of ids from ``frameID(for:)``, root first, with its
  /// count; `before` is the first count of a differential profile.
  public func addStack(frameIDs: [FrameID], count: Double, before: Double? = nil) {
    precondition(!isFinished, "CallTreeBuilder.addStack after finish(): use a new builder")
    interner.pendingFrames.removeAll()
    for id in frameIDs { interner.pendingFrames.append(id) }
    addInternedStack(count: count, before: before)
  }

  /// The id of a frame name, interning it if new.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int) -> FrameID {
    interner.intern(name, length)
  }

  /// The id of a frame name, interning it if new; `isNew` tells which, so
  /// an importer builds a frame's location only the first time.
  @inline(__always)
  func intern(_ name: UnsafeRawPointer, _ length: Int, isNew: inout Bool) -> FrameID {
    interner.intern(name, length, isNew: &isNew)
  }

  /// Keeps `location` as the source of frame `id`, unless it has one.
  func recordLocation(_ location: FrameLocation, of id: FrameID) {
    interner.names.recordLocation(location, of: id)
  }

  /// The frame ids of the stack being parsed: the parser appends to it, then
  /// calls ``addInternedStack(count:before:)``.
  var pendingFrames: RawColumn<FrameID> { interner.pendingFrames }

  /// Merges the pending frames with their counts and clears them.
  @inline(__always)
  func addInternedStack(count: Double, before: Double?) {
    precondition(!isFinished, "CallTreeBuilder used after finish(): use a new builder")
    if before != nil { sawCountPair = true }
    if let frames = interner.takePendingStack() {
      sink.accept(frames, count: count, before: before)
    }
    interner.pendingFrames.removeAll()
  }

  /// Ends building: the profile, with counts scaled by `factor`.
  ///
  /// A builder is used once: the profile takes over its storage, so
  /// adding stacks or finishing again afterwards stops the program rather
  /// than change a finished, shared profile.
  ///
  /// - Precondition: not called before on this builder.
  public func finish(factor: Double = 1, diagnostics: ParseDiagnostics = ParseDiagnostics())
    -> Profile
  {
    precondition(!isFinished, "CallTreeBuilder.finish() called twice: use a new builder")
    isFinished = true
    // Names are all in: layout's child order sorts them while the tree
    // is finished, on the core the merger leaves.
    if merging == .byName && sink is PipelinedMerger<ChainTreeMerger> {
      interner.names.startRanking()
    }
    let tree = sink.finishTree(factor: factor)
    return Profile(
      frames: FrameTable(storage: interner.names), tree: tree, diagnostics: diagnostics,
      unit: declaredUnit ?? .samples)
  }
}
