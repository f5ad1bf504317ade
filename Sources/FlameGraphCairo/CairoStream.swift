import CCairo
import FlameGraph

/// Hands the bytes a Cairo surface produces to a `ByteWriter`.
enum CairoStream {
  /// A `cairo_write_func_t`; `closure` is an unretained `ByteWriter`.
  static let write: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let writer = Unmanaged<ByteWriter>.fromOpaque(closure).takeUnretainedValue()
    writer.write(bytes: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
  }

  /// The closure argument for ``write`` that stands for `writer`, valid while
  /// `writer` is alive.
  static func closure(for writer: ByteWriter) -> UnsafeMutableRawPointer {
    Unmanaged.passUnretained(writer).toOpaque()
  }
}

/// Why Cairo could not render.
public struct CairoError: Error, CustomStringConvertible {
  /// Cairo's own message.
  public let description: String

  init(_ status: cairo_status_t) {
    description = "cairo: " + String(cString: cairo_status_to_string(status))
  }

  /// An error with a message of ours.
  init(message: String) { description = message }
}
