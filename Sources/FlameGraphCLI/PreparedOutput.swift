import FlameGraph

/// What a command will write: the profile read, the scene laid out (for the
/// formats that draw), and the backend that writes them.
public struct PreparedOutput {
  /// The format to write.
  public let format: OutputBackend
  /// The profile read from the input.
  public let profile: Profile
  /// The options the flags stand for, as the format uses them.
  public let options: Options
  /// The scene, for formats that draw one.
  public let scene: Scene?
  /// The backend's settings (PNG pixels per point, the interactive
  /// viewer's data).
  public let settings: OutputSettings

  /// Writes the output.
  public func write(to writer: ByteWriter) throws {
    try format.write(profile, scene: scene, options: options, settings: settings, to: writer)
  }

  /// The output's bytes, in memory.
  public func bytes() throws -> [UInt8] {
    let writer = ByteWriter()
    try write(to: writer)
    try writer.finish()
    return writer.collected
  }
}
