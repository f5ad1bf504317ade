#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The day a report is dated: `SOURCE_DATE_EPOCH`'s when set (so that a
/// report built twice is the same), else today's, in UTC.
enum ReportDate {
  /// `2026-12-01`.
  static func today() -> String {
    var seconds: time_t = time(nil)
    if let text = getenv("SOURCE_DATE_EPOCH"), let epoch = time_t(String(cString: text)) {
      seconds = epoch
    }
    var parts = tm()
    guard gmtime_r(&seconds, &parts) != nil else { return "" }
    func pad(_ value: Int32, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))"
  }
}
