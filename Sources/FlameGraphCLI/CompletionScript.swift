import ArgumentParser

/// The shell completion scripts of the command, without the `help`
/// subcommand the argument parser adds to every script: the command has no
/// subcommands, and `flamegraph help` would read a file named `help`.
enum CompletionScript {
  /// The script for a shell (`bash`, `zsh`, `fish`); nil for another name.
  static func script(forShellNamed name: String) -> String? {
    guard let shell = CompletionShell(rawValue: name) else { return nil }
    let script = FlameGraphCommand.completionScript(for: shell)
    switch shell {
    case .bash: return withoutHelp(bash: script)
    case .zsh: return withoutHelp(zsh: script)
    case .fish: return withoutHelp(fish: script)
    default: return script
    }
  }

  /// The shell named by `--generate-completion-script SHELL` (or `=SHELL`)
  /// when those are the whole arguments.
  static func requestedShell(in arguments: [String]) -> String? {
    let option = "--generate-completion-script"
    if arguments.count == 2, arguments[0] == option { return arguments[1] }
    if arguments.count == 1, arguments[0].hasPrefix(option + "=") {
      return String(arguments[0].dropFirst(option.count + 1))
    }
    return nil
  }

  // Each edit removes text the generator writes only for the help
  // subcommand; when a marker is missing (another version of the argument
  // parser), the script is left as it is rather than broken.

  static func withoutHelp(bash script: String) -> String {
    var script = script
    if let start = script.firstRange(
      of: "\n    # Offer subcommand / subcommand argument completions\n"),
      let end = script[start.upperBound...].firstRange(of: "\n    esac\n}\n")
    {
      script.replaceSubrange(start.lowerBound..<end.upperBound, with: "\n}\n")
    }
    return removingFunction("_flamegraph_help() {", from: script)
  }

  static func withoutHelp(zsh script: String) -> String {
    var script = script
    for line in ["        '(-): :->command'\n", "        '(-)*:: :->arg'\n"] {
      if let range = script.firstRange(of: line) { script.removeSubrange(range) }
    }
    if let start = script.firstRange(of: "    case \"${state}\" in\n    command)\n"),
      let end = script[start.upperBound...].firstRange(of: "    esac\n"),
      let last = script[end.upperBound...].firstRange(of: "    esac\n")
    {
      script.removeSubrange(start.lowerBound..<last.upperBound)
    }
    return removingFunction("_flamegraph_help() {", from: script)
  }

  static func withoutHelp(fish script: String) -> String {
    var script = script
    if let start = script.firstRange(
      of: "        switch $unparsed_tokens[1]\n        case 'help'\n"),
      let end = script[start.upperBound...].firstRange(of: "        end\n")
    {
      script.removeSubrange(start.lowerBound..<end.upperBound)
    }
    return script.split(separator: "\n", omittingEmptySubsequences: false)
      .filter { !$0.contains("\"flamegraph help\"") && !$0.contains("-fa 'help'") }
      .joined(separator: "\n")
  }

  /// The script without the shell function that starts with `header` (up
  /// to the first line that is a lone `}`).
  private static func removingFunction(_ header: String, from script: String) -> String {
    guard let start = script.firstRange(of: "\n" + header + "\n"),
      let end = script[start.upperBound...].firstRange(of: "\n}\n")
    else { return script }
    var script = script
    script.replaceSubrange(start.lowerBound..<end.upperBound, with: "\n")
    return script
  }
}
