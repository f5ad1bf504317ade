/// The `callFrame` of a Chrome profile node, as a structured frame.
///
/// `{functionName, url, lineNumber, columnNumber}`: an empty function name
/// is `(anonymous)`, as DevTools shows it; a `file://` URL becomes its path
/// (percent escapes decoded, `/C:/` drive letters without the leading
/// slash), other URLs (`http://`, `node:internal/...`) stay the file name
/// as written; an empty URL is no file. Lines and columns are 0-based in
/// the format, -1 when unknown, and 1-based in ``ImportedFrame``.
enum ChromeCallFrame {
  /// The frame of a `callFrame` object.
  static func frame(_ callFrame: JSONValue) -> ImportedFrame {
    let functionName = callFrame["functionName"]?.string ?? ""
    let url = callFrame["url"]?.string ?? ""
    return ImportedFrame(
      name: functionName.isEmpty ? "(anonymous)" : functionName,
      file: url.isEmpty ? nil : fileName(ofURL: url),
      line: oneBased(callFrame["lineNumber"]),
      column: oneBased(callFrame["columnNumber"]))
  }

  /// A 0-based position as a 1-based one; nil when missing or negative.
  static func oneBased(_ value: JSONValue?) -> Int? {
    guard let position = value?.integer, position >= 0, position < Int(Int32.max) else {
      return nil
    }
    return position + 1
  }

  /// The path of a `file://` URL; any other URL unchanged.
  static func fileName(ofURL url: String) -> String {
    guard url.hasPrefix("file://") else { return url }
    var path = Array(url.utf8.dropFirst("file://".count))
    // `file://host/path`: keep the path (a local file has an empty host).
    if let slash = path.firstIndex(of: UInt8(ascii: "/")), slash > 0 {
      path.removeFirst(slash)
    }
    path = percentDecoded(path)
    // `/C:/dir/x.js` is the Windows path `C:/dir/x.js`.
    if path.count >= 3, path[0] == UInt8(ascii: "/"), path[2] == UInt8(ascii: ":"),
      (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(path[1] & 0xDF)
    {
      path.removeFirst()
    }
    return String(decoding: path, as: UTF8.self)
  }

  private static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
    guard bytes.contains(UInt8(ascii: "%")) else { return bytes }
    func hexValue(_ byte: UInt8) -> UInt8? {
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
      default: return nil
      }
    }
    var decoded: [UInt8] = []
    decoded.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
        let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
      {
        decoded.append(high << 4 | low)
        index += 3
      } else {
        decoded.append(bytes[index])
        index += 1
      }
    }
    return decoded
  }
}
