#if !FUZZING
  #if canImport(Glibc)
    import Glibc
  #elseif canImport(Darwin)
    import Darwin
  #endif
  import FlameGraph

  /// Without `-D FUZZING` (a plain `swift build`), the target is a replay
  /// tool: each file given runs through ``fuzzTestOneInput(_:_:)``, and
  /// `ok FILE` is printed when it comes back.
  ///
  /// ```sh
  /// swift run flamegraph-fuzz Fuzz/crashes/crash-0123abcd
  /// ```
  ///
  /// Exit status: 0 when every file ran, 64 without files, 66 when a file
  /// cannot be read.
  @main
  struct ReplayTool {
    /// Replays the files named on the command line.
    static func main() {
      let paths = CommandLine.arguments.dropFirst()
      guard !paths.isEmpty else {
        writeLine("usage: flamegraph-fuzz FILE...", to: STDERR_FILENO)
        exit(64)
      }
      for path in paths {
        let bytes: [UInt8]
        do {
          bytes = try InputByteStream(opening: .file(path)).readAll(limit: 1 << 30)
        } catch {
          writeLine("flamegraph-fuzz: \(error)", to: STDERR_FILENO)
          exit(66)
        }
        bytes.withUnsafeBufferPointer { _ = fuzzTestOneInput($0.baseAddress, $0.count) }
        writeLine("ok \(path)", to: STDOUT_FILENO)
      }
    }

    /// Writes `text` and a newline straight to a descriptor, unbuffered, so
    /// the lines before a crash are never lost.
    static func writeLine(_ text: String, to descriptor: Int32) {
      var line = text + "\n"
      line.withUTF8 { bytes in _ = write(descriptor, bytes.baseAddress, bytes.count) }
    }
  }
#endif
