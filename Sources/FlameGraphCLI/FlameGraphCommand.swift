import ArgumentParser
import FlameGraph
import FlameGraphFormats

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The `flamegraph` command: folded stacks in, a flame graph out.
///
/// Its options are named as inferno-flamegraph names them, so a script can
/// swap the command name and keep its flags.
public struct FlameGraphCommand: ParsableCommand {
  /// The command's name, help and exit statuses.
  public static let configuration = CommandConfiguration(
    commandName: "flamegraph",
    abstract: "Render a profile as a flame graph: SVG, PNG, PDF or JSON.",
    discussion: """
      Reads profiles from FILES, or from standard input when there are none or \
      a file is `-`: folded stacks (`main;parse;read 120`, one stack a line, \
      frames joined by `;`, then the count), perf script, pprof, Chrome and \
      Node CPU profiles and speedscope files, gzipped or not; the format is \
      told by the content (--input-format chooses). Several files are merged. \
      A line with two counts (before, after), or --diff BEFORE AFTER, makes a \
      differential flame graph. Malformed lines are skipped and reported on \
      stderr.

      Labels that do not fit their frame first try shorter forms of the name \
      (`func (file.py)`, then `func`; the method of a C++, Rust, Go or Java \
      name), then keep their end and lose their start; --truncate-text-right \
      keeps the start instead, --label-style full cuts the whole name.

      Exit status: 0 written; 64 bad option or argument; 65 no usable stack in \
      the input (or a malformed line with --strict); 66 an input file cannot be \
      read; 73 the output cannot be written. On failure no output file is \
      created or changed.

      flamegraph.pl's way of writing options works too: a long name after one \
      dash (`-width 900`), and any unambiguous start of a name (`--inv`).

      `flamegraph report PROFILE... -o report.pdf` writes a performance report \
      instead: a multi-page PDF, or its pages as PNG with `-o NAME.png`; \
      `flamegraph report --help` lists its options.
      """,
    version: FlameGraphCommand.version)

  /// The version `--version` prints.
  public static let version = "0.1.0"

  /// The input files.
  @Argument(
    help:
      "Profile files in any supported format (folded stacks first); none or `-` reads standard input.",
    completion: .file())
  public var files: [String] = []

  @Option(
    name: .shortAndLong,
    help: ArgumentHelp(
      "Write to this file (format from its extension) instead of standard output.",
      discussion:
        "`-` is standard output. A regular file is replaced atomically, keeping its mode; a symbolic link keeps pointing at it; a terminal, FIFO or /dev/fd/N is written directly."
    ),
    completion: .file())
  var output: String?

  @Option(
    help: ArgumentHelp(
      "Output format when writing to standard output, or to override the extension: \(Self.formats.backends.map(\.name).joined(separator: ", ")).",
      valueName: "format"),
    completion: .list(Self.formats.backends.map(\.name)))
  var format: String?

  @Flag(name: .shortAndLong, help: "Print no warnings, only errors.")
  var quiet = false

  @Flag(
    name: .shortAndLong,
    help: "Say what was read and written; -vv adds the time each step took.")
  var verbose: Int

  @Option(
    name: .customLong("input-format"),
    help: ArgumentHelp(
      "The format of every input (default: told from each input's content).",
      valueName: "format"))
  var inputFormat: InputFormat?

  @Option(
    name: .customLong("sample-type"),
    help:
      "pprof: the sample type to count, such as alloc_space or cpu (default: the profile's default, else its last)."
  )
  var sampleType: String?

  @Option(
    name: .customLong("profile"),
    help: "speedscope: the profile of the file to read, by name, or `all` (default: all, merged).")
  var speedscopeProfile: String?

  @Option(
    name: .customLong("weight"),
    help:
      "Chrome and Node CPU profiles: what a sample weighs, `samples` (1 each, default) or `time` (microseconds)."
  )
  var chromeWeight: String?

  @Flag(help: "perf script: include the process ID in the process name (comm-PID).")
  var pid = false

  @Flag(help: "perf script: include the thread ID in the process name (comm-PID/TID).")
  var tid = false

  @Flag(help: "perf script: mark kernel frames with _[k].")
  var kernel = false

  @Flag(help: "perf script: mark JIT-compiled frames with _[j].")
  var jit = false

  @Flag(name: .customLong("all"), help: "perf script: --kernel and --jit.")
  var annotateAll = false

  @Flag(help: "perf script: name frames without a symbol by their address.")
  var addrs = false

  @Option(
    name: .customLong("event-filter"),
    help: "perf script: count only samples of this event (default: the first event seen).")
  var eventFilter: String?

  @Flag(
    name: .customLong("use-period"),
    help: "perf script: weigh each sample by its period instead of 1.")
  var usePeriod = false

  @Flag(
    help: ArgumentHelp(
      "Compare two profiles: FILES are BEFORE and AFTER; widths are AFTER's, red grew, blue shrank."
    ))
  var diff = false

  @Flag(help: "With --diff, scale BEFORE's counts so that its total equals AFTER's.")
  var normalize = false

  @Option(help: "Pixels per point of PNG output (2 for HiDPI documents).")
  var scale: Double = 1

  @Option(help: "Title text (default: Flame Graph, Icicle Graph or Flame Chart).")
  var title: String?

  @Option(help: "Second title line.")
  var subtitle: String?

  @Option(help: "Notes embedded in the output, not drawn.")
  var notes: String?

  @Option(help: "Image width in pixels (default 1200; an interactive SVG then fills the window).")
  var width: Double?

  @Option(help: "Height of each frame in pixels.")
  var height: Double = 16

  @Option(help: "Font size in points.")
  var fontsize: Double = 12

  @Option(help: "Font family list.")
  var fonttype: String = Options.defaultFontFamily

  @Option(help: "Width of one character as a fraction of the font size, for fitting labels.")
  var fontwidth: Double = 0.6

  @Option(help: "Background: yellow, blue, green, grey, or a color such as #f8f8f8.")
  var bgcolors: String?

  @Option(
    name: [.customShort("c"), .long],
    help: ArgumentHelp(
      "Palette: \(Palette.allCases.map(\.rawValue).joined(separator: ", ")) (default: hot).",
      valueName: "palette"))
  var colors: Palette?

  @Option(
    help: ArgumentHelp(
      "Unit of counts, shown in tooltips (default: the profile's own unit, such as nanoseconds for a pprof CPU profile; samples for folded stacks).",
      valueName: "unit"))
  var countname: String?

  @Option(help: "Word before a frame's name in the details line.")
  var nametype: String = "Function:"

  @Option(
    help: ArgumentHelp(
      "Omit frames narrower than this percentage of the total (0.5 or 0.5%, as inferno), or this many pixels with `px` (0.5px, as flamegraph.pl's bare number; default 0.1px).",
      valueName: "width"))
  var minwidth: String?

  @Flag(name: [.customShort("i"), .long], help: "Icicle graph: roots at the top.")
  var inverted = false

  @Flag(help: "Reverse stacks: leaf functions at the base.")
  var reverse = false

  @Flag(help: "Flame chart: keep stacks in input order (x is time), merge only consecutive ones.")
  var flamechart = false

  @Flag(help: "Color by width: the wider a frame, the more saturated and red.")
  var colordiffusion = false

  @Flag(help: "Colors from a hash of the name, similar names similar colors.")
  var hash = false

  @Flag(
    help: "Colors from a hash of the whole name: the same function keeps its color across runs.")
  var deterministic = false

  @Flag(
    help:
      "Colors at random, different on each run (flamegraph.pl's --random); the one option whose output changes from run to run."
  )
  var random = false

  @Flag(
    help: "Consistent palette: reuse and update the colors in palette.map (see --palette-file).")
  var cp = false

  @Flag(help: "Swap the red and blue of differential colors.")
  var negate = false

  @Flag(
    name: .customLong("truncate-text-right"),
    help: "Cut labels that do not fit at their end, not their start.")
  var truncateTextRight = false

  @Option(
    name: .customLong("label-style"),
    help: "smart (default): shorter forms of a name before any cut; full: cut the whole name.")
  var labelStyle: LabelStyle = .smart

  @Option(
    help: "full (default): every row with a frame; auto: rows end at the deepest labelled frame.")
  var fit: CanvasFit = .full

  @Option(help: "Re-root stacks at this function, dropping stacks without it (repeatable).")
  var base: [String] = []

  @Option(name: .customLong("skip-after"), help: "Cut stacks after this function (repeatable).")
  var skipAfter: [String] = []

  @Option(
    help: ArgumentHelp(
      "Remove frames matching this regular expression; their children move up (repeatable: any match).",
      valueName: "regex"))
  var hide: [String] = []

  @Option(
    help: ArgumentHelp(
      "Keep only stacks with a frame matching this regular expression (repeatable: any match).",
      valueName: "regex"))
  var focus: [String] = []

  @Option(
    name: .customLong("focus-root"),
    help: ArgumentHelp(
      "Keep only stacks with a frame matching this regular expression, starting them at the first such frame (repeatable: any match).",
      valueName: "regex"))
  var focusRoot: [String] = []

  @Option(
    help: ArgumentHelp(
      "Drop stacks with a frame matching this regular expression (repeatable: any match).",
      valueName: "regex"))
  var ignore: [String] = []

  @Flag(
    name: .customLong("collapse-recursion"),
    help: "Merge direct recursion: f;f;f becomes f.")
  var collapseRecursion = false

  @Flag(
    name: .customLong("collapse-recursion-all"),
    help:
      "Merge all recursion: drop every frame whose name is already on the stack nearer the root (f;g;f;h becomes f;g;h)."
  )
  var collapseRecursionAll = false

  @Option(
    help: ArgumentHelp(
      "Order children by `name` (default) or `size` (widest first); ignored with --flamechart.",
      valueName: "order"))
  var sort: ChildSorting?

  @Option(
    name: .customLong("max-depth"),
    help:
      "Fold frames deeper than N into their ancestor at depth N, whose name gets ` …`.")
  var maxDepth: Int?

  @Option(
    help:
      "Filters for a kind of profile: `python` hides the import machinery and runpy, and colors by the python categories."
  )
  var preset: FilterPreset?

  @Option(
    help:
      "Scale widths to this total instead of the root's, so graphs compare by width (as flamegraph.pl's --total)."
  )
  var total: Double?

  @Option(help: "Multiply every count by this factor.")
  var factor: Double = 1

  @Option(name: .customLong("search-color"), help: "Highlight color of search matches.")
  var searchColor: String?

  @Option(
    name: .customLong("stroke-color"),
    help: "Outline every frame with this color; `none` (the default) draws no outline.")
  var strokeColor: String?

  @Option(
    name: [.customShort("p"), .customLong("palette-file")],
    help: "The file --cp reads and updates.", completion: .file())
  var paletteFile: String = "palette.map"

  @Option(
    help: ArgumentHelp(
      "Attributes of the SVG frames of some functions: lines of `FUNCTION<tab>NAME=VALUE<tab>...` (title, href, target, id, class, g_extra, a_extra), as inferno and flamegraph.pl read them.",
      valueName: "file"),
    completion: .file())
  var nameattr: String?

  @Option(
    help: ArgumentHelp(
      "Accepted for flamegraph.pl: the encoding its SVG declares. The SVG is always UTF-8, so another encoding is ignored with a warning.",
      valueName: "name"))
  var encoding: String?

  // The interactive viewer's look.
  @Option(help: "Interactive SVG theme: light, dark, or auto (the reader's preference).")
  var theme: ViewerTheme = .auto
  @Option(help: "Color of the interactive SVG's text outside frames, in the light theme.")
  var uicolor: String?

  @Flag(
    name: .customLong("no-javascript"),
    help: "Write a static SVG, without the script that zooms, searches and shows details.")
  var noJavascript = false

  @Flag(
    name: .customLong("pretty-xml"),
    help: "Accepted for compatibility: the SVG already has one frame a line.")
  var prettyXML = false

  @Option(
    name: .customLong("source-path"),
    help:
      "Read source lines of frames from files in this folder, then the current one, and nowhere else (repeatable).",
    completion: .directory)
  var sourcePath: [String] = []

  @Flag(name: .customLong("no-source"), help: "Do not show source lines in frames.")
  var noSource = false

  @Option(
    help:
      "Color by category with a legend: a preset (\(CategoryRules.presetNames.joined(separator: ", "))) or a rules file of `PATTERN -> CATEGORY [#color]` lines.",
    completion: .file())
  var categories: String?

  @Flag(help: "Make any malformed input line an error.")
  var strict = false

  @Flag(
    name: .customLong("no-sort"), help: "Accepted for compatibility: input never needs sorting.")
  var noSort = false

  /// Creates a command with default values; used by the argument parser.
  public init() {}

  /// The library options these flags stand for.
  ///
  /// - Throws: `ValidationError` naming the first wrong value, with its
  ///   valid range (``Options/validate()``).
  public func makeOptions() throws -> Options {
    var options = Options()
    options.merging = flamechart ? .consecutive : .byName
    options.transform.reverse = reverse
    options.transform.baseFunctions = base
    options.transform.skipAfterFunctions = skipAfter
    options.transform.filters = try makeFilters()
    options.childSorting = sort ?? .name
    options.fixedTotal = total
    options.factor = factor
    options.strict = strict
    options.importing.sampleType = sampleType
    options.importing.perfScript.includePID = pid
    options.importing.perfScript.includeTID = tid
    options.importing.perfScript.annotateKernel = kernel || annotateAll
    options.importing.perfScript.annotateJIT = jit || annotateAll
    options.importing.perfScript.includeAddresses = addrs
    options.importing.perfScript.eventFilter = eventFilter
    options.importing.perfScript.usePeriod = usePeriod
    if let speedscopeProfile, speedscopeProfile != "all" {
      options.importing.speedscopeProfile = .named(speedscopeProfile)
    }
    switch chromeWeight {
    case nil, "samples": options.importing.chromeWeight = .samples
    case "time": options.importing.chromeWeight = .time
    default: throw ValidationError("--weight must be samples or time.")
    }
    options.showSourceCode = !noSource
    if let categories {
      options.categories = try CategoryRulesFile.load(categories)
    } else if preset == .python {
      options.categories = .python
    }
    options.interactive = !noJavascript
    guard scale.isFinite, scale > 0, scale <= 8 else {
      throw ValidationError("--scale must be a number above 0 and at most 8.")
    }
    options.imageWidth = width ?? 1200
    options.frameHeight = height
    if let minwidth {
      guard let minimumWidth = MinimumWidth(parsing: minwidth) else {
        throw ValidationError(
          "--minwidth must be a percentage (0.5 or 0.5%) or a number of pixels (0.5px).")
      }
      options.minimumWidth = minimumWidth
    }
    options.direction = inverted ? .icicle : .flame
    options.fontFamily = fonttype
    options.fontSize = fontsize
    options.fontWidth = fontwidth
    options.title = title
    options.subtitle = subtitle
    options.notes = notes ?? ""
    options.countName = countname
    options.nameType = nametype
    options.labelTruncation = truncateTextRight ? .keepStart : .keepEnd
    options.labelStyle = labelStyle
    options.canvasFit = fit
    options.palette = colors ?? .hot
    options.colorKeying = colorKeying
    options.colorDiffusion = colordiffusion
    options.negateDifferential = negate
    if let bgcolors {
      guard let background = Background(parsing: bgcolors) else {
        throw ValidationError(
          "--bgcolors must be yellow, blue, green, grey, or a color such as #f8f8f8.")
      }
      options.background = background
    }
    if let strokeColor, strokeColor.lowercased() != "none" {
      guard let color = RGBColor(parsing: strokeColor) else {
        throw ValidationError("--stroke-color must be a color such as #808080, or none.")
      }
      options.frameStroke = color
    }
    if let nameattr {
      options.frameAttributes = try FrameAttributesFile.load(nameattr)
    }
    options.viewerTheme = theme
    options.fluidWidth = width == nil
    if let uicolor {
      guard let color = RGBColor(parsing: uicolor) else {
        throw ValidationError("--uicolor must be a color such as #000000.")
      }
      options.viewerTextColor = color
    }
    if let searchColor {
      guard let color = RGBColor(parsing: searchColor) else {
        throw ValidationError("--search-color must be a color such as #e600e6.")
      }
      options.searchColor = color
    }
    do {
      try options.validate()
    } catch let error as OptionError {
      throw ValidationError(error.commandLineMessage)
    }
    return options
  }

  /// The filters of `--hide`, `--focus`, `--focus-root`, `--ignore`,
  /// `--collapse-recursion[-all]`, `--max-depth` and `--preset`.
  func makeFilters() throws -> StackFilters {
    var filters = preset == .python ? StackFilters.python : StackFilters()
    filters.hide += try FilterPatterns.compile(hide, flag: "--hide")
    filters.focus = try FilterPatterns.compile(focus, flag: "--focus")
    filters.focusRoot = try FilterPatterns.compile(focusRoot, flag: "--focus-root")
    filters.ignore = try FilterPatterns.compile(ignore, flag: "--ignore")
    filters.collapseRecursion =
      collapseRecursionAll ? .all : (collapseRecursion ? .direct : .none)
    filters.maximumDepth = maxDepth
    return filters
  }

  /// The formats the command writes.
  public static let formats = OutputFormatRegistry.standard

  /// The format to write: `--format`, else the output file's extension, else SVG.
  public func outputFormat() throws -> OutputBackend {
    let svg = Self.formats.backends[0]
    if let format {
      guard let backend = Self.formats.backend(named: format) else {
        throw ValidationError(
          "--format must be one of \(Self.formats.backends.map(\.name).joined(separator: ", ")).")
      }
      return backend
    }
    guard let output else { return svg }
    guard let backend = Self.formats.backend(forPath: output) else {
      // Standard output, a terminal or a FIFO has no extension to go by
      // (nor has a folder, which is reported when it is opened).
      guard case .file? = try? OutputTarget(path: output) else { return svg }
      throw ValidationError(
        "\(OutputFormatRegistry.UnknownExtension(path: output, supported: Self.formats.fileExtensionList)); use --format."
      )
    }
    return backend
  }

  /// The input sources: the files, or standard input.
  public var sources: [InputSource] {
    files.isEmpty ? [.standardInput] : files.map(InputSource.init(argument:))
  }

  /// Checks the flags before anything is read.
  public func validate() throws {
    if diff && files.count != 2 {
      throw ValidationError("--diff compares two profiles: give BEFORE and AFTER.")
    }
    if normalize && !diff { throw ValidationError("--normalize goes with --diff.") }
    _ = try makeOptions()
    _ = try outputFormat()
  }

  /// Reads the input and, for the formats that draw, lays it out: what this
  /// command would write, ready to be written.
  ///
  /// - Throws: ``InputError`` for unusable input, `ValidationError` for bad flags.
  public func prepareOutput(paletteMap: PaletteMap? = nil) throws -> PreparedOutput {
    var options = try makeOptions()
    options.paletteMap = paletteMap
    let format = try outputFormat()
    // Only interactive formats get the viewer's catalog; the others skip what it costs.
    options = format.adjusted(options)
    let profile = try readProfile(options: options)
    let laidOut = format.sceneAndViewer(for: profile, options: options, sourceLines: sourceFiles())
    return PreparedOutput(
      format: format, profile: profile, options: options, scene: laidOut?.scene,
      settings: OutputSettings(scale: scale, viewer: laidOut?.viewer))
  }

  /// The profile of the inputs: merged, or with `--diff` the difference of
  /// the second against the first.
  func readProfile(options: Options) throws -> Profile {
    guard diff else { return try Profile(reading: sources, format: inputFormat, options: options) }
    // A node thin in one profile may be wide in the difference.
    var options = options
    options.treeRetention = .all
    let before = try Profile(reading: [sources[0]], format: inputFormat, options: options)
    let after = try Profile(reading: [sources[1]], format: inputFormat, options: options)
    return Profile.difference(before: before, after: after, normalize: normalize)
  }

  /// Where source lines come from: files under each `--source-path`, then
  /// the current directory, and nowhere else; nil with `--no-source`.
  func sourceFiles() -> RootedSourceFiles? {
    noSource ? nil : RootedSourceFiles(roots: sourcePath + ["."])
  }

  /// Reads, lays out and writes.
  public func run() throws {
    // Both files are opened before the input is read, so a path that cannot
    // be written fails at once; neither is touched before the end.
    refuseBinaryToTerminal()
    let destination = openOutput()
    let palette = cp ? openPalette() : nil
    let prepared: PreparedOutput
    let clock = ContinuousClock()
    let start = clock.now
    do {
      prepared = try prepareOutput(paletteMap: palette?.map)
    } catch let error as InputError {
      if case .unreadable = error { fail(error.description, status: ExitStatus.unreadableInput) }
      fail(error.description, status: ExitStatus.badInput)
    }
    if let summary = prepared.profile.diagnostics.summary { warn(summary) }
    for note in combinationWarnings { warn(note) }
    for note in prepared.options.frameAttributes?.warnings ?? [] { warn("--nameattr: \(note)") }
    if let total, total < prepared.profile.totalSamples {
      warn(
        "--total \(Self.countText(total)) is below the profile's total of "
          + "\(Self.countText(prepared.profile.totalSamples)); scaling to the profile's total")
    }
    // Missing source files are worth a warning when sources were asked for,
    // or when some were found and others not; otherwise they are expected.
    if let scene = prepared.scene, let summary = scene.sourceDiagnostics.summary,
      !sourcePath.isEmpty || scene.frames.contains(where: { $0.sourceLine != nil })
    {
      warn(summary)
    }
    for note in prepared.format.warnings(prepared.options) { warn(note) }
    let prepareTime = clock.now - start
    inform(
      "read \(sources.map { $0.description == "-" ? "standard input" : $0.description }.joined(separator: ", ")): "
        + "\(Self.countText(prepared.profile.totalSamples)) \(prepared.options.countName(for: prepared.profile)), "
        + "\(prepared.profile.tree.nodeCount) nodes in the call tree"
        + (prepared.profile.tree.omittedNodeCount > 0
          ? " (and \(prepared.profile.tree.omittedNodeCount) too thin to draw, left out)" : "")
        + (prepared.scene.map { ", \($0.frames.count) frames drawn" } ?? ""))
    inform("read and laid out in \(Self.durationText(prepareTime))", level: 2)
    // Everything is written beside its target before either target is
    // touched: a failure here leaves both as they were.
    let writeStart = clock.now
    do {
      try destination.write { writer in try prepared.write(to: writer) }
      if let palette, let map = prepared.scene?.paletteMap { try palette.stage(map) }
    } catch {
      // OutputError, or a backend's own (CairoError): nothing reached the target.
      fail("\(error); nothing was written", status: ExitStatus.unwritableOutput)
    }
    // The palette goes first: names recorded for a graph that then failed
    // to appear are harmless, colors drawn but not recorded would be lost.
    do {
      try palette?.commit()
      try destination.commit()
    } catch {
      fail("\(error)", status: ExitStatus.unwritableOutput)
    }
    inform(
      "wrote \(prepared.format.name) to \(output.map { $0 == "-" ? "standard output" : $0 } ?? "standard output")"
    )
    inform("written in \(Self.durationText(clock.now - writeStart))", level: 2)
    // The process ends right after: freeing a scene of tens of thousands of
    // frames one string at a time would only delay the exit.
    if Self.isProgram { Self.finishedOutput = prepared }
  }

  /// Set by ``main(_:)``: the command runs as the program, whose memory the
  /// system takes back at exit.
  nonisolated(unsafe) static var isProgram = false
  /// The last output written by the program, kept alive until exit.
  nonisolated(unsafe) private static var finishedOutput: PreparedOutput?

  /// Exits with status 64 when PNG or PDF bytes would go to a terminal,
  /// where they would only garble the screen.
  private func refuseBinaryToTerminal() {
    let standardOutput = [nil, "-", "/dev/stdout", "/dev/fd/1"].contains(output)
    guard standardOutput, let format = try? outputFormat(), format.isBinary,
      isatty(STDOUT_FILENO) == 1
    else { return }
    fail(
      "\(format.name.uppercased()) output is binary and standard output is a terminal; "
        + "write it to a file with -o FILE, or redirect it (> graph.\(format.fileExtension))",
      status: ExitStatus.usage)
  }

  /// A duration as `0.123 s`.
  static func durationText(_ duration: Duration) -> String {
    let (seconds, attoseconds) = duration.components
    let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
    let fraction = String(milliseconds % 1000)
    return
      "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction) s"
  }

  /// The output (`-o`, or standard output), ready to be written; exits
  /// with status 73 when it cannot be.
  private func openOutput() -> OutputFile {
    do {
      return try OutputFile(path: output ?? "-")
    } catch {
      fail("\(error); nothing was written", status: ExitStatus.unwritableOutput)
    }
  }

  /// The `--cp` palette file, locked and read; exits with status 73 when it
  /// cannot be written, 66 when it cannot be read.
  private func openPalette() -> PaletteMapFile {
    do {
      return try PaletteMapFile(locking: paletteFile)
    } catch let error as InputError {
      fail("--cp: \(error)", status: ExitStatus.unreadableInput)
    } catch {
      fail(
        "--cp: \(error); choose another palette file with --palette-file; nothing was written",
        status: ExitStatus.unwritableOutput)
    }
  }

  /// A count as people write it: `300`, `2.5`.
  static func countText(_ value: Double) -> String {
    if value == value.rounded() && abs(value) < 1e15 { return String(Int64(value)) }
    guard value.isFinite, value != 0 else { return String(value) }
    // Twelve significant digits: a sum of fractional counts carries its
    // rounding (0.5050000000000001 samples), which tells the reader nothing.
    let scale = pow(10, 11 - (log10(abs(value))).rounded(.down))
    guard scale.isFinite, scale > 0 else { return String(value) }
    return String((value * scale).rounded() / scale)
  }

  /// Prints `flamegraph: warning: ...`, unless `--quiet`.
  private func warn(_ message: String) {
    if !quiet { StandardError.writeLine("flamegraph: warning: \(message)") }
  }

  /// Prints `flamegraph: ...` with `--verbose` given at least `level` times.
  func inform(_ message: @autoclosure () -> String, level: Int = 1) {
    if verbose >= level && !quiet { StandardError.writeLine("flamegraph: \(message())") }
  }

  private func fail(_ message: String, status: ExitCode) -> Never {
    StandardError.writeLine("flamegraph: error: \(message)")
    Self.exit(withError: status)
  }
}
