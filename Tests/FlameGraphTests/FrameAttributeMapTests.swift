import Testing

@testable import FlameGraph

/// The `--nameattr` file format, as inferno's own unit test reads it.
@Suite struct FrameAttributeMapTests {
  @Test func readsTheFormatAsInfernoDoes() throws {
    // The lines of inferno's `func_frame_attrs_map_from_reader` test.
    let foo = [
      "foo", "title=foo title", #"class="foo class""#,
      #"g_extra=gextra1=gextra1 gextra2="foo gextra2""#, "href=foo href", "target=foo target",
      #"a_extra="aextra1="foo aextra1" aextra2="foo aextra2"""#,
    ].joined(separator: "\t")
    let bar = [
      "bar", "class=bar class", "href=bar href", #"a_extra=aextra1=foo invalid aextra2=bar"#,
    ].joined(separator: "\t")
    let map = FrameAttributeMap(parsing: foo + "\n" + bar)
    let fooAttributes = try #require(map["foo"])
    #expect(fooAttributes.title == "foo title")
    #expect(
      Dictionary(uniqueKeysWithValues: fooAttributes.attributes.map { ($0.name, $0.value) }) == [
        "class": "foo class", "xlink:href": "foo href", "target": "foo target",
        "gextra1": "gextra1", "gextra2": "foo gextra2", "aextra1": "foo aextra1",
        "aextra2": "foo aextra2",
      ])
    let barAttributes = try #require(map["bar"])
    #expect(barAttributes.title == nil)
    #expect(
      Dictionary(uniqueKeysWithValues: barAttributes.attributes.map { ($0.name, $0.value) }) == [
        "class": "bar class", "xlink:href": "bar href", "aextra1": "foo", "aextra2": "bar",
        "target": "_top",
      ])
    // The word without a value is named in a warning.
    #expect(map.warnings.contains { $0.contains("invalid has no value") })
  }

  @Test func keepsTheFileOrderAndWarnsAboutRepeatsAndUnknownKeys() throws {
    let map = FrameAttributeMap(
      parsing: "main\tclass=a\tid=x\tclass=b\tcolour=red\r\n\nnoploop\tid=test\n")
    let main = try #require(map["main"])
    #expect(main.attributes.map(\.name) == ["class", "id"])
    #expect(main["class"] == "b")
    #expect(map["noploop"]?["id"] == "test")
    #expect(map.warnings.count == 2)
    #expect(map.warnings.contains { $0.hasPrefix("line 1 (main): class is given twice") })
    #expect(map.warnings.contains { $0.contains("unknown attribute colour") })
  }

  @Test func refusesScriptAndNamesThatAreNotAttributeNames() throws {
    let map = FrameAttributeMap(
      parsing: #"main"# + "\t"
        + #"g_extra=onclick="alert(1)" data-x="1" 9bad=2 a:b=3 xlink:title=t"#)
    let main = try #require(map["main"])
    #expect(main.attributes.map(\.name) == ["data-x", "xlink:title"])
    #expect(map.warnings.count == 3)
  }

  @Test func layoutGivesFramesTheirAttributesAndTitle() throws {
    var options = Options()
    options.frameAttributes = FrameAttributeMap(
      parsing: "work\ttitle=The work\thref=https://example.com/work\nsys_read_[k]\tclass=kernel\n")
    let profile = try Profile(folded: "main;work 3\nmain;sys_read_[k] 1\n", options: options)
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    let work = try #require(scene.frames.first { $0.name == "work" })
    #expect(work.tooltip == "The work")
    #expect(work.attributes?.link == "https://example.com/work")
    #expect(work.attributes?["target"] == "_top")
    let read = try #require(scene.frames.first { $0.name == "sys_read" })
    #expect(read.attributes?["class"] == "kernel")
    #expect(scene.frames.first { $0.name == "main" }?.attributes == nil)
  }
}
