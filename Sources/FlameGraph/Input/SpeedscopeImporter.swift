/// speedscope's file format (what speedscope.app exports, and our own
/// `SpeedscopeRenderer` writes): frames shared by every profile, and
/// profiles that are `sampled` (stacks with weights) or `evented` (frames
/// opened and closed over time).
///
/// ```json
/// {"$schema": "https://www.speedscope.app/file-format-schema.json",
///  "shared": {"frames": [{"name": "main", "file": "app.py", "line": 3}]},
///  "profiles": [{"type": "sampled", "samples": [[0]], "weights": [5]}]}
/// ```
///
/// By default every profile is read and merged into one graph (a file of
/// several threads shows them all); ``ProfileSelection/named(_:)`` or
/// ``ProfileSelection/index(_:)`` picks some. Weights are added as they are;
/// each profile's `unit` (`none`, `nanoseconds` ... `seconds`, `bytes`) is
/// declared as the counts' ``CountUnit`` (samples for `none`, and when the
/// profiles merged disagree). Frames keep their file, line and column;
/// the weight of an evented stack is the time it was on top
/// (`SpeedscopeEventedProfile`).
///
/// The input is read whole, up to ``InputByteStream/wholeInputLimit``.
/// JSON of the wrong shape (no `shared.frames`, no `profiles`) is an
/// ``InputError/invalidFormat(format:place:reason:)`` with its place; a
/// sample naming a frame out of range, an unbalanced close and a profile of
/// an unknown type are skipped and counted in the diagnostics.
///
/// ```swift
/// var diagnostics = ParseDiagnostics()
/// let builder = CallTreeBuilder()
/// let input = try InputByteStream(opening: .file("threads.speedscope.json"))
/// try SpeedscopeImporter(profile: .named("main thread")).importStacks(
///   from: input, into: builder, diagnostics: &diagnostics)
/// ```
public struct SpeedscopeImporter: JSONDocumentImporter {
  /// Which profiles of the file to read.
  public enum ProfileSelection: Sendable, Equatable {
    /// Every profile, merged.
    case all
    /// The profiles with this `name` (an error when there is none).
    case named(String)
    /// The profile at this 0-based position in `profiles` (an error when
    /// there is none).
    case index(Int)
  }

  /// The name messages give the format, before "profile": "not a valid
  /// speedscope profile".
  public static let formatName = "speedscope"

  /// Which profiles are read.
  public var profile: ProfileSelection

  /// An importer of every profile (``ProfileSelection/all``) or of some.
  public init(profile: ProfileSelection = .all) { self.profile = profile }

  /// Adds the stacks of a parsed document.
  func importStacks(
    of document: JSONValue, source: String, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) throws {
    guard document.members != nil else {
      throw Self.invalid(source, "top level", "\(document.kindDescription), not an object")
    }
    var frames = try SpeedscopeFrames(document, source: source)
    guard let profilesValue = document["profiles"] else {
      throw Self.invalid(source, "profiles", "missing")
    }
    guard let profiles = profilesValue.array else {
      throw Self.invalid(source, "profiles", "\(profilesValue.kindDescription), not an array")
    }
    let selected = try selectedIndices(of: profiles, source: source)
    var budget = StackFrameBudget()
    for index in selected {
      let profile = profiles[index]
      let place = "profiles[\(index)]"
      let type = profile["type"]?.string
      if type == "sampled" || type == "evented" {
        builder.declareUnit(CountUnit(declaredName: profile["unit"]?.string ?? "none"))
      }
      switch type {
      case "sampled":
        try SpeedscopeSampledProfile.add(
          profile, place: place, frames: &frames, into: builder, diagnostics: &diagnostics,
          source: source)
      case "evented":
        try SpeedscopeEventedProfile.add(
          profile, place: place, frames: &frames, into: builder, diagnostics: &diagnostics,
          source: source, budget: &budget)
      default:
        let problem = "the type is not \"sampled\" or \"evented\""
        guard self.profile == .all else { throw Self.invalid(source, place, problem) }
        diagnostics.recordMalformed(source: source, element: place, problem: .init(problem))
      }
    }
  }

  private func selectedIndices(of profiles: [JSONValue], source: String) throws -> [Int] {
    switch profile {
    case .all:
      guard !profiles.isEmpty else { throw Self.invalid(source, "profiles", "empty") }
      return Array(profiles.indices)
    case .index(let index):
      guard profiles.indices.contains(index) else {
        throw Self.invalid(
          source, "profiles", "no profile [\(index)]: the file has \(profiles.count)")
      }
      return [index]
    case .named(let name):
      let matching = profiles.indices.filter { profiles[$0]["name"]?.string == name }
      guard !matching.isEmpty else {
        let names = profiles.compactMap { $0["name"]?.string }.prefix(10)
          .map { "\"\($0)\"" }.joined(separator: ", ")
        throw Self.invalid(
          source, "profiles",
          "no profile named \"\(name)\"" + (names.isEmpty ? "" : " (there are \(names))"))
      }
      return matching
    }
  }

  static func invalid(_ source: String, _ place: String, _ reason: String) -> InputError {
    .invalidFormat(format: formatName, place: "\(source): \(place)", reason: reason)
  }

  /// Whether the first bytes look like a speedscope file: after a byte
  /// order mark and whitespace, `{`, a `"$schema"` key, and the text
  /// `speedscope` (its schema's address). Folded stacks never start so.
  ///
  /// ```swift
  /// SpeedscopeImporter.recognizes(ArraySlice(
  ///   #"{"$schema":"https://www.speedscope.app/file-format-schema.json""#.utf8))  // true
  /// ```
  public static func recognizes(_ head: ArraySlice<UInt8>) -> Bool {
    JSONHead.firstSignificantByte(head) == UInt8(ascii: "{")
      && JSONHead.containsKey(head, "$schema") && JSONHead.contains(head, "speedscope")
  }
}
