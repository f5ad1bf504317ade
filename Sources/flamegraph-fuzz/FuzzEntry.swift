/// libFuzzer's entry point: runs one input through ``FuzzPipeline``.
///
/// The replay tool calls it too, so a saved crash reproduces without
/// sanitizers: `swift run flamegraph-fuzz Fuzz/crashes/crash-...`.
///
/// - Returns: 0, as libFuzzer requires.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
  FuzzPipeline.run(bytes)
  return 0
}
