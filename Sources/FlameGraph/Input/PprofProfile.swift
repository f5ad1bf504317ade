/// The tables of a decoded pprof `Profile` message (`profile.proto`), as
/// the importer needs them: strings are indices into ``strings``, ids are
/// the profile's own, and samples are places in the input, decoded when
/// imported.
///
/// Labels, comments, `drop_frames`, `keep_frames`, times and the mappings'
/// `has_*` flags are skipped: a flame graph does not use them.
struct PprofProfile {
  /// `ValueType`: what one of a sample's values measures.
  struct ValueType {
    /// String index of the type: `alloc_space`, `cpu`, `samples`.
    var type: Int64 = 0
    /// String index of the unit: `bytes`, `nanoseconds`, `count`.
    var unit: Int64 = 0
  }

  /// `Mapping`: a binary or library mapped into the profiled process.
  struct Mapping {
    var id: UInt64 = 0
    var memoryStart: UInt64 = 0
    var memoryLimit: UInt64 = 0
    var fileOffset: UInt64 = 0
    /// String index of the file name (`/lib/x86_64-linux-gnu/libc.so.6`).
    var filename: Int64 = 0
  }

  /// `Location`: one program counter, with its source lines innermost
  /// first (`lines[lineStart..<lineStart + lineCount]`).
  struct Location {
    var id: UInt64 = 0
    var mappingID: UInt64 = 0
    var address: UInt64 = 0
    var lineStart = 0
    var lineCount = 0
  }

  /// `Line`: a function and line; several in one location are inlined calls.
  struct Line {
    var functionID: UInt64 = 0
    var line: Int64 = 0
    var column: Int64 = 0
  }

  /// `Function`: a function's names and file, as string indices.
  struct Function {
    var id: UInt64 = 0
    var name: Int64 = 0
    var systemName: Int64 = 0
    var filename: Int64 = 0
  }

  var sampleTypes: [ValueType] = []
  /// Where each `Sample` message's content is in the input: samples are
  /// decoded one at a time as they are imported (``PprofDecoder/decodeSample(_:in:locationIDs:values:)``),
  /// so their location ids, the bulk of a profile, are never all held.
  var samples: [Range<Int>] = []
  /// Where each sample's field starts in the input, for diagnostics.
  var sampleOffsets: [Int] = []
  var mappings: [Mapping] = []
  var locations: [Location] = []
  var lines: [Line] = []
  var functions: [Function] = []
  var strings: [String] = []
  /// String index of the sample type pprof shows by default; 0 when unset.
  var defaultSampleType: Int64 = 0
  var periodType = ValueType()
  var period: Int64 = 0

  /// The number of samples.
  var sampleCount: Int { samples.count }

  /// The string at an index that ``PprofDecoder`` checked.
  func string(_ index: Int64) -> String { strings[Int(index)] }

  /// The names of the sample types, in order.
  var sampleTypeNames: [String] { sampleTypes.map { string($0.type) } }
}
