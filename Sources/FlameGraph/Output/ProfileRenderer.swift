/// A backend for data formats that export the profile itself (the merged
/// tree, or the samples) rather than a picture of it.
public protocol ProfileRenderer {
  /// Writes the profile; `options` gives the title, unit and merging mode.
  func write(_ profile: Profile, options: Options, to writer: ByteWriter) throws
}

extension ProfileRenderer {
  /// The profile's bytes, in memory.
  public func render(_ profile: Profile, options: Options) throws -> [UInt8] {
    let writer = ByteWriter()
    try write(profile, options: options, to: writer)
    try writer.finish()
    return writer.collected
  }

  /// Writes the profile to a file as ``OutputFile`` does: atomically for a
  /// regular file, directly for a device or FIFO, never half-written.
  public func write(_ profile: Profile, options: Options, toFile path: String) throws {
    try OutputFile.write(to: path) { writer in try write(profile, options: options, to: writer) }
  }
}
