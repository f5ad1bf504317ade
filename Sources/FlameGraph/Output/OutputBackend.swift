/// One output format as a backend declares it: its name, the file name
/// endings that ask for it, the text measurer layout fits its labels with,
/// whether it is interactive (and so needs the viewer's catalog), and what
/// writes it.
///
/// Each backend module declares its formats (`SVGRenderer.backend`,
/// `PNGRenderer.backend`, `TreeJSONRenderer.backend`, ``FoldedRenderer/backend``...);
/// an ``OutputFormatRegistry`` lists those a program offers, so that the
/// command-line tool and a library user pick a format the same way, from a
/// name or from the output's file name, with no switch over formats:
///
/// ```swift
/// let backend = registry.backend(forPath: "graph.png")!
/// try backend.write(profile, options: options, toFile: "graph.png")
/// ```
public struct OutputBackend: Sendable {
  /// What writes a format.
  public enum Writer: Sendable {
    /// A picture: layout makes a ``Scene``, the renderer writes it.
    case scene(@Sendable (OutputSettings) -> any SceneRenderer)
    /// Data: the renderer exports the profile itself, without layout.
    case profile(@Sendable () -> any ProfileRenderer)
  }

  /// The name `--format` takes: `svg`, `png`, `tree`...
  public var name: String
  /// One line on what the format is, for help texts.
  public var summary: String
  /// The file name endings that ask for the format, without the dot and in
  /// lower case, the usual one first: `["svg"]`, `["tree.json"]`.
  public var fileExtensions: [String]
  /// Whether the bytes are binary (PNG, PDF), which a terminal cannot show.
  public var isBinary: Bool
  /// Whether the format can be interactive, and so needs the viewer's
  /// catalog (``ViewerData``); layout skips what that costs otherwise.
  public var isInteractive: Bool
  /// Whether the format shows only nodes a graph would draw (pictures, and
  /// the tree export, which leaves out what `minimumWidth` does), so that a
  /// profile read for it may leave the others out (``adjusted(_:)``).
  public var readsDrawnNodesOnly: Bool
  /// The narrowest box whose tooltip the format shows, for options
  /// already adjusted to the format (``Options/tooltipMinimumWidth``): 0
  /// (every box's) unless given, infinity for a format that shows none.
  public var tooltipMinimumWidth: @Sendable (Options) -> Double
  /// The measurer layout fits labels with for this format.
  public var measurer: @Sendable (Options) -> any TextMeasurer
  /// Problems the format will have with these options, worth a warning
  /// (a font that is not installed); none by default.
  public var warnings: @Sendable (Options) -> [String]
  /// What writes the format.
  public var writer: Writer

  /// A format. `readsDrawnNodesOnly` is true for pictures and false for
  /// data formats unless given.
  public init(
    name: String, summary: String, fileExtensions: [String], isBinary: Bool = false,
    isInteractive: Bool = false, readsDrawnNodesOnly: Bool? = nil,
    tooltipMinimumWidth: @escaping @Sendable (Options) -> Double = { _ in 0 },
    measurer: @escaping @Sendable (Options) -> any TextMeasurer = {
      MonospaceTextMeasurer(characterWidth: $0.fontWidth)
    },
    warnings: @escaping @Sendable (Options) -> [String] = { _ in [] },
    writer: Writer
  ) {
    self.name = name
    self.summary = summary
    self.fileExtensions = fileExtensions.map { $0.lowercased() }
    self.isBinary = isBinary
    self.isInteractive = isInteractive
    if case .scene = writer {
      self.readsDrawnNodesOnly = readsDrawnNodesOnly ?? true
    } else {
      self.readsDrawnNodesOnly = readsDrawnNodesOnly ?? false
    }
    self.tooltipMinimumWidth = tooltipMinimumWidth
    self.measurer = measurer
    self.warnings = warnings
    self.writer = writer
  }

  /// The usual file name ending: `svg`, `tree.json`.
  public var fileExtension: String { fileExtensions.first ?? name }

  /// Whether the format draws a scene (the others export the profile).
  public var drawsScene: Bool {
    if case .scene = writer { return true }
    return false
  }

  /// The options as this format uses them: interactive only when it can
  /// be; a format that shows only drawn nodes (``readsDrawnNodesOnly``)
  /// reads only those (``Options/drawnNodes``) unless the options keep fewer;
  /// tooltips only for the boxes the format shows them of
  /// (``tooltipMinimumWidth``), unless the options leave out more.
  public func adjusted(_ options: Options) -> Options {
    var options = options
    options.interactive = options.interactive && isInteractive
    options.tooltipMinimumWidth = max(options.tooltipMinimumWidth, tooltipMinimumWidth(options))
    if readsDrawnNodesOnly && options.treeRetention == .all {
      options.treeRetention = options.drawnNodes
    }
    return options
  }

  /// The scene this format would draw of the profile; nil for data formats.
  public func scene(
    for profile: Profile, options: Options, sourceLines: (any SourceLineProvider)? = nil
  ) -> Scene? {
    sceneAndViewer(for: profile, options: options, sourceLines: sourceLines)?.scene
  }

  /// The scene this format would draw, with the viewer's data when the
  /// format is interactive and the options ask for it; nil for data formats.
  public func sceneAndViewer(
    for profile: Profile, options: Options, sourceLines: (any SourceLineProvider)? = nil
  ) -> (scene: Scene, viewer: ViewerData?)? {
    guard drawsScene else { return nil }
    let options = adjusted(options)
    return FlameGraphLayout(options: options, measurer: measurer(options), sourceLines: sourceLines)
      .sceneWithViewer(for: profile)
  }

  /// Writes a scene laid out for this format, or the profile for data formats.
  public func write(
    _ profile: Profile, scene: Scene?, options: Options,
    settings: OutputSettings = OutputSettings(),
    to writer: ByteWriter
  ) throws {
    switch self.writer {
    case .scene(let renderer):
      try renderer(settings).write(
        scene ?? self.scene(for: profile, options: options)!, to: writer)
    case .profile(let renderer):
      try renderer().write(profile, options: adjusted(options), to: writer)
    }
  }

  /// Lays out (for pictures) and writes the profile in this format.
  public func write(
    _ profile: Profile, options: Options, settings: OutputSettings = OutputSettings(),
    sourceLines: (any SourceLineProvider)? = nil, to writer: ByteWriter
  ) throws {
    let laidOut = sceneAndViewer(for: profile, options: options, sourceLines: sourceLines)
    var settings = settings
    if settings.viewer == nil { settings.viewer = laidOut?.viewer }
    try write(profile, scene: laidOut?.scene, options: options, settings: settings, to: writer)
  }

  /// Writes the profile in this format to a file as ``OutputFile`` does:
  /// atomically for a regular file, never half-written.
  public func write(
    _ profile: Profile, options: Options, settings: OutputSettings = OutputSettings(),
    sourceLines: (any SourceLineProvider)? = nil, toFile path: String
  ) throws {
    try OutputFile.write(to: path) { writer in
      try write(profile, options: options, settings: settings, sourceLines: sourceLines, to: writer)
    }
  }
}

/// Settings of a backend that are not options of the graph.
public struct OutputSettings: Sendable {
  /// Pixels per point of raster formats (2 for HiDPI), 1 by default.
  public var scale: Double
  /// What an interactive SVG needs beyond its scene (``ViewerData``); nil
  /// for a static output.
  public var viewer: ViewerData?

  /// Settings; a scale of 1 and no viewer by default.
  public init(scale: Double = 1, viewer: ViewerData? = nil) {
    self.scale = scale
    self.viewer = viewer
  }
}
