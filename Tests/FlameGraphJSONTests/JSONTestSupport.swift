import FlameGraph
import Foundation

/// Paths and helpers shared by the JSON tests.
enum JSONFixtures {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

  static func object(_ bytes: [UInt8]) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
      throw JSONTestError.notAnObject
    }
    return object
  }

  /// Validates a document against one of the repository's JSON Schemas with
  /// Python's `jsonschema` (installed by `scripts/install-dependencies --test`);
  /// returns the validator's complaint, or nil when valid.
  static func schemaViolation(_ bytes: [UInt8], schema: String) throws -> String? {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let document = directory.appendingPathComponent("document.json")
    try Data(bytes).write(to: document)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", "-c",
      "import json, sys, jsonschema; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
      document.path, path("Schemas/\(schema)"),
    ]
    let errors = Pipe()
    process.standardError = errors
    try process.run()
    let message = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0
      ? nil : String(decoding: message, as: UTF8.self).suffix(600).description
  }

  /// The sum of the last field of every line of a folded file, computed
  /// without the library.
  static func sumOfCounts(_ text: String) -> Double {
    text.split(separator: "\n").compactMap { line in
      line.split(separator: " ").last.flatMap { Double($0) }
    }.reduce(0, +)
  }
}

enum JSONTestError: Error { case notAnObject }
