import Foundation
import Testing

/// The flags of the interactive viewer: `--theme`, `--uicolor`, and the
/// width that a graph without `--width` leaves to the window.
@Suite struct ViewerFlagsTests {
  static let input = Data("main;work 3\nmain;rest 1\n".utf8)

  /// The data block of the SVG the flags write.
  static func dataBlock(_ arguments: [String]) throws -> String {
    let result = try CommandRunner.run(arguments, input: input)
    #expect(result.status == 0, "\(result.standardError)")
    let svg = String(decoding: result.standardOutput, as: UTF8.self)
    let start = try #require(svg.range(of: "id=\"fg-data\">"))
    let end = try #require(svg.range(of: "</script>", range: start.upperBound..<svg.endIndex))
    return String(svg[start.upperBound..<end.lowerBound])
  }

  @Test func themeAndTextColorReachTheViewer() throws {
    #expect(try Self.dataBlock([]).contains("\"theme\":\"auto\""))
    let data = try Self.dataBlock(["--theme", "dark", "--uicolor", "#1a237e"])
    #expect(data.contains("\"theme\":\"dark\""))
    #expect(data.contains("\"uiColor\":\"#1a237e\""))
    #expect(try Self.dataBlock(["--theme", "light"]).contains("\"theme\":\"light\""))
  }

  @Test func onlyAGraphWithoutAWidthIsFluid() throws {
    #expect(try Self.dataBlock([]).contains("\"fluid\":true"))
    #expect(!(try Self.dataBlock(["--width", "1200"]).contains("\"fluid\"")))
  }

  @Test func staticOutputsKeepTheDefaultWidth() throws {
    for arguments in [[], ["--no-javascript"], ["--width", "1200"]] {
      let result = try CommandRunner.run(arguments, input: Self.input)
      let svg = String(decoding: result.standardOutput, as: UTF8.self)
      #expect(svg.contains("<svg version=\"1.1\" width=\"1200\""), "\(arguments)")
    }
  }

  @Test func badValuesAreOptionErrors() throws {
    for arguments in [["--theme", "sepia"], ["--uicolor", "nope"]] {
      let result = try CommandRunner.run(arguments, input: Self.input)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.standardError.contains(arguments[0]), "\(result.standardError)")
    }
  }
}
