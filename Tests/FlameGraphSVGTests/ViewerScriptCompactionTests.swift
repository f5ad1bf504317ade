import Testing

@testable import FlameGraphSVG

/// The viewer's script goes into every interactive SVG without comments,
/// blank lines or indentation; the code that runs must be the same.
@Suite("Compacting the viewer's script")
struct ViewerScriptCompactionTests {
  static func compacted(_ text: String) -> String {
    String(decoding: ViewerResources.compacted(Array(text.utf8)), as: UTF8.self)
  }

  @Test func commentsBlankLinesAndIndentationGoCodeStays() {
    let source = """
      // A line comment.
      function zoom(frame) {

          const width = frame.width; // a comment after code stays
      \t  /* a one-line block */
        /*
         * A block over lines,
         * with code-like text: let x = 1;
         */
        return width / 2;
      /**/
      }
      /*/ still a comment
      that ends here */
      const url = "http://example.com/*not a comment*/";
      """
    #expect(
      Self.compacted(source) == """
        function zoom(frame) {
        const width = frame.width; // a comment after code stays
        return width / 2;
        }
        const url = "http://example.com/*not a comment*/";

        """)
  }

  @Test func theEmbeddedScriptHasNoCommentLinesLeft() {
    let script = String(decoding: ViewerResources.script, as: UTF8.self)
    let lines = script.split(separator: "\n")
    #expect(lines.count > 500)
    #expect(!lines.contains { $0.hasPrefix("//") || $0.hasPrefix("/*") || $0.hasPrefix(" ") })
    #expect(script.contains("function start()"))
  }
}
