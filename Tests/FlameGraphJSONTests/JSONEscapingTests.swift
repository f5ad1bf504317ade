import FlameGraph
import Foundation
import Testing

import FlameGraphJSON

@Suite struct JSONEscapingTests {
  @Test func awkwardNamesRoundTripThroughAJSONParser() throws {
    let names = [
      "plain", "say \"hi\"", "back\\slash", "tab\there", "new\nline", "bell\u{07}", "nul\u{0}",
      "emoji 😀 and 𝄞", "line\u{2028}separator", "</script>",
    ]
    for name in names {
      let writer = ByteWriter()
      writer.write("[")
      writer.writeJSONString(name)
      writer.write("]")
      try writer.finish()
      let parsed = try JSONSerialization.jsonObject(with: Data(writer.collected)) as? [String]
      #expect(parsed == [name], "\(name.debugDescription)")
    }
  }
}
