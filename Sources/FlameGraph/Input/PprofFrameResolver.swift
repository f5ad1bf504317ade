/// Turns the locations of a decoded pprof profile into frame ids of a
/// builder, each location once, the first time a sample uses it.
///
/// A location's `line` entries are innermost first: several entries are
/// inlined calls, the last being the function the code was compiled into.
/// Its frames are stored root first (that last entry first), and every
/// frame but that outermost one is marked ``FrameAnnotation/inlined``.
/// A location without lines (no symbols) is one frame named by its
/// mapping's file and the offset in it, `libc.so.6+0x29234`, or by its
/// address alone, `0x7f3a2c`, without a mapping.
struct PprofFrameResolver {
  private let profile: PprofProfile
  private let builder: CallTreeBuilder
  private let locationIndex: PprofIDIndex
  private let functionIndex: PprofIDIndex
  private let mappingIndex: PprofIDIndex
  /// The base name of each mapping's file, nil when it has none.
  private let moduleNames: [String?]
  /// Location `i`'s frames, root first, are
  /// `frames[frameStarts[i]..<frameStarts[i] + frameCounts[i]]`;
  /// `frameStarts[i]` is -1 until the location is first used.
  private var frameStarts: [Int32]
  private var frameCounts: [Int32]
  private var frames: [FrameID] = []

  /// A resolver of the profile's locations into the builder's frames.
  init(profile: PprofProfile, builder: CallTreeBuilder) {
    self.profile = profile
    self.builder = builder
    locationIndex = PprofIDIndex(profile.locations.map(\.id))
    functionIndex = PprofIDIndex(profile.functions.map(\.id))
    mappingIndex = PprofIDIndex(profile.mappings.map(\.id))
    moduleNames = profile.mappings.map { Self.baseName(profile.string($0.filename)) }
    frameStarts = [Int32](repeating: -1, count: profile.locations.count)
    frameCounts = [Int32](repeating: 0, count: profile.locations.count)
  }

  /// Appends the frames of a location, root first, to a root-first stack;
  /// false when the profile has no location with this id.
  @inline(__always)
  mutating func appendFrames(ofLocation id: UInt64, to stack: inout [FrameID]) -> Bool {
    guard let index = locationIndex.index(of: id) else { return false }
    if frameStarts[index] < 0 { resolve(index) }
    let start = Int(frameStarts[index])
    stack.append(contentsOf: frames[start..<start + Int(frameCounts[index])])
    return true
  }

  private mutating func resolve(_ index: Int) {
    let location = profile.locations[index]
    let mapping = mappingIndex.index(of: location.mappingID)
    let module = mapping.flatMap { moduleNames[$0] }
    frameStarts[index] = Int32(frames.count)
    let lines = profile.lines[location.lineStart..<location.lineStart + location.lineCount]
    if lines.isEmpty {
      let name = addressName(location, mapping: mapping, module: module)
      frames.append(builder.frameID(for: ImportedFrame(name: name, module: module)))
    }
    for (position, line) in lines.enumerated().reversed() {
      var frame = ImportedFrame(name: "", module: module)
      if let function = functionIndex.index(of: line.functionID).map({ profile.functions[$0] }) {
        let name = profile.string(function.name)
        frame.name = name.isEmpty ? profile.string(function.systemName) : name
        let file = profile.string(function.filename)
        frame.file = file.isEmpty ? nil : file
      }
      if frame.name.isEmpty { frame.name = addressName(location, mapping: mapping, module: module) }
      frame.line = line.line > 0 ? Int(line.line) : nil
      frame.column = line.column > 0 && frame.line != nil ? Int(line.column) : nil
      frame.annotation = position == lines.count - 1 ? nil : .inlined
      frames.append(builder.frameID(for: frame))
    }
    frameCounts[index] = Int32(frames.count) - frameStarts[index]
  }

  /// `libc.so.6+0x29234` (the offset in the mapped file), or `0x7f3a2c`.
  private func addressName(_ location: PprofProfile.Location, mapping: Int?, module: String?)
    -> String
  {
    guard let mapping, let module else { return "0x" + String(location.address, radix: 16) }
    let mapped = profile.mappings[mapping]
    let offset =
      location.address >= mapped.memoryStart
      ? (location.address - mapped.memoryStart) &+ mapped.fileOffset : location.address
    return module + "+0x" + String(offset, radix: 16)
  }

  /// The last component of a path, nil for an empty one.
  private static func baseName(_ path: String) -> String? {
    let base = path.split(separator: "/").last.map(String.init) ?? path
    return base.isEmpty ? nil : base
  }
}
