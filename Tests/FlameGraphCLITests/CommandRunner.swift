import Foundation

/// Runs the built `flamegraph` executable as a user would, capturing its
/// output and exit status.
struct CommandResult {
  var status: Int32
  var standardOutput: Data
  var standardError: String
}

enum CommandRunner {
  static func run(
    _ arguments: [String], input: Data? = nil, in directory: URL? = nil
  ) throws -> CommandResult {
    let process = Process()
    process.executableURL = RepositoryPaths.executable
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let errors = Pipe()
    let standardInput = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = standardInput
    try process.run()
    // Feed and drain concurrently so large outputs cannot deadlock on a full pipe.
    let writer = Thread {
      if let input { standardInput.fileHandleForWriting.write(input) }
      try? standardInput.fileHandleForWriting.close()
    }
    writer.start()
    let errorBox = DataBox()
    let errorReader = Thread { errorBox.data = errors.fileHandleForReading.readDataToEndOfFile() }
    errorReader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while errorReader.isExecuting || !errorReader.isFinished { usleep(1000) }
    return CommandResult(
      status: process.terminationStatus, standardOutput: outputData,
      standardError: String(decoding: errorBox.data, as: UTF8.self))
  }

  /// A fresh empty directory for one test.
  static func temporaryDirectory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory
      .appendingPathComponent("flamegraph-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }
}

final class DataBox: @unchecked Sendable {
  var data = Data()
}
