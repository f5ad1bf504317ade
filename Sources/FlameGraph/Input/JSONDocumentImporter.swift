/// An importer of a JSON format (Chrome CPU profiles, speedscope): the
/// input is read whole (up to ``InputByteStream/wholeInputLimit``), parsed
/// once by the shared ``JSONParser``, and its document turned into stacks.
protocol JSONDocumentImporter: ProfileImporter {
  /// The name messages give the format, before "profile".
  static var formatName: String { get }

  /// Adds the stacks of a parsed document.
  func importStacks(
    of document: JSONValue, source: String, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics) throws
}

extension JSONDocumentImporter {
  /// Reads and parses the whole input, then adds its stacks.
  ///
  /// - Throws: ``InputError/tooLarge(path:limit:)`` past the limit,
  ///   ``InputError/invalidFormat(format:place:reason:)`` for input that is
  ///   not JSON or not in the format's shape.
  public func importStacks(
    from input: InputByteStream, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) throws {
    let bytes = try input.readAll(limit: InputByteStream.wholeInputLimit)
    let document = try JSONParser.parse(bytes, format: Self.formatName, source: input.name)
    try importStacks(of: document, source: input.name, into: builder, diagnostics: &diagnostics)
  }
}
