/// The shared frames of a speedscope file (`shared.frames`: `{name, file,
/// line, col}`), interned into a builder when a stack first uses them.
///
/// A frame with a file becomes `name (file:line)`, like every structured
/// frame (``ImportedFrame/displayName``), unless its name already says
/// where it is (`numeric.py:232` with that file and line, as our own
/// export writes bare locations): then the name stays as it is, with the
/// location beside it.
struct SpeedscopeFrames {
  private let frames: [ImportedFrame]
  /// Ids once interned, -1 before.
  private var ids: [FrameID]

  /// Decodes `shared.frames`.
  ///
  /// - Throws: ``InputError/invalidFormat(format:place:reason:)`` for a
  ///   missing list or a frame without a name.
  init(_ document: JSONValue, source: String) throws {
    guard let list = document["shared"]?["frames"] else {
      throw SpeedscopeImporter.invalid(source, "shared.frames", "missing")
    }
    guard let elements = list.array else {
      throw SpeedscopeImporter.invalid(
        source, "shared.frames", "\(list.kindDescription), not an array")
    }
    var frames: [ImportedFrame] = []
    frames.reserveCapacity(elements.count)
    for (index, element) in elements.enumerated() {
      guard let name = element["name"]?.string else {
        throw SpeedscopeImporter.invalid(source, "shared.frames[\(index)]", "no \"name\" string")
      }
      let file = element["file"]?.string
      func positive(_ key: String) -> Int? {
        guard let value = element[key]?.integer, value > 0, value < Int(Int32.max) else {
          return nil
        }
        return value
      }
      frames.append(
        ImportedFrame(
          name: name, file: file?.isEmpty == true ? nil : file, line: positive("line"),
          column: positive("col")))
    }
    self.frames = frames
    ids = [FrameID](repeating: -1, count: frames.count)
  }

  /// The number of frames.
  var count: Int { frames.count }

  /// The id of frame `index` (in range), interning it on first use.
  mutating func id(of index: Int, in builder: CallTreeBuilder) -> FrameID {
    if ids[index] >= 0 { return ids[index] }
    let frame = frames[index]
    let id: FrameID
    if let location = frame.location, let named = FrameLocation(parsing: frame.name),
      named.file == location.file, named.line == location.line
    {
      id = builder.frameID(rawName: frame.name, location: named)
    } else {
      id = builder.frameID(for: frame)
    }
    ids[index] = id
    return id
  }

  /// The frame index a JSON value names, or nil when it is not an integer
  /// in range.
  func index(_ value: JSONValue?) -> Int? {
    value?.number.flatMap { index(number: $0) }
  }

  /// The frame index a number names, or nil when it is not an integer in
  /// range.
  func index(number: Double) -> Int? {
    guard let index = JSONValue.exactInteger(number), index >= 0, index < frames.count else {
      return nil
    }
    return index
  }
}
