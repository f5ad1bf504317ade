/// Reads profiles in any format into one merged profile.
///
/// Each source is opened, its format told from its first bytes (or given),
/// and its importer adds its stacks to one builder, so sources of different
/// formats merge like files of one.
///
/// ```swift
/// let profile = try ProfileReader.readProfile(from: [.file("cpu.folded")], options: Options())
/// ```
public enum ProfileReader {
  /// Reads and merges every source, in order.
  ///
  /// - Parameters:
  ///   - sources: files or standard input.
  ///   - format: the format of every source; nil tells each one's from its
  ///     content (``InputFormat/detect(in:)``).
  ///   - options: merging, transforms, factor and strictness, and how
  ///     formats such as perf script become stacks (``ImportOptions/perfScript``).
  /// - Throws: ``InputError`` for unreadable or invalid input, input
  ///   without a stack or without samples, and malformed lines when strict.
  public static func readProfile(
    from sources: [InputSource], format: InputFormat? = nil, options: Options = Options()
  ) throws -> Profile {
    let builder = CallTreeBuilder(
      merging: options.merging, transform: options.transform, pipelined: true,
      retention: options.treeRetention)
    var diagnostics = ParseDiagnostics()
    for source in sources {
      let input = try InputByteStream(opening: source)
      // The first bytes are looked at only to tell the format.
      var head: ArraySlice<UInt8> = []
      var sourceFormat = format ?? .folded
      if format == nil { (sourceFormat, head) = try InputFormat.detect(in: input) }
      let validBefore = diagnostics.validLineCount
      try sourceFormat.importer(with: options.importing)
        .importStacks(from: input, into: builder, diagnostics: &diagnostics)
      // Input that fell through to folded stacks and gave none is more
      // likely a format we do not know than broken folded stacks.
      if format == nil, sourceFormat == .folded, diagnostics.validLineCount == validBefore,
        let unknown = UnknownFormatHint(head: head)
      {
        throw InputError.invalidFormat(
          format: unknown.kind, place: input.name, reason: unknown.reason)
      }
    }
    return try FoldedStackReader.validated(
      builder.finish(factor: options.factor, diagnostics: diagnostics), strict: options.strict,
      factor: options.factor, baseFunctions: options.transform.baseFunctions,
      filters: options.transform.filters)
  }
}
