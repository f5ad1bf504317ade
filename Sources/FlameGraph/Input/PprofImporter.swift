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
/// counts and `cpu` stays nanoseconds, whatever its `period`. The unit
/// declared is the sample type's (``CountUnit/Kind/time(_:)`` for
/// `nanoseconds`, ``CountUnit/Kind/bytes`` for `bytes`, samples for
/// `samples`/`count`, the type's name for other counts), sampled every
/// `period` when the `period_type` is a time. Samples whose
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
    do {
      try bytes.withUnsafeBufferPointer { buffer in
        let profile = try PprofDecoder.decode(buffer)
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
        builder.declareUnit(profile.unit(ofSampleType: valueIndex))
        try addSamples(
          of: profile, in: buffer, valueIndex: valueIndex, source: input.name, into: builder,
          diagnostics: &diagnostics)
      }
    } catch let error as ProtobufError {
      throw InputError.invalidFormat(
        format: "pprof", place: "\(input.name): byte \(error.offset)", reason: error.reason)
    }
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

  /// Adds each sample's stack, decoding the samples one at a time.
  ///
  /// - Throws: ``ProtobufError`` when a sample is not a valid message (the
  ///   stacks before it are added).
  private func addSamples(
    of profile: PprofProfile, in buffer: UnsafeBufferPointer<UInt8>, valueIndex: Int,
    source: String, into builder: CallTreeBuilder, diagnostics: inout ParseDiagnostics
  ) throws {
    var resolver = PprofFrameResolver(profile: profile, builder: builder)
    let typeCount = profile.sampleTypes.count
    var locationIDs: [UInt64] = []
    var values: [UInt64] = []
    var stack: [FrameID] = []
    stack.reserveCapacity(256)
    samples: for (sample, range) in profile.samples.enumerated() {
      try PprofDecoder.decodeSample(buffer, in: range, locationIDs: &locationIDs, values: &values)
      guard values.count == typeCount else {
        diagnostics.recordMalformed(
          source: source, byteOffset: profile.sampleOffsets[sample],
          problem: .init("the sample has \(values.count) values for \(typeCount) sample types"))
        continue
      }
      let value = Int64(bitPattern: values[valueIndex])
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
      for id in locationIDs.reversed() {
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
