import FlameGraph
import FlameGraphCairo
import FlameGraphJSON
import FlameGraphSVG

/// The whole pipeline on one fuzz input, in memory: read, layout, and every
/// output format (SVG, the JSON exports, folded, PNG and PDF). Errors thrown for bad input end the case quietly; only a
/// trap or a memory error is a finding.
///
/// ```swift
/// FuzzPipeline.run(Array("\u{0}\u{0}main;work 3\n".utf8))
/// ```
enum FuzzPipeline {
  /// The width of the PNG's layout, in points: small, so each case is quick.
  static let pngWidth: Double = 240
  /// The PNG's pixels per point: a half, so a quarter of the pixels to
  /// draw and compress.
  static let pngScale: Double = 0.5
  /// The size of the chunks outputs are flushed in: small, so that writes
  /// cross chunk boundaries.
  static let chunkSize = 4096

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

  /// One profile from bytes, as ``ProfileReader`` reads a file: gzip
  /// undone, the format told from the first bytes, and its importer.
  static func readProfile(_ bytes: ArraySlice<UInt8>, name: String, options: Options) throws
    -> Profile
  {
    let builder = CallTreeBuilder(
      merging: options.merging, transform: options.transform, retention: options.treeRetention)
    var diagnostics = ParseDiagnostics()
    let input = InputByteStream(bytes: Array(bytes), name: name)
    let (format, _) = try InputFormat.detect(in: input)
    try format.importer(with: options.importing)
      .importStacks(from: input, into: builder, diagnostics: &diagnostics)
    return try FoldedStackReader.validated(
      builder.finish(factor: options.factor, diagnostics: diagnostics), strict: options.strict,
      factor: options.factor, baseFunctions: options.transform.baseFunctions)
  }

  /// Every format, each written even when another threw.
  static func render(_ profile: Profile, options: Options) throws {
    let (scene, viewer) = FlameGraphLayout(options: options).sceneWithViewer(for: profile)
    discard { try SVGRenderer(viewer: viewer).write(scene, to: $0) }
    discard { try SceneJSONRenderer().write(scene, to: $0) }
    discard { try TreeJSONRenderer().write(profile, options: options, to: $0) }
    discard { try SpeedscopeRenderer().write(profile, options: options, to: $0) }
    discard { try FoldedRenderer().write(profile, options: options, to: $0) }
    var pngOptions = options
    pngOptions.imageWidth = pngWidth
    try pngOptions.validate()
    let pngScene = FlameGraphLayout(options: pngOptions, measurer: cairoMeasurer).scene(
      for: profile)
    discard { try PNGRenderer(scale: pngScale).write(pngScene, to: $0) }
    // The PDF at the case's own width and height: its page limits are
    // part of what is tried.
    let pdfScene = FlameGraphLayout(options: options, measurer: cairoMeasurer).scene(for: profile)
    discard { try PDFRenderer().write(pdfScene, to: $0) }
  }

  /// Runs one backend into a writer that flushes small chunks to nothing:
  /// every byte is made and handed on, as to a file, and none is kept.
  static func discard(_ write: (ByteWriter) throws -> Void) {
    let writer = ByteWriter(chunkSize: chunkSize) { _ in }
    try? write(writer)
    try? writer.finish()
  }
}
