/// The choices of the importers that have them: which of a profile's
/// sample types to count, which of a file's profiles to read. Each field
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

  /// The defaults.
  public init() {}
}

extension InputFormat {
  /// The importer that reads this format with these choices.
  public func importer(with options: ImportOptions) -> any ProfileImporter {
    switch self {
    case .pprof: return PprofImporter(sampleType: options.sampleType)
    default: return importer
    }
  }
}
