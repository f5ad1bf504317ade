#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Streams folded-stack files (or standard input) through a
/// ``FoldedStackParser`` in fixed-size chunks, so memory holds the merged
/// tree, never the whole input.
///
/// ```swift
/// let profile = try FoldedStackReader.readProfile(from: [.file("perf.folded")])
/// ```
public enum FoldedStackReader {
  /// The size of one read; a longer line grows the buffer to fit.
  static let chunkSize = 1 << 22

  /// Reads and merges every source, in order, into one profile.
  ///
  /// - Parameters:
  ///   - sources: files or standard input; their stacks are merged.
  ///   - merging: by name (flame graph) or consecutive only (flame chart).
  ///   - transform: per-stack rewrites (reverse, base, ...).
  ///   - factor: scales every count.
  ///   - strict: make any malformed line an error instead of a warning.
  /// - Throws: ``InputError`` for unreadable files, input without a valid
  ///   line or without samples, and malformed lines when `strict`.
  public static func readProfile(
    from sources: [InputSource], merging: StackMerging = .byName,
    transform: StackTransform = StackTransform(), factor: Double = 1, strict: Bool = false
  ) throws -> Profile {
    var parser = FoldedStackParser(
      builder: CallTreeBuilder(merging: merging, transform: transform, pipelined: true))
    for source in sources { try read(source, into: &parser) }
    return try validated(
      parser.finish(factor: factor), strict: strict, factor: factor,
      baseFunctions: transform.baseFunctions)
  }

  /// Checks that a parsed profile has something to draw: valid lines, and
  /// counts that add up to a positive, finite total. `factor` and
  /// `baseFunctions` are what the profile was read with, named in errors.
  public static func validated(
    _ profile: Profile, strict: Bool, factor: Double = 1, baseFunctions: [String] = []
  ) throws -> Profile {
    if strict && profile.diagnostics.malformedLineCount > 0 {
      throw InputError.malformedLines(profile.diagnostics)
    }
    guard profile.diagnostics.validLineCount > 0 else {
      throw InputError.noValidLines(profile.diagnostics)
    }
    // Every count is finite and not negative, so the root's totals are the
    // largest: when they are finite, all are.
    let tree = profile.tree
    guard tree.total(of: tree.root).isFinite, tree.beforeTotal(of: tree.root).isFinite else {
      throw InputError.totalTooLarge(factor: factor)
    }
    guard profile.totalSamples > 0 else {
      // Only the root left: the base functions dropped every stack.
      if !baseFunctions.isEmpty && tree.nodeCount == 1 {
        throw InputError.noStackWithBase(baseFunctions)
      }
      throw InputError.zeroTotal
    }
    return profile
  }

  /// Streams one source into the parser.
  public static func read(_ source: InputSource, into parser: inout FoldedStackParser) throws {
    let descriptor: Int32
    switch source {
    case .standardInput: descriptor = STDIN_FILENO
    case .file(let path):
      descriptor = open(path, O_RDONLY)
      guard descriptor >= 0 else {
        throw InputError.unreadable(path: path, reason: String(cString: strerror(errno)))
      }
    }
    defer { if descriptor != STDIN_FILENO { close(descriptor) } }
    var capacity = chunkSize
    var buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    defer { buffer.deallocate() }
    var filled = 0
    var lineNumber = 0
    let name = source.description
    while true {
      if filled == capacity {
        // One line longer than the buffer: grow to hold it.
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: buffer, count: filled)
        buffer.deallocate()
        buffer = larger
        capacity *= 2
      }
      let got = systemRead(descriptor, buffer + filled, capacity - filled)
      if got < 0 {
        if errno == EINTR { continue }
        throw InputError.unreadable(path: name, reason: String(cString: strerror(errno)))
      }
      if got == 0 { break }
      filled += got
      let consumed = parser.parseLines(buffer, filled, source: name, lineNumber: &lineNumber)
      if consumed > 0 {
        (buffer).update(from: buffer + consumed, count: filled - consumed)
        filled -= consumed
      }
    }
    if filled > 0 {
      parser.parseLine(buffer, filled, source: name, lineNumber: lineNumber + 1)
    }
  }
}

/// `read(2)`, named apart from the static method that shares its name.
@inline(__always)
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int)
  -> Int
{
  read(descriptor, buffer, count)
}
