/// Makes the tooltips of drawn frames: `name (1,234 samples, 5.67%)`, with
/// `; +1.23%` before the parenthesis closes in a differential profile and
/// the source line on a second line when there is one.
///
/// Every drawn frame has one, so the text is written straight into the
/// storage of the string, allocated once at a size that bounds it: string
/// interpolation and appends cost several times more per frame.
struct TooltipBuilder {
  /// The unit after the count (``Options/countName(for:)``).
  let countName: String

  /// The tooltip of a frame of `name` holding `total` samples, `share` of
  /// the profile; `deltaShare` is the change shown in a differential
  /// profile (nil otherwise), `sourceLine` the frame's line of code.
  func tooltip(
    name: String, total: Double, share: Double, deltaShare: Double?, sourceLine: String?
  ) -> String {
    // The strings, three numbers and at most 12 bytes of punctuation.
    let capacity =
      name.utf8.count + countName.utf8.count + (sourceLine?.utf8.count ?? 0) + 3
      * CountFormatter.maximumLength + 16
    return String(unsafeUninitializedCapacity: capacity) { buffer in
      var text = TextCursor(buffer: buffer)
      text.append(name)
      text.append(" (")
      text.count += CountFormatter.writeCount(total, into: text.rest)
      text.append(" ")
      text.append(countName)
      text.append(", ")
      text.count += CountFormatter.writePercent(share, into: text.rest)
      text.append("%")
      if let deltaShare {
        text.append(deltaShare > 0 ? "; +" : "; ")
        text.count += CountFormatter.writePercent(deltaShare, into: text.rest)
        text.append("%")
      }
      text.append(")")
      if let sourceLine {
        text.append("\n")
        text.append(sourceLine)
      }
      return text.count
    }
  }
}

/// Appends bytes to a buffer that the caller sized to hold them all.
private struct TextCursor {
  let buffer: UnsafeMutableBufferPointer<UInt8>
  /// How many bytes are written, at the start of `buffer`.
  var count = 0

  /// The room after what is written.
  var rest: UnsafeMutableBufferPointer<UInt8> {
    UnsafeMutableBufferPointer(rebasing: buffer[count...])
  }

  @inline(__always)
  mutating func append(_ text: StaticString) {
    append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
  }

  @inline(__always)
  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append($0) }
  }

  /// Copies `bytes` after what is written (one `memcpy`).
  @inline(__always)
  private mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress else { return }
    (buffer.baseAddress! + count).initialize(from: source, count: bytes.count)
    count += bytes.count
  }
}
