/// How ``PerfScriptImporter`` turns `perf script` output into stacks; the
/// defaults are those of flamegraph.pl's `stackcollapse-perf.pl`, except
/// that each sample counts 1 (see ``usePeriod``).
///
/// ```swift
/// var perf = PerfScriptOptions()
/// perf.includePID = true       // roots named `java-4242`
/// perf.annotateKernel = true   // `do_syscall_64_[k]`
/// perf.eventFilter = "cycles"
/// var options = Options()
/// options.importing.perfScript = perf
/// let profile = try ProfileReader.readProfile(
///   from: [.file("perf.txt")], format: .perfScript, options: options)
/// ```
public struct PerfScriptOptions: Sendable, Equatable {
  /// Name the root frame `comm-PID` instead of `comm` (default false;
  /// the Perl script's `--pid`). When the header has a single number, it
  /// is the thread id, and the PID is written `?`.
  public var includePID = false
  /// Name the root frame `comm-PID/TID` (default false; `--tid`). Takes
  /// precedence over ``includePID``.
  public var includeTID = false
  /// Suffix kernel frames with `_[k]` (default false; `--kernel`): frames
  /// whose DSO starts with `[` (`[kernel.kallsyms]`, `[nf_conntrack]`) or
  /// ends with `vmlinux`, unless it says `unknown`.
  public var annotateKernel = false
  /// Suffix JIT-compiled frames with `_[j]` (default false; `--jit`):
  /// frames whose DSO is a `/tmp/perf-PID.map` symbol map.
  public var annotateJIT = false
  /// Write a symbol that perf could not resolve with its address:
  /// `[libc.so.6 <7f3a1b2c>]` instead of `[libc.so.6]` (default false;
  /// the Perl script's `--addrs`).
  public var includeAddresses = false
  /// Keep symbol offsets (`parse+0x1f`) instead of stripping them, so
  /// every return address is its own frame (default false).
  public var keepOffsets = false
  /// Count only samples of this event (`cycles`, `cpu-clock`,
  /// `cycles:u`, as the header writes it before its last colon). Nil
  /// (default) counts the first event seen and skips the others: adding
  /// cycles to instructions would mean nothing. Headers without a time
  /// field name no event the Perl script can read, and always count.
  public var eventFilter: String?
  /// Weight each sample by the period its header gives (`1000000
  /// cpu-clock:`), else 1 (default false: every sample counts 1, so the
  /// root's total is the number of samples). `stackcollapse-perf.pl`
  /// always uses the period when the header has one; set this to match
  /// its counts.
  public var usePeriod = false
  /// Read `perf script -F +srcline` lines (`  parse.c:120` after a frame)
  /// into the frame's file and line, so each line of a function is its own
  /// frame named `parse (parse.c:120)` (default true). Off, they are
  /// skipped.
  public var useSourceLines = true

  /// stackcollapse-perf.pl's defaults.
  public init() {}

  /// Turns on kernel and JIT annotations at once (the Perl script's `--all`).
  public mutating func annotateAll() {
    annotateKernel = true
    annotateJIT = true
  }
}
