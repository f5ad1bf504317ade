/// The script and style sheet of interactive SVGs, embedded in the binary
/// at build time (SwiftPM's `embedInCode`), so the tool is one file and
/// needs no bundle beside it.
///
/// The script is `Resources/linear-regex.js` (the search's pattern
/// matcher), then the viewer's modules in one function, in the order of
/// ``viewerModules``: each module's state is declared before the modules
/// that use it. The function runs after the first paint
/// (``startAfterFirstPaint``). Comments and indentation are left out of the document
/// (``compacted(_:)``): they are for readers of the sources.
enum ViewerResources {
  /// The viewer's modules, in order: state, model, abbreviation (the
  /// labels' shorter forms), layout, drawing, search, views, controls.
  static let viewerModules: [(name: String, bytes: [UInt8])] = [
    ("viewer-state.js", PackageResources.viewer_state_js),
    ("viewer-model.js", PackageResources.viewer_model_js),
    ("viewer-abbreviation.js", PackageResources.viewer_abbreviation_js),
    ("viewer-layout.js", PackageResources.viewer_layout_js),
    ("viewer-drawing.js", PackageResources.viewer_drawing_js),
    ("viewer-search.js", PackageResources.viewer_search_js),
    ("viewer-views.js", PackageResources.viewer_views_js),
    ("viewer-controls.js", PackageResources.viewer_controls_js),
  ]

  /// The whole script, for a CDATA section.
  static let script: [UInt8] = {
    var script = compacted(cdataSafe(PackageResources.linear_regex_js, name: "linear-regex.js"))
    script += Array(
      "(function () {\nlet started = false;\nfunction start() {\n'use strict';\n".utf8)
    script += Array("if (started) return;\nstarted = true;\n".utf8)
    for module in viewerModules { script += compacted(cdataSafe(module.bytes, name: module.name)) }
    script += Array(startAfterFirstPaint.utf8)
    return script
  }()
  /// Ends the viewer's function and starts it once the browser has painted
  /// the document: the first paint shows the static frames as soon as they
  /// are parsed (on the 200,000-stack benchmark profile about 20% sooner
  /// than when the viewer ran first), and the viewer then takes over. A
  /// document that gets no animation frames (hidden) starts after a second.
  static let startAfterFirstPaint = """
    }
    requestAnimationFrame(() => setTimeout(start, 0));
    setTimeout(start, 1000);
    })();

    """

  /// flamegraph.css, for a CDATA section.
  static let style = cdataSafe(PackageResources.flamegraph_css, name: "flamegraph.css")

  /// JavaScript without its comment lines, blank lines and indentation:
  /// lines whose first characters start a `//` comment, and `/* ... */`
  /// blocks that start a line, are dropped. Code never starts a line with
  /// those characters (no line continues a string or a regular expression
  /// literal), so what runs is unchanged.
  static func compacted(_ bytes: [UInt8]) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count / 2)
    var inBlock = false
    for line in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
      let text = line.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
      if inBlock {
        if text.starts(with: Array("*/".utf8)) || text.suffix(2).elementsEqual("*/".utf8) {
          inBlock = false
        }
        continue
      }
      if text.isEmpty || text.starts(with: Array("//".utf8)) { continue }
      if text.starts(with: Array("/*".utf8)) {
        inBlock = !text.suffix(2).elementsEqual("*/".utf8) || text.count < 4
        continue
      }
      output += text
      output.append(UInt8(ascii: "\n"))
    }
    return output
  }

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
