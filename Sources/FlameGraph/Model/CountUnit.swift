/// What a profile's counts measure, as its format declares it: samples,
/// bytes, time, or a unit the format names; and, when the format records
/// it, the time between two samples.
///
/// Importers declare it (``CallTreeBuilder/declareUnit(_:)``) and the
/// ``Profile`` carries it; tooltips, reports and exports name it unless
/// ``Options/countName`` is given.
///
/// ```swift
/// let cpu = CountUnit.time(.nanoseconds)
/// cpu.name                      // "nanoseconds"
/// cpu.readable(60_000_000)      // "60 ms"
/// let ticks = CountUnit(.samples, samplingInterval: 0.01)
/// ticks.readable(6)             // "60 ms": six samples, one every 10 ms
/// ```
public struct CountUnit: Sendable, Hashable, CustomStringConvertible {
  /// What one count is.
  public enum Kind: Sendable, Hashable {
    /// One sample (folded text, perf script, Chrome's default weight).
    case samples
    /// One byte (heap profiles).
    case bytes
    /// A duration in this unit (pprof's `cpu`, speedscope's time units,
    /// austin's wall and CPU modes).
    case time(TimeScale)
    /// A unit a format names that is none of the above (`alloc_objects`,
    /// `cycles`).
    case named(String)
  }

  /// The units of time that formats record counts in.
  public enum TimeScale: String, Sendable, Hashable, CaseIterable {
    /// 10⁻⁹ s.
    case nanoseconds
    /// 10⁻⁶ s.
    case microseconds
    /// 10⁻³ s.
    case milliseconds
    /// 1 s.
    case seconds

    /// The seconds one count of this unit lasts.
    public var seconds: Double {
      switch self {
      case .nanoseconds: 1e-9
      case .microseconds: 1e-6
      case .milliseconds: 1e-3
      case .seconds: 1
      }
    }
  }

  /// What one count is.
  public var kind: Kind
  /// The time between two samples, in seconds, when the format records it
  /// (pprof's `period` of a time `period_type`, austin's `# interval:`);
  /// nil when unknown.
  public var samplingInterval: Double?

  /// A unit of `kind`, sampled every `samplingInterval` seconds when known.
  public init(_ kind: Kind, samplingInterval: Double? = nil) {
    self.kind = kind
    self.samplingInterval = samplingInterval.flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
  }

  /// Samples of unknown interval: the unit of folded text, and of any
  /// profile whose format does not say.
  public static let samples = CountUnit(.samples)
  /// Bytes.
  public static let bytes = CountUnit(.bytes)

  /// A duration unit, sampled every `samplingInterval` seconds when known.
  public static func time(_ scale: TimeScale, samplingInterval: Double? = nil) -> CountUnit {
    CountUnit(.time(scale), samplingInterval: samplingInterval)
  }

  /// The unit a format's name for it stands for: `ns`, `nanoseconds`,
  /// `us`, `µs`, `microseconds`, `ms`, `milliseconds`, `s`, `seconds`
  /// (time), `bytes`, `B` (bytes), `samples`, `count`, `none` or nothing
  /// (samples); any other name is ``Kind/named(_:)``.
  ///
  /// ```swift
  /// CountUnit(declaredName: "nanoseconds") == .time(.nanoseconds)  // true
  /// CountUnit(declaredName: "none") == .samples                     // true
  /// ```
  public init(declaredName: String, samplingInterval: Double? = nil) {
    let kind: Kind
    switch declaredName.lowercased() {
    case "ns", "nanosecond", "nanoseconds": kind = .time(.nanoseconds)
    case "us", "µs", "μs", "microsecond", "microseconds": kind = .time(.microseconds)
    case "ms", "millisecond", "milliseconds": kind = .time(.milliseconds)
    case "s", "second", "seconds": kind = .time(.seconds)
    case "b", "byte", "bytes": kind = .bytes
    case "", "none", "count", "counts", "sample", "samples": kind = .samples
    default: kind = .named(declaredName)
    }
    self.init(kind, samplingInterval: samplingInterval)
  }

  /// The word after a count in tooltips, tables and totals: `samples`,
  /// `bytes`, `nanoseconds` ..., or the format's own name.
  public var name: String {
    switch kind {
    case .samples: "samples"
    case .bytes: "bytes"
    case .time(let scale): scale.rawValue
    case .named(let name): name
    }
  }

  /// The name.
  public var description: String { name }

  /// What the counts are, as the start of a sentence: `Samples`, `Bytes`,
  /// `Time`, or `Counts` for a named unit ("Time in the function itself").
  public var quantity: String {
    switch kind {
    case .samples: "Samples"
    case .bytes: "Bytes"
    case .time: "Time"
    case .named: "Counts"
    }
  }

  /// The seconds a count stands for: a time unit's, or the sampling
  /// interval of samples; nil when the counts are not time.
  public var secondsPerCount: Double? {
    switch kind {
    case .time(let scale): scale.seconds
    case .samples: samplingInterval
    case .bytes, .named: nil
    }
  }

  /// An amount as people read it: a duration (`60 ms`, `1.2 s`) for time
  /// and for samples of known interval (count × interval), a size
  /// (`6.84 KiB`) for bytes; nil when the count says it best.
  public func readable(_ count: Double) -> String? {
    if let seconds = secondsPerCount { return CountFormatter.duration(seconds: count * seconds) }
    if kind == .bytes { return CountFormatter.size(bytes: count) }
    return nil
  }

  /// The unit of counts added from sources of two units: the kind both
  /// declare, with their sampling interval when it is the same; samples
  /// when the kinds differ, since the counts are added as they are.
  ///
  /// ```swift
  /// CountUnit.bytes.merged(with: .time(.nanoseconds))  // .samples
  /// ```
  public func merged(with other: CountUnit) -> CountUnit {
    guard kind == other.kind else { return .samples }
    return CountUnit(
      kind, samplingInterval: samplingInterval == other.samplingInterval ? samplingInterval : nil)
  }
}
