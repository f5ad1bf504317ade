/// A backend: writes a ``Scene`` as bytes of one format.
///
/// A new format is a new module with a type conforming to this protocol.
public protocol SceneRenderer {
  /// Writes the whole scene to `writer`.
  func write(_ scene: Scene, to writer: ByteWriter) throws
}

extension SceneRenderer {
  /// The scene's bytes, in memory.
  public func render(_ scene: Scene) throws -> [UInt8] {
    let writer = ByteWriter()
    try write(scene, to: writer)
    try writer.finish()
    return writer.collected
  }

  /// Writes the scene to a file as ``OutputFile`` does: atomically for a
  /// regular file, directly for a device or FIFO, never half-written.
  public func write(_ scene: Scene, toFile path: String) throws {
    try OutputFile.write(to: path) { writer in try write(scene, to: writer) }
  }
}
