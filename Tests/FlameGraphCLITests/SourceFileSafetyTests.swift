import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A profile is untrusted: its frame names must not make `flamegraph` show
/// files outside the current directory and the `--source-path` folders.
@Suite struct SourceFileSafetyTests {
  static let secret = "SECRET-5b1e"

  /// A temporary folder with `root/` (the working directory of each run)
  /// and, beside it, `outside/secret.py` holding the secret.
  struct Sandbox {
    let directory: URL
    var root: URL { directory.appendingPathComponent("root") }
    var outside: URL { directory.appendingPathComponent("outside") }
    var secretFile: String { outside.appendingPathComponent("secret.py").path }

    init() throws {
      directory = try CommandRunner.temporaryDirectory()
      for folder in [root, outside] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      }
      try "token = '\(SourceFileSafetyTests.secret)'\n".write(
        toFile: secretFile, atomically: false, encoding: .utf8)
    }

    /// Runs `flamegraph` in `root` on `folded`, in each format given.
    func outputs(
      _ folded: String, formats: [String] = ["json", "svg"], arguments: [String] = []
    ) throws -> [(format: String, output: String, errors: String)] {
      try formats.map { format in
        let result = try CommandRunner.run(
          ["--format", format] + arguments, input: Data(folded.utf8), in: root)
        #expect(result.status == 0, "\(result.standardError)")
        return (
          format, String(decoding: result.standardOutput, as: UTF8.self), result.standardError
        )
      }
    }
  }

  @Test func anAbsolutePathOutsideTheRootsShowsNothing() throws {
    let sandbox = try Sandbox()
    defer { try? FileManager.default.removeItem(at: sandbox.directory) }
    let folded = """
      main;\(sandbox.secretFile):1 5
      main;f (\(sandbox.secretFile):1) 3
      main;\(sandbox.secretFile):1 (g) 2

      """
    for (format, output, errors) in try sandbox.outputs(folded, arguments: ["--source-path", "."]) {
      #expect(!output.contains(SourceFileSafetyTests.secret), "\(format)")
      #expect(!errors.contains(SourceFileSafetyTests.secret), "\(format)")
    }
  }

  @Test func dotDotAndLinksCannotLeaveTheRoots() throws {
    let sandbox = try Sandbox()
    defer { try? FileManager.default.removeItem(at: sandbox.directory) }
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.root.appendingPathComponent("link.py").path,
      withDestinationPath: sandbox.secretFile)
    try FileManager.default.createSymbolicLink(
      atPath: sandbox.root.appendingPathComponent("up").path, withDestinationPath: "..")
    let folded = """
      main;../outside/secret.py:1 5
      main;link.py:1 (f) 3
      main;up/outside/secret.py:1 2

      """
    for (format, output, errors) in try sandbox.outputs(folded, arguments: ["--source-path", "."]) {
      #expect(!output.contains(SourceFileSafetyTests.secret), "\(format)")
      #expect(errors.contains("3 files outside the source folders"), "\(format): \(errors)")
    }
  }

  @Test func warningsDoNotTellWhetherAnOutsideFileExists() throws {
    let sandbox = try Sandbox()
    defer { try? FileManager.default.removeItem(at: sandbox.directory) }
    let absent = sandbox.outside.appendingPathComponent("absent.py").path
    let existing = try sandbox.outputs(
      "main;\(sandbox.secretFile):1 5\n", formats: ["json"], arguments: ["--source-path", "."])
    let missing = try sandbox.outputs(
      "main;\(absent):1 5\n", formats: ["json"], arguments: ["--source-path", "."])
    #expect(existing[0].errors.contains("1 source file not found"))
    #expect(
      existing[0].errors.replacingOccurrences(of: "secret.py", with: "absent.py")
        == missing[0].errors)
  }

  @Test func aProfileRecordedElsewhereFindsItsFilesBySuffix() throws {
    let sandbox = try Sandbox()
    defer { try? FileManager.default.removeItem(at: sandbox.directory) }
    let app = sandbox.root.appendingPathComponent("app")
    try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
    try "def handle():\n    return render()\n".write(
      to: app.appendingPathComponent("x.py"), atomically: false, encoding: .utf8)
    let (_, json, _) = try sandbox.outputs(
      "main;/home/ci/app/x.py:2 (handle) 5\n", formats: ["json"], arguments: ["--source-path", "."]
    )[0]
    #expect(json.contains("\"sourceLine\":\"return render()\""))
  }

  @Test func theExampleFindsItsCodeFromAnAbsoluteName() throws {
    let examples = RepositoryPaths.file("Examples").path
    let result = try CommandRunner.run(
      ["--format", "json", "--source-path", examples],
      input: Data("/home/ci/project/example.py:4 (make_big_array) 5\n".utf8))
    #expect(result.status == 0)
    let json = String(decoding: result.standardOutput, as: UTF8.self)
    #expect(json.contains("\"sourceLine\":\"return np.zeros((1024, 1024, 50))\""))
  }

  @Test func fifosFoldersAndBinaryFilesInTheRootAreSkipped() throws {
    let sandbox = try Sandbox()
    defer { try? FileManager.default.removeItem(at: sandbox.directory) }
    // Opening a FIFO for reading would wait for a writer forever.
    #expect(mkfifo(sandbox.root.appendingPathComponent("pipe.py").path, 0o600) == 0)
    try FileManager.default.createDirectory(
      at: sandbox.root.appendingPathComponent("pkg.py"), withIntermediateDirectories: true)
    try Data([0x78, 0x00, 0x0A] + Array(SourceFileSafetyTests.secret.utf8)).write(
      to: sandbox.root.appendingPathComponent("blob.py"))
    let folded = "main;pipe.py:1 5\nmain;pkg.py:1 3\nmain;blob.py:2 2\n"
    for (format, output, errors) in try sandbox.outputs(folded, arguments: ["--source-path", "."]) {
      #expect(!output.contains(SourceFileSafetyTests.secret), "\(format)")
      #expect(errors.contains("3 files not regular text files"), "\(format): \(errors)")
    }
  }

  @Test func filesWithoutASourceExtensionAreNotShown() throws {
    let sandbox = try Sandbox()
    defer { try? FileManager.default.removeItem(at: sandbox.directory) }
    try "\(SourceFileSafetyTests.secret)\n".write(
      to: sandbox.root.appendingPathComponent("passwords.txt"), atomically: false, encoding: .utf8)
    let (_, json, errors) = try sandbox.outputs(
      "main;passwords.txt:1 5\n", formats: ["json"], arguments: ["--source-path", "."])[0]
    #expect(!json.contains(SourceFileSafetyTests.secret))
    #expect(errors.contains("1 file without a source file extension"))
  }
}
