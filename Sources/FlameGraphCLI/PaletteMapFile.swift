import FlameGraph

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads and writes the `palette.map` file of `--cp`.
enum PaletteMapFile {
  /// The map in `path`, or an empty one when the file does not exist yet.
  static func read(_ path: String) throws -> PaletteMap {
    guard let file = fopen(path, "rb") else {
      if errno == ENOENT { return PaletteMap() }
      throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let got = fread(&chunk, 1, chunk.count, file)
      if got == 0 { break }
      bytes.append(contentsOf: chunk[0..<got])
    }
    return PaletteMap(parsing: String(decoding: bytes, as: UTF8.self))
  }

  /// Replaces `path` with the map, atomically.
  static func write(_ map: PaletteMap, to path: String) throws {
    try AtomicFile.write(to: path) { writer in writer.write(map.serialized) }
  }
}
