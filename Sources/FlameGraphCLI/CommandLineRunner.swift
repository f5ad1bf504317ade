import ArgumentParser

/// Runs one of the tool's commands from the arguments a user typed, the
/// same way for each: the arguments are normalized (``ArgumentNormalizer``:
/// flamegraph.pl's `-width 900`, abbreviations such as `--inv`), parsed and
/// run, and every error is one `flamegraph: error: ...` line on stderr.
///
/// ```swift
/// CommandLineRunner<ReportCommand>(invocation: "flamegraph report", normalizer: ReportCommand.normalizer)
///   .run(["-title", "Checkout", "cpu.folded", "-o", "cpu.pdf"])
/// ```
///
/// Help goes to standard output only when it is asked for alone, so that a
/// command line meant to write a graph or a report never writes help where
/// the output was expected.
struct CommandLineRunner<Command: ParsableCommand> {
  /// The command as a user types it, for hints: `flamegraph report`.
  let invocation: String
  /// The normalizer for the command's options.
  let normalizer: ArgumentNormalizer

  /// Normalizes, parses and runs; exits the process on any error, and
  /// after help, a version or a description of the tool.
  func run(_ arguments: [String]) {
    let normalized: [String]
    do {
      normalized = try normalizer.normalize(arguments)
    } catch {
      exitWithUsageError("\(error)")
    }
    describeToolIfAsked(normalized)
    if let help = normalized.first(where: isHelpRequest),
      normalized.count > 1 || (help != "--help" && help != "-h")
    {
      exitWithUsageError(
        "\(help) shows the help and takes no other argument: run `\(invocation) --help` alone")
    }
    do {
      var command = try Command.parseAsRoot(normalized)
      try command.run()
    } catch {
      let status = Command.exitCode(for: error)
      guard status != .success else {
        // Help and --version.
        print(Command.fullMessage(for: error))
        Command.exit()
      }
      StandardError.writeLine("flamegraph: error: \(Self.oneLine(Command.message(for: error)))")
      if status == ExitStatus.usage {
        StandardError.writeLine("flamegraph: see `\(invocation) --help` for the options")
      }
      Command.exit(withError: status)
    }
  }

  /// Prints what describes the whole tool, its commands together, and
  /// exits: a shell completion script, or the description the manual is
  /// generated from (`--experimental-dump-help`).
  private func describeToolIfAsked(_ arguments: [String]) {
    if let shell = CompletionScript.requestedShell(in: arguments) {
      guard let script = CompletionScript.script(forShellNamed: shell) else {
        exitWithUsageError("no completion script for \(shell): bash, zsh or fish")
      }
      print(script)
      Command.exit()
    }
    if arguments == ["--experimental-dump-help"] {
      print(FlameGraphTool._dumpHelp())
      Command.exit()
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
  private func exitWithUsageError(_ message: String) -> Never {
    StandardError.writeLine("flamegraph: error: \(message)")
    Command.exit(withError: ExitStatus.usage)
  }

  /// Whether an argument asks for help: `--help`, `-h`, or a bundle of
  /// short flags with `h` in it.
  private func isHelpRequest(_ argument: String) -> Bool {
    if argument == "--help" || argument == "-h" { return true }
    guard argument.hasPrefix("-"), !argument.hasPrefix("--"), !argument.contains("=") else {
      return false
    }
    return argument.dropFirst().contains("h") && argument.dropFirst().allSatisfy(\.isLetter)
  }
}
