/// The former name of ``OutputFile``'s one-step write, kept so code written
/// against it still builds.
public enum AtomicFile {
  /// Writes to `path` as ``OutputFile/write(to:_:)`` does.
  @available(*, deprecated, renamed: "OutputFile.write(to:_:)")
  public static func write(to path: String, _ body: (ByteWriter) throws -> Void) throws {
    try OutputFile.write(to: path, body)
  }
}
