#if FUZZING
  #if canImport(Glibc)
    import Glibc
  #elseif canImport(Darwin)
    import Darwin
  #endif

  /// libFuzzer's driver, from `libclang_rt.fuzzer` (linked by `-sanitize=fuzzer`):
  /// parses libFuzzer's flags from `argc` and `argv` and runs `callback` on
  /// every input it makes.
  @_silgen_name("LLVMFuzzerRunDriver")
  func libFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  /// With `-D FUZZING` (`scripts/fuzz`), the target is libFuzzer: its flags
  /// and corpus folders on the command line, as for any libFuzzer binary.
  ///
  /// ```sh
  /// .build-fuzz/debug/flamegraph-fuzz -max_total_time=60 Fuzz/corpus
  /// ```
  ///
  /// The program's own `main` starts the driver: SwiftPM names an
  /// executable's entry point after its module, so libFuzzer's `main`
  /// cannot be the one that runs.
  @main
  struct FuzzDriver {
    /// Runs libFuzzer until it stops, and exits with its status.
    static func main() {
      var argc = CommandLine.argc
      var argv = CommandLine.unsafeArgv
      let status = libFuzzerRunDriver(&argc, &argv) { data, size in
        fuzzTestOneInput(data, size)
      }
      exit(status)
    }
  }
#endif
