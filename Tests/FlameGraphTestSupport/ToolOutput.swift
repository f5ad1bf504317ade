import Foundation

/// Runs the programs tests check outputs with (poppler's `pdftotext` and
/// `pdfinfo`, `perl`, `rsvg-convert`), found on the PATH.
public enum ToolOutput {
  /// Runs a program with its arguments (`["pdfinfo", path]`), in
  /// `directory` when given, and returns its exit status and standard
  /// output; standard error is dropped.
  public static func run(_ arguments: [String], in directory: URL? = nil) throws -> (
    status: Int32, output: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}
