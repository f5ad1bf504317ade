import ArgumentParser

extension ReportCommand {
  /// Runs the command as ``CommandLineRunner`` runs each of the tool's
  /// commands, the graph command's way: `-title X` and abbreviations such
  /// as `--hot 3` are read, help goes to standard output only when asked
  /// for alone, and every error is one `flamegraph: error: ...` line.
  ///
  /// - Parameter arguments: the arguments after `report`; nil for the
  ///   program's own after it.
  public static func main(_ arguments: [String]?) {
    CommandLineRunner<Self>(invocation: "flamegraph report", normalizer: normalizer)
      .run(arguments ?? Array(CommandLine.arguments.dropFirst(2)))
  }

  /// The normalizer for this command's options.
  static let normalizer = ArgumentNormalizer(
    options: longOptions, shortOptionsTakingValue: ["o", "c"])

  /// Every long option of the command, with whether it takes a value; a
  /// test checks this list against the command's own definition.
  static let longOptions: [ArgumentNormalizer.LongOption] =
    [
      "output", "format", "paper", "title", "subtitle", "hot-paths", "top", "input-format",
      "sample-type", "profile", "weight", "countname", "fit", "colors", "categories", "hide",
      "focus", "focus-root", "ignore", "max-depth", "preset", "source-path", "scale",
    ].map { ArgumentNormalizer.LongOption(name: $0, takesValue: true) }
    + [
      "diff", "normalize", "flame", "colordiffusion", "collapse-recursion",
      "collapse-recursion-all", "no-source", "strict", "help",
    ].map { ArgumentNormalizer.LongOption(name: $0, takesValue: false) }
}
