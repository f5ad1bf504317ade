import FlameGraph
import FlameGraphJSON
import FlameGraphSVG
import Foundation
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@Suite struct SceneJSONRendererTests {
  func scene(_ file: String, _ configure: (inout Options) -> Void = { _ in }) throws -> Scene {
    var options = Options()
    configure(&options)
    let profile = try Profile(reading: [.file(JSONFixtures.path(file))], options: options)
    return FlameGraphLayout(options: options).scene(for: profile)
  }

  @Test func sceneJSONFollowsItsSchema() throws {
    for (file, differential) in [
      ("Examples/seed-memory.folded", false), ("Goldens/inputs/differential.folded", true),
    ] {
      let bytes = try SceneJSONRenderer().render(try scene(file) { $0.subtitle = "sub" })
      #expect(try JSONFixtures.schemaViolation(bytes, schema: "scene.schema.json") == nil)
      let document = try JSONFixtures.object(bytes)
      #expect(document["schema"] as? String == "swift-flamegraph/scene/1")
      #expect(document["differential"] as? Bool == differential)
    }
  }

  @Test func framesCarryWhatLayoutDecided() throws {
    let scene = try scene("Examples/seed-memory.folded") { $0.direction = .icicle }
    let document = try JSONFixtures.object(try SceneJSONRenderer().render(scene))
    let frames = try #require(document["frames"] as? [[String: Any]])
    #expect(frames.count == scene.frames.count)
    for (json, box) in zip(frames, scene.frames) {
      #expect(json["name"] as? String == box.name)
      #expect(json["parent"] as? Int == box.parent)
      #expect(json["depth"] as? Int == box.depth)
      #expect(abs((json["x"] as? Double ?? -1) - box.x) < 0.006)
      #expect(abs((json["width"] as? Double ?? -1) - box.width) < 0.006)
      #expect(json["fill"] as? String == box.fill.hex)
      #expect(json["total"] as? Double == box.total)
      let label = json["label"] as? [String: Any]
      #expect(label?["text"] as? String == box.label?.text)
      #expect(label?["alignment"] as? String == box.label?.alignment.rawValue)
    }
    // Parents come first, and a frame's total never exceeds its parent's.
    for (index, json) in frames.enumerated() {
      let parent = json["parent"] as! Int
      #expect(parent < index)
      if parent >= 0 {
        #expect((json["total"] as! Double) <= (frames[parent]["total"] as! Double))
      }
    }
  }

  @Test func totalIsTheInputsTotal() throws {
    let text = try String(
      contentsOfFile: JSONFixtures.path("Examples/seed-memory.folded"), encoding: .utf8)
    let document = try JSONFixtures.object(
      try SceneJSONRenderer().render(try scene("Examples/seed-memory.folded")))
    #expect(document["total"] as? Double == JSONFixtures.sumOfCounts(text))
    let root = (document["frames"] as! [[String: Any]])[0]
    #expect(root["total"] as? Double == JSONFixtures.sumOfCounts(text))
    #expect(root["share"] as? Double == 1)
  }

  @Test func sceneJSONAndSVGDescribeTheSameBoxes() throws {
    let scene = try scene("Goldens/inputs/long-names.folded") {
      $0.imageWidth = 800
      $0.interactive = false
    }
    let frames = try #require(
      try JSONFixtures.object(try SceneJSONRenderer().render(scene))["frames"] as? [[String: Any]])
    let collector = RectCollector()
    let parser = XMLParser(data: Data(try SVGRenderer().render(scene)))
    parser.delegate = collector
    #expect(parser.parse())
    // The SVG's frame rects are inside <g id="frames">, in scene order.
    #expect(collector.frameRects.count == frames.count)
    for (rect, json) in zip(collector.frameRects, frames) {
      #expect(Double(rect["x"] ?? "") == json["x"] as? Double)
      #expect(Double(rect["y"] ?? "") == json["y"] as? Double)
      #expect(Double(rect["width"] ?? "") == json["width"] as? Double)
      #expect(rect["fill"] == json["fill"] as? String)
    }
  }
}

private final class RectCollector: NSObject, XMLParserDelegate {
  var frameRects: [[String: String]] = []
  private var depthInFrames = 0

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    if depthInFrames > 0 {
      depthInFrames += 1
      if elementName == "rect" { frameRects.append(attributes) }
    } else if elementName == "g" && attributes["id"] == "frames" {
      depthInFrames = 1
    }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    if depthInFrames > 0 { depthInFrames -= 1 }
  }
}
