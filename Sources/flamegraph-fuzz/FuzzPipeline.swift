import FlameGraph
import FlameGraphCairo
import FlameGraphJSON
import FlameGraphSVG

/// The whole pipeline on one fuzz input, in memory: read, layout, and every
/// output format. Errors thrown for bad input end the case quietly; only a
/// trap or a memory error is a finding.
///
/// ```swift
/// FuzzPipeline.run(Array("\u{0}\u{0}main;work 3\n".utf8))
/// ```
enum FuzzPipeline {
  /// The width of the PNG's layout, in points: small, so each case is quick.
  static let pngWidth: Double = 240

  /// The measurer of PNG labels, resolved through fontconfig once.
  static let cairoMeasurer = CairoTextMeasurer(
    font: CairoFont(familyList: Options.defaultFontFamily))

  /// Runs one input; bytes after the two header bytes are the profile.
  static func run(_ bytes: [UInt8]) {
    let fuzzCase = FuzzCase(bytes)
    do {
      try fuzzCase.options.validate()
      let profile = try read(fuzzCase)
      try render(profile, options: fuzzCase.options)
    } catch {
      // Bad input or an output limit: an answer, not a finding.
    }
  }

  /// The profile of the case, read as the command-line tool reads files.
  static func read(_ fuzzCase: FuzzCase) throws -> Profile {
    let profiles = try fuzzCase.profiles.enumerated().map { index, bytes in
      try readProfile(bytes, name: "fuzz-\(index)", options: fuzzCase.options)
    }
    guard profiles.count == 2 else { return profiles[0] }
    return Profile.difference(
      before: profiles[0], after: profiles[1], normalize: fuzzCase.normalize)
  }

  /// One profile from bytes, through format detection and its importer.
  static func readProfile(_ bytes: ArraySlice<UInt8>, name: String, options: Options) throws
    -> Profile
  {
    let builder = CallTreeBuilder(merging: options.merging, transform: options.transform)
    var diagnostics = ParseDiagnostics()
    let input = InputByteStream(bytes: Array(bytes), name: name)
    let format = InputFormat.detect(try input.peek(InputFormat.detectionLength))
    try format.importer.importStacks(from: input, into: builder, diagnostics: &diagnostics)
    return try FoldedStackReader.validated(
      builder.finish(factor: options.factor, diagnostics: diagnostics), strict: options.strict,
      factor: options.factor, baseFunctions: options.transform.baseFunctions)
  }

  /// Every format, into memory: each backend runs even when another threw.
  static func render(_ profile: Profile, options: Options) throws {
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    _ = try? SVGRenderer().render(scene)
    _ = try? SceneJSONRenderer().render(scene)
    _ = try? TreeJSONRenderer().render(profile, options: options)
    _ = try? SpeedscopeRenderer().render(profile, options: options)
    _ = try? FoldedRenderer().render(profile, options: options)
    var pngOptions = options
    pngOptions.imageWidth = pngWidth
    try pngOptions.validate()
    let pngScene = FlameGraphLayout(options: pngOptions, measurer: cairoMeasurer).scene(
      for: profile)
    _ = try? PNGRenderer().render(pngScene)
  }
}
