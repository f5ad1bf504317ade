/// The script and style sheet of interactive SVGs: `Resources/linear-regex.js`
/// (the search's pattern matcher) then `Resources/flamegraph.js`, and
/// `Resources/flamegraph.css`, embedded in the binary at build time
/// (SwiftPM's `embedInCode`), so the tool is one file and needs no bundle
/// beside it.
enum ViewerResources {
  /// flamegraph.js, for a CDATA section.
  static let script =
    cdataSafe(PackageResources.linear_regex_js, name: "linear-regex.js")
    + cdataSafe(PackageResources.flamegraph_js, name: "flamegraph.js")
  /// flamegraph.css, for a CDATA section.
  static let style = cdataSafe(PackageResources.flamegraph_css, name: "flamegraph.css")

  /// The bytes, after checking that they cannot end the CDATA section
  /// they are written in.
  private static func cdataSafe(_ bytes: [UInt8], name: String) -> [UInt8] {
    let end = Array("]]>".utf8)
    let found =
      bytes.count >= end.count
      && (0...(bytes.count - end.count)).contains { bytes[$0..<$0 + end.count].elementsEqual(end) }
    precondition(!found, "\(name) must not contain \"]]>\": it is embedded in a CDATA section")
    return bytes
  }
}
