import ArgumentParser

extension FlameGraphCommand {
  /// Runs the command with the program's arguments.
  public static func main() {
    isProgram = true
    main(nil)
  }

  /// Runs the command as ``CommandLineRunner`` runs each of the tool's
  /// commands: flamegraph.pl's `-width 900` and abbreviations such as
  /// `--inv` are read, help goes to standard output only when asked for
  /// alone, and every error is one `flamegraph: error: ...` line on stderr.
  ///
  /// - Parameter arguments: the arguments without the program's name; nil
  ///   for the program's own.
  public static func main(_ arguments: [String]?) {
    CommandLineRunner<Self>(invocation: "flamegraph", normalizer: normalizer)
      .run(arguments ?? Array(CommandLine.arguments.dropFirst()))
  }

  /// The normalizer for this command's options.
  static let normalizer = ArgumentNormalizer(
    options: longOptions, shortOptionsTakingValue: ["o", "c", "p"])

  /// Every long option of the command, with whether it takes a value; a
  /// test checks this list against the command's own definition.
  static let longOptions: [ArgumentNormalizer.LongOption] =
    [
      "output", "format", "input-format", "sample-type", "profile", "weight", "event-filter",
      "scale", "title", "subtitle", "notes", "width", "height", "fontsize", "fonttype",
      "fontwidth", "bgcolors", "colors", "countname", "nametype", "minwidth", "label-style", "fit",
      "base", "skip-after", "hide", "focus", "focus-root", "ignore", "sort", "max-depth",
      "preset", "total", "factor", "search-color", "stroke-color", "palette-file", "nameattr",
      "encoding", "source-path", "categories", "theme", "uicolor",
    ].map { ArgumentNormalizer.LongOption(name: $0, takesValue: true) }
    + [
      "quiet", "verbose", "pid", "tid", "kernel", "jit", "all", "addrs", "use-period", "diff",
      "normalize", "inverted", "reverse", "flamechart", "colordiffusion", "hash",
      "deterministic", "random", "cp", "negate", "truncate-text-right", "collapse-recursion",
      "collapse-recursion-all", "no-javascript", "pretty-xml", "no-source", "strict", "no-sort",
      "help", "version",
    ].map { ArgumentNormalizer.LongOption(name: $0, takesValue: false) }
}
