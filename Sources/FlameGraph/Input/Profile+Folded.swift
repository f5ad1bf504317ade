extension Profile {
  /// Parses folded stacks held in memory, with the input options of
  /// `options` (merging, transforms, factor, strictness, the nodes kept).
  ///
  /// ```swift
  /// let profile = try Profile(folded: "main;work 3\nmain 1\n")
  /// profile.totalSamples  // 4
  /// ```
  ///
  /// - Throws: ``InputError`` when no line is valid, the total is zero or
  ///   not finite, or a line is malformed and `options.strict` is set.
  public init(folded text: String, options: Options = Options()) throws {
    var parser = FoldedStackParser(
      builder: CallTreeBuilder(
        merging: options.merging, transform: options.transform, pipelined: false,
        retention: options.treeRetention))
    parser.parse(contentsOf: Array(text.utf8), source: "input")
    self = try FoldedStackReader.validated(
      parser.finish(factor: options.factor), strict: options.strict, factor: options.factor,
      baseFunctions: options.transform.baseFunctions,
      filters: options.transform.filters)
  }

  /// Reads and merges profile files (`-` or ``InputSource/standardInput``
  /// for standard input) with the input options of `options`; each file's
  /// format is told from its content unless `format` is given.
  public init(
    reading sources: [InputSource], format: InputFormat? = nil, options: Options = Options()
  ) throws {
    self = try ProfileReader.readProfile(from: sources, format: format, options: options)
  }
}
