import FlameGraph
import FlameGraphCairo
import Foundation
import Testing

/// `--nameattr` links in a PDF: an annotation over the frame's box.
@Suite struct PDFLinkTests {
  @Test func aFrameWithALinkIsALinkAnnotationOverItsBox() throws {
    var options = Options()
    options.frameAttributes = FrameAttributeMap(parsing: "work\thref=https://example.com/work\n")
    let profile = try Profile(folded: "main;work 3\nmain;rest 1\n", options: options)
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    let bytes = try PDFRenderer().render(scene)
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(text.contains("/URI (https://example.com/work)"))
    #expect(text.components(separatedBy: "/URI (").count == 2)
    // PDF y grows upward: the box's bottom edge is the page height less its y plus height.
    let work = try #require(scene.frames.first { $0.name == "work" })
    let rectangle = [
      work.x, scene.height - work.y - work.height, work.x + work.width, scene.height - work.y,
    ].map { String(Int($0.rounded())) }.joined(separator: " ")
    #expect(text.contains("/Rect [ \(rectangle) ]"), "\(rectangle)")
    // Images have no links, and draw the same pixels either way.
    let plain = FlameGraphLayout(options: Options()).scene(for: profile)
    #expect(try PNGRenderer().render(scene) == PNGRenderer().render(plain))
  }
}
