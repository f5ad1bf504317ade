/// What layout adds to a frame beyond its name: its category and its line
/// of source code, each worked out once per distinct frame.
struct FrameDecorations {
  private let profile: Profile
  private let categories: CategoryRules?
  private let sources: (any SourceLineProvider)?
  private let codeFitter: LabelFitter
  private var categoryCache: [Int32]
  private var sourceCache: [String??]

  init(
    profile: Profile, options: Options, measurer: any TextMeasurer,
    sourceLines: (any SourceLineProvider)?
  ) {
    self.profile = profile
    categories = profile.isDifferential ? nil : options.categories
    sources = options.showSourceCode ? sourceLines : nil
    // Code is cut at its end, whatever the labels do: its start matters most.
    codeFitter = LabelFitter(measurer: measurer, fontSize: options.fontSize, truncation: .keepStart)
    categoryCache = Array(repeating: -1, count: categories == nil ? 0 : profile.frames.count)
    sourceCache = Array(repeating: nil, count: sources == nil ? 0 : profile.frames.count)
  }

  var sourceDiagnostics: SourceDiagnostics { sources?.diagnostics ?? SourceDiagnostics() }

  /// The frame's category index; nil without categories, and for the root
  /// ("all", frame -1), which belongs to none.
  mutating func category(of frame: FrameID) -> Int? {
    guard let categories, frame >= 0 else { return nil }
    if categoryCache[Int(frame)] >= 0 { return Int(categoryCache[Int(frame)]) }
    let name = profile.frames.name(of: frame)
    let category = categories.category(
      of: CategoryRules.FrameFacts(
        name: name, annotation: profile.frames.annotation(of: frame),
        location: profile.frames.location(of: frame)))
    categoryCache[Int(frame)] = Int32(category)
    return category
  }

  /// The cleaned source line a frame points to, if it can be read; `name`
  /// is the frame's name (``FrameTable/name(of:)``), which the caller has
  /// at hand.
  mutating func sourceLine(of frame: FrameID, name: String) -> String? {
    // Checked before `sources` is bound: binding copies the provider,
    // which per drawn frame costs more than the cached answer.
    guard frame >= 0, Int(frame) < sourceCache.count else { return nil }
    if let cached = sourceCache[Int(frame)] { return cached }
    var line: String?
    if let sources,
      let location = profile.frames.importedLocation(of: frame) ?? FrameLocation(parsing: name),
      location.isSourceFile, location.line >= 1,
      let text = sources.line(location.line, inFile: location.file)
    {
      let cleaned = SourceLineCleaner.clean(text)
      line = cleaned.isEmpty ? nil : cleaned
    }
    sourceCache[Int(frame)] = .some(line)
    return line
  }

  /// The code fitted under the label, leading; backends draw it oblique.
  /// Its color stays readable on the fill while differing from the label's
  /// (near-black on saturated fills, dark grey on pale ones). Rows are
  /// placed later.
  func fitCode(_ line: String, x: Double, width: Double, labelColor fill: RGBColor)
    -> FittedLabel?
  {
    codeFitter.fit(line, width: width).map { fitted in
      FittedLabel(
        text: fitted.text, x: x + LabelFitter.padding, y: 0, alignment: .leading,
        isTruncated: fitted.isTruncated,
        color: fill.luminance < 0.1
          ? RGBColor(red: 0xf0, green: 0xf0, blue: 0xf0)
          : fill.luminance < 0.4
            ? RGBColor(red: 0x1a, green: 0x1a, blue: 0x1a)
            : RGBColor(red: 0x44, green: 0x44, blue: 0x44))
    }
  }
}
