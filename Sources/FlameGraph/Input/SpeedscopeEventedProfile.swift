/// A speedscope profile of `"type": "evented"`: `events` of
/// `{"type": "O" | "C", "frame": index, "at": value}` opening and closing
/// frames, nested like calls.
///
/// The weight of a stack is the time it was on top: from each event to the
/// next, the frames open then form one stack weighing the difference of
/// their `at`. Each close must name the innermost open frame: one naming
/// a frame further out closes the frames inside it too, and is counted as
/// malformed; one naming no open frame is skipped and counted. An event
/// earlier than the one before it counts as at the same time, and is
/// counted. Frames still open at the end are closed at `endValue` (or the
/// last event), and counted once. The time before the first event and
/// between stacks is idle and not drawn.
enum SpeedscopeEventedProfile {
  static func add(
    _ profile: JSONValue, place: String, frames: inout SpeedscopeFrames,
    into builder: CallTreeBuilder, diagnostics: inout ParseDiagnostics, source: String,
    budget: inout StackFrameBudget
  ) throws {
    guard let eventsValue = profile["events"] else {
      throw SpeedscopeImporter.invalid(source, place, "an evented profile without \"events\"")
    }
    guard let events = eventsValue.array else {
      throw SpeedscopeImporter.invalid(
        source, place + ".events", "\(eventsValue.kindDescription), not an array")
    }
    var openIndices: [Int] = []
    var openIDs: [FrameID] = []
    var last = -Double.infinity
    func addOpenStack(until time: Double, at position: Int) throws {
      guard !openIDs.isEmpty, time > last else { return }
      try budget.spend(
        openIDs.count, format: SpeedscopeImporter.formatName,
        place: "\(source): \(place).events[\(position)]")
      builder.addStack(frameIDs: openIDs, count: time - last)
      diagnostics.recordValid()
    }
    for (position, event) in events.enumerated() {
      func malformed(_ problem: String) {
        diagnostics.recordMalformed(
          source: source, element: "\(place).events[\(position)]", problem: .init(problem))
      }
      guard let type = event["type"]?.string, type == "O" || type == "C" else {
        malformed("the type is not \"O\" or \"C\"")
        continue
      }
      guard let index = frames.index(event["frame"]) else {
        malformed("the frame is not a frame index below \(frames.count)")
        continue
      }
      guard var time = event["at"]?.number, time.isFinite else {
        malformed("\"at\" is not a finite number")
        continue
      }
      if time < last {
        malformed("\"at\" is earlier than the event before")
        time = last
      }
      if type == "C" {
        guard let depth = openIndices.lastIndex(of: index) else {
          malformed("it closes a frame that is not open")
          continue
        }
        if depth != openIndices.count - 1 {
          malformed("it closes a frame while frames inside it are open")
        }
        try addOpenStack(until: time, at: position)
        openIndices.removeSubrange(depth...)
        openIDs.removeSubrange(depth...)
      } else {
        try addOpenStack(until: time, at: position)
        openIndices.append(index)
        openIDs.append(frames.id(of: index, in: builder))
      }
      last = time
    }
    if !openIDs.isEmpty {
      diagnostics.recordMalformed(
        source: source, element: "\(place).events",
        problem: .init("\(openIDs.count) frames are still open at the end"))
      if let end = profile["endValue"]?.number, end.isFinite {
        try addOpenStack(until: end, at: events.count)
      }
    }
  }
}
