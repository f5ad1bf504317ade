/// pprof profiles: the `profile.proto` protobuf that `go tool pprof`, Go's
/// `runtime/pprof`, pprof-rs, async-profiler and many other profilers
/// write. The input is read whole (up to ``InputByteStream/wholeInputLimit``)
/// and must already be decompressed.
///
/// Each sample becomes one stack, root first (pprof lists locations leaf
/// first), counted by one of its values: the one of ``sampleType``. Every
/// frame is an ``ImportedFrame`` with the function's name, file and line
/// and the base name of its mapping's file as module, so source lines and
/// categories never parse names. Inlined calls (a location with several
/// lines) are frames of their own, marked ``FrameAnnotation/inlined``,
/// below the function they were compiled into; a location without symbols
/// is named `libc.so.6+0x29234` (the offset in the mapped file) or by its
/// address. Labels are ignored.
///
/// Values are used as recorded: a CPU profile's `samples` stay sample
/// counts and `cpu` stays nanoseconds, whatever its `period`. Samples whose
/// chosen value is zero add nothing (a heap profile's freed allocations in
/// `inuse_space`); negative values are skipped as malformed.
///
/// ```swift
/// let builder = CallTreeBuilder()
/// var diagnostics = ParseDiagnostics()
/// let input = try InputByteStream(opening: .file("heap.pb"))
/// try PprofImporter(sampleType: "alloc_space")
///   .importStacks(from: input, into: builder, diagnostics: &diagnostics)
/// ```
public struct PprofImporter: ProfileImporter {
  /// The name of the sample type to count (`alloc_space`, `cpu`,
  /// `samples`); nil takes pprof's default: the profile's
  /// `default_sample_type` when it names one, else the last sample type.
  public var sampleType: String?

  /// An importer counting the values of `sampleType` (nil: pprof's default).
  public init(sampleType: String? = nil) { self.sampleType = sampleType }

  /// Decodes the whole input and adds one stack per sample.
  ///
  /// - Throws: ``InputError/invalidFormat(format:place:reason:)`` when the
  ///   bytes are not a pprof profile (truncated, malformed, no sample
  ///   types or no samples), ``InputError/unknownSampleType(path:requested:available:)``
  ///   when the profile has no sample type named ``sampleType``.
  public func importStacks(
    from input: InputByteStream, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) throws {
    let bytes = try input.readAll(limit: InputByteStream.wholeInputLimit)
    let profile: PprofProfile
    do {
      profile = try bytes.withUnsafeBufferPointer { try PprofDecoder.decode($0) }
    } catch let error as ProtobufError {
      throw InputError.invalidFormat(
        format: "pprof", place: "\(input.name): byte \(error.offset)", reason: error.reason)
    }
    guard !profile.sampleTypes.isEmpty else {
      throw InputError.invalidFormat(
        format: "pprof", place: input.name,
        reason: bytes.isEmpty ? "the input is empty" : "the profile has no sample types")
    }
    guard profile.sampleCount > 0 else {
      throw InputError.invalidFormat(
        format: "pprof", place: input.name, reason: "the profile has no samples")
    }
    let valueIndex = try chosenValueIndex(in: profile, source: input.name)
    addSamples(
      of: profile, valueIndex: valueIndex, source: input.name, into: builder,
      diagnostics: &diagnostics)
  }

  /// The index, among the sample values, of the type to count.
  func chosenValueIndex(in profile: PprofProfile, source: String) throws -> Int {
    let names = profile.sampleTypeNames
    if let sampleType {
      guard let index = names.firstIndex(of: sampleType) else {
        throw InputError.unknownSampleType(path: source, requested: sampleType, available: names)
      }
      return index
    }
    if profile.defaultSampleType != 0,
      let index = names.firstIndex(of: profile.string(profile.defaultSampleType))
    {
      return index
    }
    return names.count - 1
  }

  private func addSamples(
    of profile: PprofProfile, valueIndex: Int, source: String, into builder: CallTreeBuilder,
    diagnostics: inout ParseDiagnostics
  ) {
    var resolver = PprofFrameResolver(profile: profile, builder: builder)
    let typeCount = profile.sampleTypes.count
    var stack: [FrameID] = []
    stack.reserveCapacity(256)
    samples: for sample in 0..<profile.sampleCount {
      let valueStart = profile.sampleValueStarts[sample]
      let valueCount = profile.sampleValueStarts[sample + 1] - valueStart
      guard valueCount == typeCount else {
        diagnostics.recordMalformed(
          source: source, byteOffset: profile.sampleOffsets[sample],
          problem: .init("the sample has \(valueCount) values for \(typeCount) sample types"))
        continue
      }
      let value = profile.sampleValues[valueStart + valueIndex]
      guard value >= 0 else {
        diagnostics.recordMalformed(
          source: source, byteOffset: profile.sampleOffsets[sample], problem: .negativeCount)
        continue
      }
      guard value > 0 else {
        diagnostics.recordValid()
        continue
      }
      stack.removeAll(keepingCapacity: true)
      let locations =
        profile.sampleLocationStarts[sample]..<profile.sampleLocationStarts[sample + 1]
      for position in locations.reversed() {
        let id = profile.sampleLocationIDs[position]
        guard resolver.appendFrames(ofLocation: id, to: &stack) else {
          diagnostics.recordMalformed(
            source: source, byteOffset: profile.sampleOffsets[sample],
            problem: .init("the sample's location \(id) is not in the profile"))
          continue samples
        }
      }
      diagnostics.recordValid()
      builder.addStack(frameIDs: stack, count: Double(value))
    }
  }
}
