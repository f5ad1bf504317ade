import FlameGraph

/// What a command will write: the profile read, the scene laid out (for the
/// formats that draw), and the backend that writes them.
public struct PreparedOutput {
  /// The format to write.
  public let format: OutputFormat
  /// The profile read from the input.
  public let profile: Profile
  /// The options the flags stand for.
  public let options: Options
  /// The scene, for formats that draw one.
  public let scene: Scene?
  /// PNG pixels per point.
  public let scale: Double
  /// What an interactive SVG needs beyond the scene; nil otherwise.
  public var viewer: ViewerData? = nil

  /// Writes the output.
  public func write(to writer: ByteWriter) throws {
    if let scene, let renderer = format.renderer(scale: scale, viewer: viewer) {
      try renderer.write(scene, to: writer)
    } else if let renderer = format.profileRenderer {
      try renderer.write(profile, options: options, to: writer)
    }
  }

  /// The output's bytes, in memory.
  public func bytes() throws -> [UInt8] {
    let writer = ByteWriter()
    try write(to: writer)
    try writer.finish()
    return writer.collected
  }
}
