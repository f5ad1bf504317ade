/// The `# key: value` comment lines of folded text that say what its counts
/// measure: austin's `# mode: wall` (or `cpu`: counts are microseconds;
/// `memory`: bytes) and `# interval: 100` (microseconds between samples).
///
/// Other comments are ignored, and folded text without these headers
/// declares no unit (its counts stay samples).
///
/// ```swift
/// var headers = FoldedHeaders()
/// headers.read(Array("# mode: wall".utf8))
/// headers.read(Array("# interval: 100".utf8))
/// headers.unit  // microseconds, sampled every 100 µs
/// ```
public struct FoldedHeaders: Sendable, Equatable {
  /// The `mode` header's value, lowercased, if one was read.
  public private(set) var mode: String?
  /// The `interval` header's value in microseconds, if one was read.
  public private(set) var intervalMicroseconds: Double?

  /// No header read yet.
  public init() {}

  /// Reads one comment line (from its `#`, without its newline); lines
  /// that are not a known header change nothing.
  public mutating func read(_ line: [UInt8]) {
    line.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      read(base, buffer.count)
    }
  }

  /// Reads one comment line of `length` bytes at `line`.
  mutating func read(_ line: UnsafePointer<UInt8>, _ length: Int) {
    // Headers are short; anything longer is some other comment.
    guard length < 256, length > 1, line[0] == UInt8(ascii: "#") else { return }
    let text = String(
      decoding: UnsafeBufferPointer(start: line + 1, count: length - 1), as: UTF8.self)
    guard let colon = text.firstIndex(of: ":") else { return }
    let key = text[..<colon].trimmingSpaces().lowercased()
    let value = text[text.index(after: colon)...].trimmingSpaces()
    switch key {
    case "mode": mode = value.lowercased()
    case "interval":
      if let interval = Double(value), interval.isFinite, interval > 0 {
        intervalMicroseconds = interval
      }
    default: break
    }
  }

  /// Takes the headers of a later part of the same input: as when read
  /// in one piece, a header given again replaces the earlier one.
  mutating func merge(later: FoldedHeaders) {
    if let mode = later.mode { self.mode = mode }
    if let interval = later.intervalMicroseconds { intervalMicroseconds = interval }
  }

  /// The unit the headers declare: microseconds for austin's `wall` and
  /// `cpu` modes, bytes for `memory`, with the interval when given; nil
  /// without a known mode.
  public var unit: CountUnit? {
    let interval = intervalMicroseconds.map { $0 / 1_000_000 }
    switch mode {
    case "wall", "cpu": return .time(.microseconds, samplingInterval: interval)
    case "memory": return CountUnit(.bytes, samplingInterval: interval)
    default: return nil
    }
  }
}

extension Substring {
  /// Without leading and trailing spaces and tabs.
  fileprivate func trimmingSpaces() -> String {
    var slice = self
    while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
    while let last = slice.last, last == " " || last == "\t" || last == "\r" { slice.removeLast() }
    return String(slice)
  }
}
