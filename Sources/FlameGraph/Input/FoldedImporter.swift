/// Folded stacks, the text format of flamegraph.pl, inferno, py-spy and
/// Fil: `main;parse;read 120`, one stack a line; streamed, never held whole.
/// Its counts are samples, unless austin's headers (`# mode: wall`,
/// `# interval: 100`, ``FoldedHeaders``) say they are microseconds or bytes.
public struct FoldedImporter: ProfileImporter {
  /// The importer.
  public init() {}

  /// Streams the input through a ``FoldedStackParser``.
  public func importStacks(
    from input: InputByteStream, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) throws {
    var parser = FoldedStackParser(builder: builder)
    try FoldedStackReader.read(input, into: &parser)
    parser.declareUnit()
    diagnostics.merge(parser.diagnostics)
  }
}
