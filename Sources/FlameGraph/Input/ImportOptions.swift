/// The choices of the importers that have them: which of a profile's
/// sample types to count, how perf script's frames are named. Each field
/// belongs to one format and is ignored by the others, so one set of
/// options serves inputs of any format.
///
/// ```swift
/// var options = Options()
/// options.importing.sampleType = "alloc_space"
/// let profile = try Profile(reading: [.file("heap.pb.gz")], options: options)
/// ```
public struct ImportOptions: Sendable, Equatable {
  /// pprof: the sample type to count (`alloc_space`, `cpu`, `samples`);
  /// nil takes the profile's default sample type, else its last one.
  public var sampleType: String?
  /// perf script: process names with PID or TID, kernel and JIT
  /// annotations, the event counted, sample weights (default: those of
  /// stackcollapse-perf.pl, one count per sample).
  public var perfScript = PerfScriptOptions()
  /// Chrome CPU profiles: what a sample weighs, one count (default) or the
  /// microseconds until the next sample.
  public var chromeWeight: ChromeProfileImporter.Weight = .samples
  /// speedscope: which profiles of a file to read (default all, merged).
  public var speedscopeProfile: SpeedscopeImporter.ProfileSelection = .all

  /// The defaults.
  public init() {}
}
