/// Turns the bytes of one profile format into stacks of frames.
///
/// One importer per format, each in its own file: formats are leaves, the
/// model is the trunk. An importer reads an opened input and adds its
/// stacks to the builder (``CallTreeBuilder/frameID(for:)`` and
/// ``CallTreeBuilder/addStack(frameIDs:count:before:)``, or the folded
/// parser's byte-level path); what it skips, it counts in `diagnostics`
/// with its place (`file:line`, or `file: byte N` for binary formats).
/// Input it cannot make sense of at all is an ``InputError/invalidFormat(format:place:reason:)``.
///
/// ```swift
/// let builder = CallTreeBuilder()
/// var diagnostics = ParseDiagnostics()
/// let input = InputByteStream(bytes: Array("main;work 3\n".utf8), name: "inline")
/// try FoldedImporter().importStacks(from: input, into: builder, diagnostics: &diagnostics)
/// ```
public protocol ProfileImporter: Sendable {
  /// Adds every stack of the input to the builder.
  ///
  /// - Throws: ``InputError`` when the input cannot be read or is not in
  ///   this format at all.
  func importStacks(
    from input: InputByteStream, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics) throws
}
