/// One CPU profile's nodes, samples and time deltas as Chrome writes them:
/// decoded from a whole `.cpuprofile`, or gathered from the `ProfileChunk`
/// events of a trace, chunk after chunk.
///
/// Every node and sample keeps its place in the document (``ElementPlaces``),
/// so that messages say `nodes[3]` or `traceEvents[41].args.data.cpuProfile.samples[7]`.
struct ChromeCPUProfile {
  /// A node: a frame, in a tree given by `parent` ids or `children` lists.
  struct Node {
    var id: Int
    var frame: ImportedFrame
    var parentID: Int?
    var childIDs: [Int]
    var hitCount: Int
  }

  /// A sample that is not an integer id.
  static let invalidSample = Int.min

  var nodes: [Node] = []
  var nodePlaces = ElementPlaces()
  /// Node ids, ``invalidSample`` for an entry that is not one.
  var samples: [Int] = []
  var samplePlaces = ElementPlaces()
  /// Whether a `samples` array was given (else nodes' `hitCount` counts).
  var hasSamples = false
  /// Microseconds from the previous sample (the first: from `startTime`).
  var timeDeltas: [Double] = []
  var startTime: Double?
  var endTime: Double?

  /// A whole `.cpuprofile` (or a trace's `CpuProfile` event): `value` is its
  /// object, `prefix` its place.
  init(cpuProfile value: JSONValue, prefix: String, source: String) throws {
    guard value.members != nil else {
      throw Self.invalid(source, prefix.isEmpty ? "top level" : prefix, "not an object")
    }
    guard let nodes = value["nodes"] else {
      throw Self.invalid(
        source, prefix.isEmpty ? "top level" : prefix, "no \"nodes\" array (expected a .cpuprofile)"
      )
    }
    try appendNodes(nodes, prefix: Self.join(prefix, "nodes"), source: source)
    if let samples = value["samples"] {
      try appendSamples(samples, prefix: Self.join(prefix, "samples"), source: source)
    }
    if let deltas = value["timeDeltas"] {
      try appendTimeDeltas(deltas, prefix: Self.join(prefix, "timeDeltas"), source: source)
    }
    startTime = value["startTime"]?.number
    endTime = value["endTime"]?.number
  }

  /// An empty profile, filled by ``appendNodes(_:prefix:source:)`` and the like.
  init() {}

  static func join(_ prefix: String, _ key: String) -> String {
    prefix.isEmpty ? key : "\(prefix).\(key)"
  }

  static func invalid(_ source: String, _ place: String, _ reason: String) -> InputError {
    .invalidFormat(
      format: ChromeProfileImporter.formatName, place: "\(source): \(place)", reason: reason)
  }

  mutating func appendNodes(_ value: JSONValue, prefix: String, source: String) throws {
    guard let elements = value.array else {
      throw Self.invalid(source, prefix, "\(value.kindDescription), not an array of nodes")
    }
    nodePlaces.begin(prefix, at: nodes.count)
    nodes.reserveCapacity(nodes.count + elements.count)
    for (index, element) in elements.enumerated() {
      let place = { "\(prefix)[\(index)]" }
      guard element.members != nil else { throw Self.invalid(source, place(), "not an object") }
      guard let id = element["id"]?.integer else {
        throw Self.invalid(source, place(), "no integer \"id\"")
      }
      guard let callFrame = element["callFrame"], callFrame.members != nil else {
        throw Self.invalid(source, place(), "no \"callFrame\" object")
      }
      var childIDs: [Int] = []
      if let children = element["children"] {
        guard let list = children.numbers else {
          throw Self.invalid(source, place() + ".children", "not an array of node ids")
        }
        childIDs.reserveCapacity(list.count)
        for (position, child) in list.enumerated() {
          guard let childID = JSONValue.exactInteger(child) else {
            throw Self.invalid(source, place() + ".children[\(position)]", "not an integer id")
          }
          childIDs.append(childID)
        }
      }
      var parentID: Int?
      if let parent = element["parent"], parent != .null {
        guard let id = parent.integer else {
          throw Self.invalid(source, place() + ".parent", "not an integer id")
        }
        parentID = id
      }
      let hitCount = element["hitCount"]?.integer ?? 0
      nodes.append(
        Node(
          id: id, frame: ChromeCallFrame.frame(callFrame), parentID: parentID, childIDs: childIDs,
          hitCount: max(0, hitCount)))
    }
  }

  mutating func appendSamples(_ value: JSONValue, prefix: String, source: String) throws {
    guard value.isArray else {
      throw Self.invalid(source, prefix, "\(value.kindDescription), not an array of node ids")
    }
    hasSamples = true
    samplePlaces.begin(prefix, at: samples.count)
    if let numbers = value.numbers {
      samples.reserveCapacity(samples.count + numbers.count)
      for number in numbers { samples.append(JSONValue.exactInteger(number) ?? Self.invalidSample) }
    } else {
      for element in value.array ?? [] { samples.append(element.integer ?? Self.invalidSample) }
    }
  }

  mutating func appendTimeDeltas(_ value: JSONValue, prefix: String, source: String) throws {
    guard let numbers = value.numbers else {
      let position = value.array?.firstIndex { $0.number == nil }
      throw Self.invalid(
        source, position.map { "\(prefix)[\($0)]" } ?? prefix,
        position == nil ? "\(value.kindDescription), not an array of numbers" : "not a number")
    }
    timeDeltas += numbers
  }
}

/// Where the elements of arrays gathered from several places of a document
/// came from: segments of consecutive indices, each with the path of its
/// array, so that a message names `samples[12]` without a string kept per
/// element.
struct ElementPlaces {
  private var segments: [(start: Int, prefix: String)] = []

  /// Elements from `start` on come from the array at `prefix`.
  mutating func begin(_ prefix: String, at start: Int) {
    segments.append((start, prefix))
  }

  /// The path of the element at `index`: `prefix[i]`.
  func place(of index: Int) -> String {
    guard let segment = segments.last(where: { $0.start <= index }) else { return "[\(index)]" }
    return "\(segment.prefix)[\(index - segment.start)]"
  }
}
