extension CountFormatter {
  /// A duration with the unit that keeps it short, to three significant
  /// digits: `850 ns`, `60 ms`, `1.2 s`, `12.3 s`; a minute or more as
  /// `2 min 5 s`, an hour or more as `1 h 2 min`.
  ///
  /// ```swift
  /// CountFormatter.duration(seconds: 0.06)  // "60 ms"
  /// CountFormatter.duration(seconds: 125)   // "2 min 5 s"
  /// ```
  public static func duration(seconds: Double) -> String {
    guard seconds.isFinite else { return "0 s" }
    let sign = seconds < 0 ? "-" : ""
    let magnitude = abs(seconds)
    if magnitude == 0 { return "0 s" }
    let scales: [(size: Double, symbol: String)] = [
      (1e-9, "ns"), (1e-6, "µs"), (1e-3, "ms"), (1, "s"),
    ]
    var index = scales.lastIndex { magnitude >= $0.size } ?? 0
    // 999.96 ms rounds to 1,000 ms: shown as 1 s instead.
    while index < scales.count - 1 && rounded(magnitude / scales[index].size) >= 1000 {
      index += 1
    }
    let value = magnitude / scales[index].size
    if index == scales.count - 1 && rounded(value) >= 60 {
      let whole = Int64(magnitude.rounded())
      if whole < 3600 {
        return sign + "\(whole / 60) min" + (whole % 60 == 0 ? "" : " \(whole % 60) s")
      }
      let minutes = (magnitude / 60).rounded()
      guard minutes < 9e15 else { return sign + count(magnitude / 3600) + " h" }
      let total = Int64(minutes)
      return sign + count(Double(total / 60)) + " h"
        + (total % 60 == 0 ? "" : " \(total % 60) min")
    }
    return sign + significant(value) + " " + scales[index].symbol
  }

  /// A size in bytes with the binary unit that keeps it short, to three
  /// significant digits: `512 B`, `6.84 KiB`, `400 MiB`.
  ///
  /// ```swift
  /// CountFormatter.size(bytes: 7000)  // "6.84 KiB"
  /// ```
  public static func size(bytes: Double) -> String {
    guard bytes.isFinite else { return "0 B" }
    let sign = bytes < 0 ? "-" : ""
    var value = abs(bytes)
    let symbols = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"]
    var index = 0
    while index < symbols.count - 1 && value >= 1024 {
      value /= 1024
      index += 1
    }
    return sign + (index == 0 ? count(value.rounded()) : significant(value)) + " " + symbols[index]
  }

  /// A value below 1,000 to three significant digits, trailing zeros dropped.
  private static func significant(_ value: Double) -> String { count(rounded(value)) }

  /// The value rounded to three significant digits (whole above 100).
  private static func rounded(_ value: Double) -> Double {
    let decimals = value >= 99.95 ? 0 : value >= 9.995 ? 1 : 2
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return (value * scale).rounded() / scale
  }
}
