import Foundation
import Testing

@testable import FlameGraph

/// A fixture of `Fixtures/perf/`.
private func fixture(_ name: String) -> String {
  repositoryRoot().appendingPathComponent("Tests/FlameGraphTests/Fixtures/perf/\(name)").path
}

/// Reads perf script text with the given perf options.
private func perfProfile(
  _ text: String, _ configure: (inout PerfScriptOptions) -> Void = { _ in }
) throws -> Profile {
  var options = Options()
  configure(&options.importing.perfScript)
  let builder = CallTreeBuilder()
  var diagnostics = ParseDiagnostics()
  let input = InputByteStream(bytes: Array(text.utf8), name: "perf.txt")
  try PerfScriptImporter(options: options.importing.perfScript).importStacks(
    from: input, into: builder, diagnostics: &diagnostics)
  return builder.finish(diagnostics: diagnostics)
}

/// Reads a fixture through the profile reader, as a library user would.
private func perfFixture(
  _ name: String, format: InputFormat? = .perfScript,
  _ configure: (inout PerfScriptOptions) -> Void = { _ in }
) throws -> Profile {
  var options = Options()
  configure(&options.importing.perfScript)
  return try ProfileReader.readProfile(
    from: [.file(fixture(name))], format: format, options: options)
}

/// The folded stacks a profile writes, one line each.
private func foldedLines(_ profile: Profile) throws -> [String] {
  let bytes = try FoldedRenderer().render(profile, options: Options())
  return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
}

@Suite("Importing perf script output")
struct PerfScriptImporterTests {
  @Test func theRootTotalIsTheNumberOfSamples() throws {
    let profile = try perfFixture("kernel-user.txt")
    #expect(profile.totalSamples == 6)
    #expect(profile.diagnostics.validLineCount == 6)
    #expect(profile.diagnostics.malformedLineCount == 0)
    #expect(profile.total(at: "python3") == 6)
  }

  @Test func framesGoRootFirstUnderTheProcessWithoutOffsets() throws {
    let profile = try perfFixture("kernel-user.txt")
    #expect(
      profile.total(
        at: "python3;_dl_start_user;_dl_sysdep_start;__getrlimit;entry_SYSCALL_64_after_hwframe"
          + ";do_syscall_64;__do_sys_prlimit64;do_prlimit;__htab_map_lookup_elem") == 1)
    #expect(profile.total(at: "python3;check_match") == 1)
  }

  @Test func unknownSymbolsBecomeTheirDSOInBrackets() throws {
    let profile = try perfFixture("kernel-user.txt")
    #expect(profile.total(at: "python3;[unknown];init_cpu_features.constprop.0") == 1)
    let withAddresses = try perfProfile(
      "app 1 1.0: 1 cycles:\n\t7f3a [unknown] (/usr/lib/libc.so.6)\n\n"
    ) { $0.includeAddresses = true }
    #expect(withAddresses.total(at: "app;[libc.so.6 <7f3a>]") == 1)
    let plain = try perfProfile("app 1 1.0: 1 cycles:\n\t7f3a [unknown] (/usr/lib/libc.so.6)\n\n")
    #expect(plain.total(at: "app;[libc.so.6]") == 1)
  }

  @Test func kernelFramesAreAnnotatedWhenAsked() throws {
    let plain = try perfFixture("kernel-user.txt")
    #expect(plain.frames.id(of: "do_syscall_64") != nil)
    #expect(plain.frames.id(of: "do_syscall_64_[k]") == nil)
    let annotated = try perfFixture("kernel-user.txt") { $0.annotateKernel = true }
    let id = try #require(annotated.frames.id(of: "do_syscall_64_[k]"))
    #expect(annotated.frames.annotation(of: id) == .kernel)
    #expect(annotated.frames.name(of: id) == "do_syscall_64")
    // User-space frames and [unknown] ones stay unannotated.
    #expect(annotated.frames.id(of: "__getrlimit") != nil)
    #expect(annotated.frames.id(of: "[unknown]") != nil)
  }

  @Test func jitFramesAreAnnotatedAndJavaNamesTidied() throws {
    let profile = try perfFixture("pid-tid-jit.txt") { $0.annotateAll() }
    #expect(
      profile.total(
        at:
          "java;start_thread;JavaCalls::call_helper;LBusy:::main_[j];java/io/PrintStream:::print_[j]"
      ) == 1)
    let plain = try perfFixture("pid-tid-jit.txt")
    #expect(plain.frames.id(of: "Busy:::main") == nil)  // no slash: the L stays
    #expect(plain.frames.id(of: "LBusy:::main") != nil)
  }

  @Test func processNamesTakeThePIDOrTheTID() throws {
    let plain = try perfFixture("pid-tid-jit.txt")
    #expect(plain.total(at: "Web_Content") == 2)
    let pid = try perfFixture("pid-tid-jit.txt") { $0.includePID = true }
    #expect(pid.total(at: "Web_Content-4242") == 2)
    #expect(pid.total(at: "java-31") == 1)
    let tid = try perfFixture("pid-tid-jit.txt") { $0.includeTID = true }
    #expect(tid.total(at: "Web_Content-4242/4250") == 1)
    #expect(tid.total(at: "Web_Content-4242/4251") == 1)
    // One number is the thread id, as perf prints it by default.
    let single = try perfFixture("kernel-user.txt") { $0.includeTID = true }
    #expect(single.total(at: "python3-?/4918") == 6)
  }

  @Test func onlyTheFirstEventIsCountedUnlessOneIsChosen() throws {
    let first = try perfFixture("two-events.txt")
    #expect(first.totalSamples == 3)
    #expect(first.total(at: "app;main;compute") == 1)
    #expect(first.total(at: "app;main;[libc.so.6];do_syscall_64") == 1)
    let instructions = try perfFixture("two-events.txt") { $0.eventFilter = "instructions" }
    #expect(instructions.totalSamples == 2)
    #expect(instructions.total(at: "app;main;parse") == 1)
  }

  @Test func periodsWeighSamplesWhenAsked() throws {
    let weighted = try perfFixture("two-events.txt") { $0.usePeriod = true }
    #expect(weighted.totalSamples == 900_000)
    #expect(weighted.total(at: "app;main;compute") == 300_000)
    // A header without a period counts 1 even then.
    let unweighted = try perfProfile("app 7 cpu-clock:\n\t1 main (/bin/app)\n\n") {
      $0.usePeriod = true
    }
    #expect(unweighted.totalSamples == 1)
  }

  @Test func anEventNoSampleHasIsAnError() throws {
    #expect {
      try perfFixture("two-events.txt") { $0.eventFilter = "branch-misses" }
    } throws: { error in
      guard case .invalidFormat(let format, _, let reason) = error as? InputError else {
        return false
      }
      return format == "perf script" && reason.contains("`branch-misses`")
        && reason.contains("`cycles`")
    }
  }

  @Test func inlinedFramesAreMarked() throws {
    let profile = try perfFixture("inline.txt")
    // perf script --inline's `(inlined)` frames, and an `outer->middle->leaf` chain.
    #expect(profile.total(at: "app;main;outer;middle_[i];leaf_[i]") == 2)
    let id = try #require(profile.frames.id(of: "middle_[i]"))
    #expect(profile.frames.annotation(of: id) == .inlined)
    #expect(profile.frames.name(of: id) == "middle")
  }

  @Test func chainsSplitIntoInlinedFrames() throws {
    let profile = try perfProfile(
      "app 1 1.0: 1 cycles:\n\t1 outer->middle->leaf+0x4 (/usr/bin/app)\n\t2 main (/usr/bin/app)\n\n"
    )
    #expect(profile.total(at: "app;main;outer;middle_[i];leaf_[i]") == 1)
  }

  @Test func sourceLinesGiveFramesAFileAndLine() throws {
    let profile = try perfFixture("inline.txt")
    let name = "leaf (app.c:2)_[i]"
    let id = try #require(profile.frames.id(of: name))
    #expect(profile.total(at: "app;main (app.c:5);outer (app.c:4);\(name)") == 1)
    #expect(profile.frames.annotation(of: id) == .inlined)
    let recorded = try perfFixture("srcline.txt")
    #expect(recorded.diagnostics.malformedLineCount == 0)
    #expect(
      recorded.total(at: "python3;[unknown];init_cpu_features.constprop.0 (cpu-features.c:305)")
        == 1)
    // Kernel frames have `[kernel.kallsyms][addr]` lines: no file.
    #expect(recorded.frames.id(of: "do_anonymous_page") != nil)
    let without = try perfFixture("srcline.txt") { $0.useSourceLines = false }
    #expect(without.total(at: "python3;[unknown];init_cpu_features.constprop.0") == 1)
  }

  @Test func sourceLinesBecomeStructuredLocations() throws {
    let profile = try perfFixture("srcline.txt")
    let id = try #require(
      profile.frames.id(of: "init_cpu_features.constprop.0 (cpu-features.c:305)"))
    let location = try #require(profile.frames.storage.locations[id])
    #expect(
      location
        == FrameLocation(
          function: "init_cpu_features.constprop.0", file: "cpu-features.c", line: 305))
  }

  @Test func framesOfOneLineAreImportedFrames() throws {
    let importer = PerfScriptImporter()
    #expect(
      importer.frames(inStackLine: "\t7f3a1b2c [unknown] (/usr/lib/libc.so.6)")
        == [ImportedFrame(name: "[libc.so.6]", module: "libc.so.6")])
    #expect(
      importer.frames(inStackLine: "\tffffffff8103ce3b native_safe_halt+0xb ([kernel.kallsyms])")
        == [ImportedFrame(name: "native_safe_halt", module: "[kernel.kallsyms]")])
    var all = PerfScriptOptions()
    all.annotateAll()
    let java = PerfScriptImporter(options: all).frames(
      inStackLine: "\t7f72 Ljava/io/PrintStream;::print (/tmp/perf-31.map)", process: "java")
    #expect(
      java == [
        ImportedFrame(name: "java/io/PrintStream:::print", module: "perf-31.map", annotation: .jit)
      ])
    #expect(
      importer.frames(inStackLine: "\t55 std::vector<int>::push_back(int const&) (/usr/bin/app)")
        == [ImportedFrame(name: "std::vector<int>::push_back", module: "app")])
    #expect(
      importer.frames(inStackLine: "\t55 std::(anonymous namespace)::run(int) (/usr/bin/app)")
        == [ImportedFrame(name: "std::(anonymous namespace)::run", module: "app")])
    // A symbol that starts with `(` is skipped, as in the Perl script.
    #expect(
      importer.frames(inStackLine: "\t55 (anonymous namespace)::run(int) (/usr/bin/app)") == [])
    #expect(
      importer.frames(inStackLine: "\t55 net/http.(*Client).Do (/usr/bin/server)")
        == [ImportedFrame(name: "net/http.(*Client).Do", module: "server")])
    #expect(importer.frames(inStackLine: "main;work 3") == nil)
  }

  @Test func headersInTheirVariations() throws {
    let text = """
      V8 WorkerThread 24636/25607 [000] 94564.109216: 100 cycles:
      \t1 a (/bin/x)

      java 12688 6544038.708352: 10309278 cpu-clock:
      \t1 b (/bin/x)

      func_ab 15294 cpu-clock:
      \t1 c (/bin/x)

      swapper     0 [000] 158665.570607: cpu-clock:
      \t1 d (/bin/x)

      emulator  4152 75695.008865:          1 cycles:u:
      \t1 e (/bin/x)


      """
    let profile = try perfProfile(text) { $0.includeTID = true }
    #expect(profile.total(at: "V8_WorkerThread-24636/25607;a") == 1)
    // cycles is the first event: cpu-clock and cycles:u samples are skipped,
    // except func_ab's, whose header has no time and so names no event.
    #expect(profile.total(at: "func_ab-?/15294;c") == 1)
    #expect(profile.totalSamples == 2)
    let clock = try perfProfile(text) { $0.eventFilter = "cpu-clock" }
    #expect(clock.total(at: "java;b") == 1)
    #expect(clock.total(at: "swapper;d") == 1)
    #expect(clock.total(at: "func_ab;c") == 1)
  }

  @Test func isDetectedByContent() throws {
    for name in [
      "kernel-user.txt", "srcline.txt", "two-events.txt", "inline.txt", "pid-tid-jit.txt",
    ] {
      let head = try InputByteStream(opening: .file(fixture(name))).peek(
        InputFormat.detectionLength)
      #expect(InputFormat.detect(head) == .perfScript, "\(name)")
    }
    let folded = ArraySlice("main;work 3\nmain;parse 1 2\n\tf00 x\n".utf8)
    #expect(!PerfScriptImporter.recognizes(folded))
    #expect(InputFormat.detect(folded) == .folded)
    let json = ArraySlice("{\"traceEvents\": [\n  {\"name\": \"a\", \"ts\": 1}\n]}\n".utf8)
    #expect(!PerfScriptImporter.recognizes(json))
    #expect(!PerfScriptImporter.recognizes(ArraySlice("[\n  1 2 3\n]\n".utf8)))
    #expect(!PerfScriptImporter.recognizes([]))
    // Detection through the reader: no format given.
    let profile = try perfFixture("kernel-user.txt", format: nil)
    #expect(profile.total(at: "python3") == 6)
  }

  @Test func aFirstSampleWithoutStackOrARecordingWithoutStacksIsStillPerf() throws {
    let stack = try String(contentsOfFile: fixture("kernel-user.txt"), encoding: .utf8)
    let emptyFirst = "swapper 0 [000] 1.0: 1 cpu-clock: \n\n" + stack
    #expect(InputFormat.detect(ArraySlice(emptyFirst.utf8)) == .perfScript)
    let noStacks = try InputByteStream(opening: .file(fixture("no-stacks.txt"))).peek(
      InputFormat.detectionLength)
    #expect(InputFormat.detect(noStacks) == .perfScript)
    // Told by content, the recording without stacks gets the perf error.
    #expect {
      try perfFixture("no-stacks.txt", format: nil)
    } throws: { error in
      guard case .invalidFormat(let format, _, let reason) = error as? InputError else {
        return false
      }
      return format == "perf script" && reason.contains("perf record -g")
    }
    // One header alone says too little: folded stacks are read.
    let single = ArraySlice("swapper 0 [000] 1.0: 1 cpu-clock: \n".utf8)
    #expect(InputFormat.detect(single) == .folded)
  }

  @Test func noStacksIsAnErrorNamingTheFormat() throws {
    for name in ["no-stacks.txt"] {
      #expect {
        try perfFixture(name)
      } throws: { error in
        guard case .invalidFormat(let format, _, let reason) = error as? InputError else {
          return false
        }
        return format == "perf script" && reason.contains("perf record -g")
      }
    }
    #expect {
      try perfProfile("app 1 1.0: 1 cycles:\n\napp 1 1.1: 1 cycles:\n\n")
    } throws: { error in
      (error as? InputError).map { "\($0)" } == "perf.txt:1: not a valid perf script profile: "
        + "the samples have no call stacks: record with `perf record -g` (or `--call-graph dwarf`)"
    }
    #expect(throws: InputError.self) { try perfProfile("# only a comment\n") }
  }

  @Test func malformedLinesAreCountedWithTheirLineNumbers() throws {
    let profile = try perfFixture("malformed.txt")
    #expect(profile.diagnostics.malformedLineCount == 3)
    #expect(profile.diagnostics.firstMalformedLines.map(\.line) == [5, 9, 12])
    #expect(profile.diagnostics.firstMalformedLines[0].problem == .frameOutsideSample)
    #expect(profile.totalSamples == 3)
    #expect(profile.total(at: "app;main;work") == 2)
    var strict = Options()
    strict.strict = true
    #expect(throws: InputError.self) {
      try ProfileReader.readProfile(from: [.file(fixture("malformed.txt"))], options: strict)
    }
  }

  @Test func truncatedInputNeverCrashes() throws {
    let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: fixture("srcline.txt"))))
    for cut in stride(from: 0, through: bytes.count, by: 7) {
      let builder = CallTreeBuilder()
      var diagnostics = ParseDiagnostics()
      let input = InputByteStream(bytes: Array(bytes[0..<cut]), name: "cut")
      _ = try? PerfScriptImporter().importStacks(
        from: input, into: builder, diagnostics: &diagnostics)
      let profile = builder.finish(diagnostics: diagnostics)
      #expect(profile.totalSamples == Double(diagnostics.validLineCount))
    }
    // The last sample counts without a blank line after it.
    let open = try perfProfile("app 1 1.0: 1 cycles:\n\t1 main (/bin/app)")
    #expect(open.total(at: "app;main") == 1)
  }

  @Test func carriageReturnsAndBinaryBytesAreSafe() throws {
    let profile = try perfProfile("app 1 1.0: 1 cycles:\r\n\t1 main (/bin/app)\r\n\r\n")
    #expect(profile.total(at: "app;main") == 1)
    var noise: [UInt8] = Array("app 1 1.0: 1 cycles:\n\t1 ".utf8)
    noise += [0xFF, 0x00, 0xC3, 0x28, 0x0D, 0x28, 0x29]
    noise += Array(" (/bin/\u{1}app)\n\n".utf8)
    let builder = CallTreeBuilder()
    var diagnostics = ParseDiagnostics()
    try PerfScriptImporter().importStacks(
      from: InputByteStream(bytes: noise, name: "noise"), into: builder,
      diagnostics: &diagnostics)
    #expect(builder.finish(diagnostics: diagnostics).totalSamples == 1)
  }
}
