import ArgumentParser
import FlameGraph
import FlameGraphCairo

/// `flamegraph report`: a profile in, a multi-page PDF report out (or its
/// pages as PNG images), laid out by ``ReportLayout``.
public struct ReportCommand: ParsableCommand {
  /// The command's name, help and exit statuses.
  public static let configuration = CommandConfiguration(
    commandName: "flamegraph report",
    abstract: "Write a performance report of a profile: a multi-page PDF, or its pages as PNG.",
    discussion: """
      The report has a summary (sources, totals, the top functions by self and by \
      total share, the categories with --categories), the whole graph (an icicle \
      unless --flame), a page for each hot path (a frame whose callees hold 5% of the \
      total that the whole graph cannot show readably, zoomed to the page width, \
      up to --hot-paths of them), and with two counts per line or --diff the \
      biggest regressions and improvements. The PDF has bookmarks, links from \
      the tables to the pages, searchable text and embedded fonts; with \
      SOURCE_DATE_EPOCH set it is byte-identical from run to run.

      Exit status: 0 written; 64 bad option or argument; 65 no usable stack in \
      the input; 66 an input file cannot be read; 73 the output cannot be \
      written. On failure no output file is created or changed.
      """)

  /// The input files.
  @Argument(
    help: "Profile files in any supported format; none or `-` reads standard input.",
    completion: .file())
  public var files: [String] = []

  @Option(
    name: .shortAndLong,
    help:
      "Write to this file: NAME.pdf, or NAME.png for NAME-1.png, NAME-2.png ... (default: PDF on standard output).",
    completion: .file())
  var output: String?

  @Option(help: "pdf or png (default: from the output's extension, else pdf).")
  var format: ReportFormat?

  @Option(help: "Paper: a4 or letter.")
  var paper: Paper = .a4

  @Option(help: "Report title (default: Performance report).")
  var title: String?

  @Option(help: "A line under the title.")
  var subtitle: String?

  @Option(name: .customLong("hot-paths"), help: "The most hot-path pages (0 for none).")
  var hotPaths: Int = 5

  @Option(help: "Rows of each table of top functions.")
  var top: Int = 10

  @Option(
    name: .customLong("input-format"),
    help: ArgumentHelp(
      "The format of every input (default: told from each input's content).", valueName: "format"))
  var inputFormat: InputFormat?

  @Option(name: .customLong("sample-type"), help: "pprof: the sample type to count.")
  var sampleType: String?

  @Option(name: .customLong("profile"), help: "speedscope: the profile to read, by name, or `all`.")
  var speedscopeProfile: String?

  @Option(
    name: .customLong("weight"),
    help: "Chrome and Node CPU profiles: `samples` (default) or `time`.")
  var chromeWeight: String?

  @Flag(help: "Compare two profiles: FILES are BEFORE and AFTER.")
  var diff = false

  @Flag(help: "With --diff, scale BEFORE's counts so that its total equals AFTER's.")
  var normalize = false

  @Option(
    help: ArgumentHelp(
      "Unit of counts (default: the profile's own unit: samples, bytes, nanoseconds ...).",
      valueName: "unit"))
  var countname: String?

  @Flag(help: "Flame graphs (roots at the bottom) instead of icicles.")
  var flame = false

  @Option(
    help: "auto (default): graphs end at the deepest labelled frame; full: a row for every depth.")
  var fit: CanvasFit = .auto

  @Flag(help: "Color by width: the wider a frame, the more saturated and red.")
  var colordiffusion = false

  @Option(
    name: [.customShort("c"), .long],
    help: "Palette: \(Palette.allCases.map(\.rawValue).joined(separator: ", ")).")
  var colors: Palette = .hot

  @Option(
    help:
      "Color by category with a legend and a chart of shares: a preset (\(CategoryRules.presetNames.joined(separator: ", "))) or a rules file.",
    completion: .file())
  var categories: String?

  @Option(help: ArgumentHelp("Remove matching frames (repeatable).", valueName: "regex"))
  var hide: [String] = []

  @Option(
    help: ArgumentHelp("Keep only stacks with a matching frame (repeatable).", valueName: "regex"))
  var focus: [String] = []

  @Option(
    name: .customLong("focus-root"),
    help: ArgumentHelp(
      "Like --focus, starting stacks at the first match (repeatable).", valueName: "regex"))
  var focusRoot: [String] = []

  @Option(help: ArgumentHelp("Drop stacks with a matching frame (repeatable).", valueName: "regex"))
  var ignore: [String] = []

  @Flag(name: .customLong("collapse-recursion"), help: "Merge direct recursion.")
  var collapseRecursion = false

  @Flag(name: .customLong("collapse-recursion-all"), help: "Merge direct and indirect recursion.")
  var collapseRecursionAll = false

  @Option(name: .customLong("max-depth"), help: "Fold frames deeper than N into their ancestor.")
  var maxDepth: Int?

  @Option(help: "`python`: hide the import machinery and runpy, color by the python categories.")
  var preset: FilterPreset?

  @Option(
    name: .customLong("source-path"),
    help:
      "Read source lines of frames from files in this folder, then the current one (repeatable).",
    completion: .directory)
  var sourcePath: [String] = []

  @Flag(name: .customLong("no-source"), help: "Do not show source lines in frames.")
  var noSource = false

  @Option(help: "Pixels per point of PNG pages.")
  var scale: Double = 1

  @Flag(help: "Make any malformed input line an error.")
  var strict = false

  /// Creates a command with default values; used by the argument parser.
  public init() {}

  /// Checks the flags before anything is read.
  public func validate() throws {
    if diff && files.count != 2 {
      throw ValidationError("--diff compares two profiles: give BEFORE and AFTER.")
    }
    if normalize && !diff { throw ValidationError("--normalize goes with --diff.") }
    guard (0...50).contains(hotPaths) else { throw ValidationError("--hot-paths must be 0 to 50.") }
    guard (1...100).contains(top) else { throw ValidationError("--top must be 1 to 100.") }
    guard scale.isFinite, scale > 0, scale <= 8 else {
      throw ValidationError("--scale must be a number above 0 and at most 8.")
    }
    if format == nil, let output, output != "-", ReportFormat(pathExtensionOf: output) == nil {
      throw ValidationError("a report is written as NAME.pdf or NAME.png; use --format for others.")
    }
    if outputFormat == .png && (output == nil || output == "-") {
      throw ValidationError("PNG pages are one file each: give -o NAME.png.")
    }
    _ = try makeOptions(commandLine: [])
  }

  /// The format written.
  var outputFormat: ReportFormat {
    format ?? output.flatMap(ReportFormat.init(pathExtensionOf:)) ?? .pdf
  }

  /// The library options these flags stand for; `commandLine` is shown on
  /// the summary page.
  public func makeOptions(commandLine: [String]) throws -> ReportOptions {
    var report = ReportOptions()
    var graph = report.graph
    graph.strict = strict
    graph.importing.sampleType = sampleType
    if let speedscopeProfile, speedscopeProfile != "all" {
      graph.importing.speedscopeProfile = .named(speedscopeProfile)
    }
    switch chromeWeight {
    case nil, "samples": graph.importing.chromeWeight = .samples
    case "time": graph.importing.chromeWeight = .time
    default: throw ValidationError("--weight must be samples or time.")
    }
    var filters = preset == .python ? StackFilters.python : StackFilters()
    filters.hide += try FilterPatterns.compile(hide, flag: "--hide")
    filters.focus = try FilterPatterns.compile(focus, flag: "--focus")
    filters.focusRoot = try FilterPatterns.compile(focusRoot, flag: "--focus-root")
    filters.ignore = try FilterPatterns.compile(ignore, flag: "--ignore")
    filters.collapseRecursion = collapseRecursionAll ? .all : (collapseRecursion ? .direct : .none)
    filters.maximumDepth = maxDepth
    graph.transform.filters = filters
    if let categories {
      graph.categories = try CategoryRulesFile.load(categories)
    } else if preset == .python {
      graph.categories = .python
    }
    graph.showSourceCode = !noSource
    graph.direction = flame ? .flame : .icicle
    graph.canvasFit = fit
    graph.colorDiffusion = colordiffusion
    graph.palette = colors
    graph.countName = countname
    do {
      try graph.validate()
    } catch let error as OptionError {
      throw ValidationError(error.commandLineMessage)
    }
    report.graph = graph
    if let title { report.title = title }
    report.subtitle = subtitle
    report.paper = paper
    report.hotPathCount = hotPaths
    report.topFunctionCount = top
    report.sources = files.isEmpty ? [] : files.map { $0 == "-" ? "standard input" : $0 }
    report.commandLine = commandLine.isEmpty ? "" : ShellQuoting.commandLine(commandLine)
    report.date = ReportDate.today()
    return report
  }

  /// The arguments as the summary shows them: `flamegraph report` and the
  /// flags and inputs, without the output (the report itself).
  static func displayedCommandLine(_ arguments: [String]) -> [String] {
    var shown = ["flamegraph", "report"]
    var skipNext = false
    for argument in arguments {
      if skipNext {
        skipNext = false
        continue
      }
      if argument == "-o" || argument == "--output" {
        skipNext = true
        continue
      }
      if argument.hasPrefix("--output=")
        || (argument.hasPrefix("-o") && argument != "-o" && !argument.hasPrefix("--"))
      {
        continue
      }
      shown.append(argument)
    }
    return shown
  }

  /// Reads the input and lays the report out, as ``run()`` would write it.
  ///
  /// - Throws: ``InputError`` for unusable input, `ValidationError` for bad flags.
  public func prepareReport(commandLine: [String]) throws -> Report {
    try prepare(commandLine: commandLine).report
  }

  private func prepare(commandLine: [String]) throws -> (
    report: Report, sources: RootedSourceFiles?, profile: Profile
  ) {
    let options = try makeOptions(commandLine: commandLine)
    let sources: [InputSource] =
      files.isEmpty ? [.standardInput] : files.map(InputSource.init(argument:))
    let profile: Profile
    if diff {
      let before = try Profile(reading: [sources[0]], format: inputFormat, options: options.graph)
      let after = try Profile(reading: [sources[1]], format: inputFormat, options: options.graph)
      profile = Profile.difference(before: before, after: after, normalize: normalize)
    } else {
      profile = try Profile(reading: sources, format: inputFormat, options: options.graph)
    }
    let sourceFiles = noSource ? nil : RootedSourceFiles(roots: sourcePath + ["."])
    let textFont = CairoFont(familyList: options.fontFamily)
    let layout = ReportLayout(
      options: options, textMeasurer: CairoTextMeasurer(font: textFont),
      boldMeasurer: CairoTextMeasurer(font: textFont, weight: .bold),
      graphMeasurer: CairoTextMeasurer(font: CairoFont(familyList: options.graph.fontFamily)),
      sourceLines: sourceFiles)
    return (layout.report(for: profile), sourceFiles, profile)
  }

  /// The PNG images of the report's pages.
  public func pageImages(of report: Report) throws -> [[UInt8]] {
    try PNGPageRenderer(scale: scale).render(report.document)
  }

  /// Reads, lays out and writes.
  public func run() throws {
    let format = outputFormat
    let arguments = Self.displayedCommandLine(Array(CommandLine.arguments.dropFirst(2)))
    let prepared: (report: Report, sources: RootedSourceFiles?, profile: Profile)
    do {
      prepared = try prepare(commandLine: arguments)
    } catch let error as InputError {
      if case .unreadable = error { fail(error.description, status: ExitStatus.unreadableInput) }
      fail(error.description, status: ExitStatus.badInput)
    }
    if let summary = prepared.profile.diagnostics.summary { warn("warning: \(summary)") }
    if !sourcePath.isEmpty, let summary = prepared.sources?.diagnostics.summary {
      warn("warning: \(summary)")
    }
    let font = CairoFont(familyList: prepared.report.document.fontFamily)
    if font.isFallback {
      warn(
        "warning: none of the fonts \(font.requested) is installed; drawing with \(font.family) "
          + "(on Debian: apt-get install fonts-dejavu-core)")
    }
    // Every file is staged before any is put in place: a failure leaves
    // all of them as they were.
    var outputs: [(OutputFile, [UInt8])] = []
    do {
      switch format {
      case .pdf:
        let bytes = try PDFDocumentRenderer().render(prepared.report.document)
        outputs = [(try OutputFile(path: output ?? "-"), bytes)]
      case .png:
        let pages = try pageImages(of: prepared.report)
        let paths = ReportFormat.pagePaths(of: output ?? "report.png", count: pages.count)
        for (path, bytes) in zip(paths, pages) {
          outputs.append((try OutputFile(path: path), bytes))
        }
      }
      for (file, bytes) in outputs { try file.write { $0.write(bytes: bytes) } }
    } catch let error as OutputError {
      for (file, _) in outputs { file.discard() }
      fail("\(error); nothing was written", status: ExitStatus.unwritableOutput)
    } catch let error as CairoError {
      for (file, _) in outputs { file.discard() }
      fail("\(error); nothing was written", status: ExitStatus.unwritableOutput)
    }
    do {
      for (file, _) in outputs { try file.commit() }
    } catch {
      fail("\(error)", status: ExitStatus.unwritableOutput)
    }
  }

  /// Prints `flamegraph: warning: ...` or `flamegraph: error: ...`, the
  /// graph command's style.
  private func warn(_ message: String) {
    StandardError.writeLine("flamegraph: \(message)")
  }

  private func fail(_ message: String, status: ExitCode) -> Never {
    warn("error: \(message)")
    Self.exit(withError: status)
  }
}
