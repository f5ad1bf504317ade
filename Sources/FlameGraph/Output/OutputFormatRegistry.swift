/// The output formats a program offers, found by name or by the file name
/// of the output: the one place that knows the backends.
///
/// `OutputFormatRegistry.standard` (in the `FlameGraphFormats` module) lists
/// every built-in backend; a program can add its own ``OutputBackend``s:
///
/// ```swift
/// let registry = OutputFormatRegistry.standard
/// let profile = try Profile(reading: [.file("cpu.folded")])
/// try registry.write(profile, options: Options(), toFile: "cpu.pdf")  // a PDF, from the name
/// ```
public struct OutputFormatRegistry: Sendable {
  /// The formats, in the order help texts list them.
  public var backends: [OutputBackend]

  /// A registry of these formats.
  public init(_ backends: [OutputBackend]) { self.backends = backends }

  /// The format of this name (`svg`, `tree`), in any case.
  public func backend(named name: String) -> OutputBackend? {
    let lowered = name.lowercased()
    return backends.first { $0.name == lowered }
  }

  /// The format a file name asks for by its ending (`graph.svg`,
  /// `cpu.tree.json`, in any case); the longest matching ending wins, so
  /// `.speedscope.json` is not taken for `.json`. Nil when none matches.
  public func backend(forPath path: String) -> OutputBackend? {
    let name = (path.split(separator: "/").last.map(String.init) ?? "").lowercased()
    var best: (backend: OutputBackend, length: Int)?
    for backend in backends {
      for ending in backend.fileExtensions where name.hasSuffix("." + ending) {
        if ending.count > best?.length ?? -1 { best = (backend, ending.count) }
      }
    }
    return best?.backend
  }

  /// Every file name ending, with its dot: `.svg, .png, ...`.
  public var fileExtensionList: String {
    backends.flatMap(\.fileExtensions).map { "." + $0 }.joined(separator: ", ")
  }

  /// Writes the profile to `path` in the format its name asks for.
  ///
  /// - Throws: ``UnknownExtension`` when no format has the file's ending;
  ///   ``OutputError`` when it cannot be written.
  public func write(
    _ profile: Profile, options: Options, settings: OutputSettings = OutputSettings(),
    sourceLines: (any SourceLineProvider)? = nil, toFile path: String
  ) throws {
    guard let backend = backend(forPath: path) else {
      throw UnknownExtension(path: path, supported: fileExtensionList)
    }
    try backend.write(
      profile, options: options, settings: settings, sourceLines: sourceLines, toFile: path)
  }

  /// A file name whose ending names no format of the registry.
  public struct UnknownExtension: Error, CustomStringConvertible, Sendable {
    /// The file name.
    public var path: String
    /// The endings the registry knows, as a list.
    public var supported: String

    /// The error for a file name, with the endings that are known.
    public init(path: String, supported: String) {
      self.path = path
      self.supported = supported
    }

    /// `cannot tell the format of out.xyz from its extension (supported: .svg, ...)`.
    public var description: String {
      "cannot tell the format of \(path) from its extension (supported: \(supported))"
    }
  }
}
