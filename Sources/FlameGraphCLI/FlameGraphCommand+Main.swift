import ArgumentParser

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension FlameGraphCommand {
  /// Runs the command with the program's arguments.
  public static func main() {
    isProgram = true
    main(nil)
  }

  /// Runs the command: the arguments are normalized (``ArgumentNormalizer``:
  /// flamegraph.pl's `-width 900`, abbreviations such as `--inv`), parsed,
  /// and run; every error is one `flamegraph: error: ...` line on stderr.
  ///
  /// Help goes to standard output only when it is asked for alone, so that
  /// a command line meant to draw a graph never writes help where the graph
  /// was expected.
  ///
  /// - Parameter arguments: the arguments without the program's name; nil
  ///   for the program's own.
  public static func main(_ arguments: [String]?) {
    let given = arguments ?? Array(CommandLine.arguments.dropFirst())
    let normalized: [String]
    do {
      normalized = try normalizer.normalize(given)
    } catch {
      exitWithUsageError("\(error)")
    }
    if let shell = CompletionScript.requestedShell(in: normalized) {
      guard let script = CompletionScript.script(forShellNamed: shell) else {
        exitWithUsageError("no completion script for \(shell): bash, zsh or fish")
      }
      print(script)
      Self.exit()
    }
    if let help = normalized.first(where: isHelpRequest),
      normalized.count > 1 || (help != "--help" && help != "-h")
    {
      exitWithUsageError(
        "\(help) shows the help and takes no other argument: run `flamegraph --help` alone")
    }
    do {
      var command = try parseAsRoot(normalized)
      try command.run()
    } catch {
      let status = exitCode(for: error)
      guard status != .success else {
        // Help, --version and completion scripts.
        print(fullMessage(for: error))
        Self.exit()
      }
      StandardError.writeLine("flamegraph: error: \(oneLine(Self.message(for: error)))")
      if status == ExitStatus.usage {
        StandardError.writeLine("flamegraph: see `flamegraph --help` for the options")
      }
      Self.exit(withError: status)
    }
  }

  /// The argument parser's message as one line in the tool's style: its
  /// list of valid values joined with commas, its first word in lower case.
  static func oneLine(_ message: String) -> String {
    var parts: [String] = []
    var values: [String] = []
    for line in message.split(separator: "\n") {
      let trimmed = line.drop(while: { $0 == " " })
      if trimmed.hasPrefix("- ") {
        values.append(String(trimmed.dropFirst(2)))
      } else {
        parts.append(String(trimmed))
      }
    }
    var text = parts.joined(separator: " ")
    if !values.isEmpty { text += " " + values.joined(separator: ", ") }
    let letters = Array(text.prefix(2))
    if letters.count == 2, letters[0].isUppercase, letters[1].isLowercase {
      text = text.prefix(1).lowercased() + text.dropFirst()
    }
    return text
  }

  /// Prints a usage error and exits with status 64.
  private static func exitWithUsageError(_ message: String) -> Never {
    StandardError.writeLine("flamegraph: error: \(message)")
    Self.exit(withError: ExitStatus.usage)
  }

  /// Whether an argument asks for help: `--help`, `-h`, or a bundle of
  /// short flags with `h` in it.
  private static func isHelpRequest(_ argument: String) -> Bool {
    if argument == "--help" || argument == "-h" { return true }
    guard argument.hasPrefix("-"), !argument.hasPrefix("--"), !argument.contains("=") else {
      return false
    }
    return argument.dropFirst().contains("h") && argument.dropFirst().allSatisfy(\.isLetter)
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
