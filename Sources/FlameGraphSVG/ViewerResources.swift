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
    // One pass over the bytes, without a slice or an array per line: the
    // script is compacted once a run, and a run of a small profile is
    // milliseconds.
    bytes.withUnsafeBufferPointer { input in
      var output: [UInt8] = []
      output.reserveCapacity(input.count / 2)
      var inBlock = false
      var lineStart = 0
      while lineStart < input.count {
        var lineEnd = lineStart
        while lineEnd < input.count && input[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
        var textStart = lineStart
        while textStart < lineEnd
          && (input[textStart] == UInt8(ascii: " ") || input[textStart] == UInt8(ascii: "\t"))
        {
          textStart += 1
        }
        let length = lineEnd - textStart
        let nextLine = lineEnd + 1
        func starts(_ first: UInt8, _ second: UInt8) -> Bool {
          length >= 2 && input[textStart] == first && input[textStart + 1] == second
        }
        let endsBlock =
          length >= 2 && input[lineEnd - 2] == UInt8(ascii: "*")
          && input[lineEnd - 1] == UInt8(ascii: "/")
        defer { lineStart = nextLine }
        if inBlock {
          if starts(UInt8(ascii: "*"), UInt8(ascii: "/")) || endsBlock { inBlock = false }
          continue
        }
        if length == 0 || starts(UInt8(ascii: "/"), UInt8(ascii: "/")) { continue }
        if starts(UInt8(ascii: "/"), UInt8(ascii: "*")) {
          inBlock = !endsBlock || length < 4
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[textStart..<lineEnd]))
        output.append(UInt8(ascii: "\n"))
      }
      return output
    }
  }

  /// The bytes, after checking that they cannot end the CDATA section
  /// they are written in.
  private static func cdataSafe(_ bytes: [UInt8], name: String) -> [UInt8] {
    let found = bytes.withUnsafeBufferPointer { bytes in
      bytes.count >= 3
        && (0..<(bytes.count - 2)).contains {
          bytes[$0] == UInt8(ascii: "]") && bytes[$0 + 1] == UInt8(ascii: "]")
            && bytes[$0 + 2] == UInt8(ascii: ">")
        }
    }
    precondition(!found, "\(name) must not contain \"]]>\": it is embedded in a CDATA section")
    return bytes
  }
}
