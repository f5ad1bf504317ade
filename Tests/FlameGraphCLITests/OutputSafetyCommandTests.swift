import Foundation
import Testing

/// `-o` as a user points it: at standard output, a descriptor, a FIFO, a
/// terminal, a folder, a file in a read-only folder; and what an
/// interrupted run leaves behind (nothing).
@Suite struct OutputSafetyCommandTests {
  let input = Data("main;work 3\nmain;rest 1\n".utf8)

  static func entries(of directory: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
  }

  static func kind(of path: String) -> mode_t {
    var info = stat()
    guard lstat(path, &info) == 0 else { return 0 }
    return info.st_mode & S_IFMT
  }

  @Test func dashIsStandardOutput() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CommandRunner.run(["-o", "-"], input: input, in: directory)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(String(decoding: result.standardOutput, as: UTF8.self).hasSuffix("</svg>\n"))
    #expect(try Self.entries(of: directory).isEmpty)
  }

  @Test func aDescriptorPathIsWrittenAsItIs() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let result = try CommandRunner.run(["-o", "/dev/fd/1"], input: input, in: directory)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(String(decoding: result.standardOutput, as: UTF8.self).hasSuffix("</svg>\n"))
    #expect(try Self.entries(of: directory).isEmpty)
  }

  @Test func standardOutputIsWrittenWhenNoTemporaryFileCanBeMade() throws {
    let process = Process()
    process.executableURL = RepositoryPaths.executable
    process.arguments = ["--no-javascript"]
    process.environment = ["TMPDIR": "/nonexistent-folder"]
    let standardInput = Pipe()
    let output = Pipe()
    process.standardInput = standardInput
    process.standardOutput = output
    try process.run()
    standardInput.fileHandleForWriting.write(input)
    try standardInput.fileHandleForWriting.close()
    let svg = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(String(decoding: svg, as: UTF8.self).hasSuffix("</svg>\n"))
  }

  @Test func aFIFOIsWrittenAndStaysAFIFO() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("graph.svg").path
    #expect(mkfifo(fifo, 0o600) == 0)
    // A reader already there (the whole static SVG fits in the pipe).
    let reader = open(fifo, O_RDONLY | O_NONBLOCK)
    defer { close(reader) }

    let result = try CommandRunner.run(["--no-javascript", "-o", fifo], input: input)

    #expect(result.status == 0, "\(result.standardError)")
    var chunk = [UInt8](repeating: 0, count: 65536)
    let got = read(reader, &chunk, chunk.count)
    #expect(String(decoding: chunk[0..<max(got, 0)], as: UTF8.self).hasSuffix("</svg>\n"))
    #expect(Self.kind(of: fifo) == S_IFIFO)
    #expect(try Self.entries(of: directory) == ["graph.svg"])
  }

  @Test func aTerminalIsWrittenDirectly() throws {
    let terminal = try TestTerminal()
    let result = try CommandRunner.run(
      ["--format", "tree", "-o", terminal.devicePath], input: input)
    #expect(result.status == 0, "\(result.standardError)")
    if result.status == 0 {
      let document = terminal.readJSONDocument()
      #expect(document?["schema"] as? String == "swift-flamegraph/tree/1")
    }
    #expect(Self.kind(of: terminal.devicePath) == S_IFCHR)
  }

  @Test func aFolderIsAClearErrorAndStaysAsItIs() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let folder = directory.appendingPathComponent("graphs.svg")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
    let result = try CommandRunner.run(["-o", folder.path], input: input)
    #expect(result.status == 73)
    #expect(result.standardError.hasPrefix("flamegraph: error: cannot write \(folder.path)"))
    #expect(result.standardError.contains("it is a folder"))
    #expect(result.standardError.contains("give a file name"))
    #expect(Self.kind(of: folder.path) == S_IFDIR)
    #expect(try Self.entries(of: folder).isEmpty)
    #expect(try Self.entries(of: directory) == ["graphs.svg"])
  }

  @Test func aWritableFileInAReadOnlyFolderIsUpdatedInPlace() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("graph.svg")
    try "previous".write(to: output, atomically: false, encoding: .utf8)
    #expect(chmod(output.path, 0o666) == 0)
    var before = stat()
    #expect(stat(output.path, &before) == 0)

    // Root writes in any folder: run as nobody, to whom the folder (0755,
    // root's) is read-only. Anyone else: make the folder read-only.
    let result: CommandResult
    if geteuid() == 0 {
      result = try UnprivilegedRunner.run(["-o", output.path], input: input)
    } else {
      #expect(chmod(directory.path, 0o555) == 0)
      defer { chmod(directory.path, 0o755) }
      result = try CommandRunner.run(["-o", output.path], input: input)
    }

    #expect(result.status == 0, "\(result.standardError)")
    #expect(try String(contentsOf: output, encoding: .utf8).hasSuffix("</svg>\n"))
    var after = stat()
    #expect(stat(output.path, &after) == 0)
    #expect(after.st_ino == before.st_ino)
    #expect(after.st_mode & 0o7777 == 0o666)
    #expect(try Self.entries(of: directory) == ["graph.svg"])
  }

  @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGQUIT])
  func aRunStoppedBySignalLeavesNoTemporaryFile(signal: Int32) throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("graph.svg")
    try "previous".write(to: output, atomically: false, encoding: .utf8)
    let process = Process()
    process.executableURL = RepositoryPaths.executable
    process.arguments = ["--cp", "-o", output.path]
    process.currentDirectoryURL = directory
    let standardInput = Pipe()
    process.standardInput = standardInput
    try Self.runWithSignalsUnblocked(process)
    // The run holds its temporary files (the output's, and palette.map's)
    // while it waits for the rest of its input, which never comes.
    standardInput.fileHandleForWriting.write(input)
    var sawTemporary = false
    var checks = 0
    while !sawTemporary && checks < 6000 {
      sawTemporary = try Self.entries(of: directory).contains { $0.hasSuffix(".tmp") }
      if !sawTemporary { usleep(10_000) }
      checks += 1
    }
    #expect(sawTemporary, "no temporary file appeared while the input was open")

    kill(process.processIdentifier, signal)
    try standardInput.fileHandleForWriting.close()
    process.waitUntilExit()

    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    // No temporary file, and no palette.map: it was created for the lock.
    // SIGQUIT ends the run the default way, which may dump a core.
    #expect(try Self.entries(of: directory).filter { !$0.hasPrefix("core") } == ["graph.svg"])
    #expect(try String(contentsOf: output, encoding: .utf8) == "previous")
  }

  /// Starts `process` from a thread that blocks no signal: a child
  /// inherits its parent thread's mask, and the test runner's threads block
  /// most signals, which would keep the child from ever receiving them.
  static func runWithSignalsUnblocked(_ process: Process) throws {
    let outcome = ErrorBox()
    let thread = Thread {
      var all = sigset_t()
      sigfillset(&all)
      pthread_sigmask(SIG_UNBLOCK, &all, nil)
      do { try process.run() } catch { outcome.error = error }
    }
    thread.start()
    while !thread.isFinished { usleep(1000) }
    if let error = outcome.error { throw error }
  }

  @Test func aStaleTemporaryFileIsNoObstacle() throws {
    let directory = try CommandRunner.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let output = directory.appendingPathComponent("graph.svg")
    // What killed runs may have left under the process IDs the next run
    // is likely to get (Linux hands them out in order).
    let last =
      (try? String(contentsOfFile: "/proc/sys/kernel/ns_last_pid", encoding: .utf8))
      .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? getpid()
    for pid in last + 1...last + 2000 {
      try "stale".write(
        to: directory.appendingPathComponent(".graph.svg.\(pid).tmp"), atomically: false,
        encoding: .utf8)
    }
    let result = try CommandRunner.run(["-o", output.path], input: input)
    #expect(result.status == 0, "\(result.standardError)")
    #expect(try String(contentsOf: output, encoding: .utf8).hasSuffix("</svg>\n"))
  }
}

final class ErrorBox: @unchecked Sendable {
  var error: (any Error)?
}

/// Runs the built `flamegraph` as the unprivileged user `nobody`, through
/// util-linux's `setpriv`, for tests that need permissions root ignores.
enum UnprivilegedRunner {
  static func run(_ arguments: [String], input: Data) throws -> CommandResult {
    let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
    guard let setpriv else {
      Issue.record("testing as root needs setpriv (util-linux) to run as nobody")
      throw POSIXError(.ENOENT)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: setpriv)
    process.arguments =
      ["--reuid=65534", "--regid=65534", "--clear-groups", RepositoryPaths.executable.path]
      + arguments
    let output = Pipe()
    let errors = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput
    try process.run()
    standardInput.fileHandleForWriting.write(input)
    try standardInput.fileHandleForWriting.close()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return CommandResult(
      status: process.terminationStatus, standardOutput: outputData,
      standardError: String(decoding: errorData, as: UTF8.self))
  }
}

/// A pseudo-terminal of the test's own: a character device to point `-o`
/// at, instead of a real terminal or a system device.
final class TestTerminal {
  let controller: Int32
  /// Held open so the device is never closed last (the controller would
  /// then read EIO instead of the data).
  let device: Int32
  let devicePath: String

  init() throws {
    // The pty functions are hidden behind _XOPEN_SOURCE in Glibc's module
    // map; the C library has them all the same.
    typealias OnDescriptor = @convention(c) (Int32) -> Int32
    typealias NameOf = @convention(c) (Int32, UnsafeMutablePointer<CChar>?, Int) -> Int32
    func function<Function>(_ name: String, as type: Function.Type) throws -> Function {
      guard let symbol = dlsym(nil, name) else { throw POSIXError(.ENOSYS) }
      return unsafeBitCast(symbol, to: type)
    }
    controller = try function("posix_openpt", as: OnDescriptor.self)(O_RDWR | O_NOCTTY)
    guard controller >= 0, try function("grantpt", as: OnDescriptor.self)(controller) == 0,
      try function("unlockpt", as: OnDescriptor.self)(controller) == 0
    else { throw POSIXError(.ENODEV) }
    var name = [CChar](repeating: 0, count: 256)
    guard try function("ptsname_r", as: NameOf.self)(controller, &name, name.count) == 0 else {
      throw POSIXError(.ENODEV)
    }
    devicePath = String(
      decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    device = open(devicePath, O_RDWR | O_NOCTTY)
    guard device >= 0 else { throw POSIXError(.ENODEV) }
    var settings = termios()
    tcgetattr(device, &settings)
    cfmakeraw(&settings)
    tcsetattr(device, TCSANOW, &settings)
  }

  deinit {
    close(device)
    close(controller)
  }

  /// Reads what was written to the device until it is one whole JSON
  /// document.
  func readJSONDocument() -> [String: Any]? {
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
      let got = read(controller, &chunk, chunk.count)
      if got < 0 && errno == EINTR { continue }
      guard got > 0 else { return nil }
      bytes += chunk[0..<got]
      if let document = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] {
        return document
      }
    }
  }
}
