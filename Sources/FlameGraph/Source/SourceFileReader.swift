#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads one source file found by ``RootedPathResolver``, checking on the
/// open descriptor (not the name) that it is still that regular file.
enum SourceFileReader {
  enum Outcome {
    case text(SourceFileText)
    case refused(SourceRefusal)
  }

  /// Opens `path` without following a final symbolic link and without
  /// blocking (a FIFO swapped in would otherwise wait for a writer), then
  /// reads it if `fstat` shows the regular file `expected` described, of
  /// at most `maximumBytes`, and not binary. Also says how many bytes were
  /// read, refused files included (a binary one costs its first block).
  static func load(_ path: String, expected: stat, maximumBytes: Int) -> (Outcome, bytesRead: Int) {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY)
    guard descriptor >= 0 else { return (.refused(.notText), 0) }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
      status.st_dev == expected.st_dev, status.st_ino == expected.st_ino
    else { return (.refused(.notText), 0) }
    guard status.st_size >= 0, status.st_size <= maximumBytes else {
      return (.refused(.tooLarge), 0)
    }
    var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
    // The first block alone tells a binary file.
    var filled = fill(
      &bytes, from: descriptor, upTo: min(bytes.count, SourceFileText.binaryProbeLength))
    guard !SourceFileText.looksBinary(bytes[0..<filled]) else {
      return (.refused(.notText), filled)
    }
    if filled == SourceFileText.binaryProbeLength {
      filled = fill(&bytes, from: descriptor, startingAt: filled, upTo: bytes.count)
    }
    // A file that shrank keeps what was there; one that grew, what it had.
    if filled < bytes.count { bytes.removeSubrange(filled...) }
    return (.text(SourceFileText(bytes: bytes)), filled)
  }

  /// Reads into `bytes[start..<end]` until it is full or the file ends;
  /// returns where the bytes read end.
  private static func fill(
    _ bytes: inout [UInt8], from descriptor: Int32, startingAt start: Int = 0, upTo end: Int
  ) -> Int {
    var filled = start
    while filled < end {
      let got = bytes.withUnsafeMutableBytes { buffer in
        read(descriptor, buffer.baseAddress! + filled, end - filled)
      }
      if got < 0, errno == EINTR { continue }
      guard got > 0 else { break }
      filled += got
    }
    return filled
  }
}
