#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The date a PDF records as its creation date.
enum PDFDate {
  /// `SOURCE_DATE_EPOCH` (seconds since 1970) as Cairo's
  /// `YYYY-MM-DDThh:mm:ssZ`, or nil when unset or not a number.
  static func fromSourceDateEpoch() -> String? {
    guard let text = getenv("SOURCE_DATE_EPOCH"), var seconds = time_t(String(cString: text))
    else { return nil }
    var parts = tm()
    guard gmtime_r(&seconds, &parts) != nil else { return nil }
    func pad(_ value: Int32, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
      + "T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
  }
}
