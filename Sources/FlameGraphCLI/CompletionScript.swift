import ArgumentParser

/// The shell completion scripts of the tool: the graph command's options
/// and files, `report` as a first word, then the report's own options and
/// files; without the `help` subcommand the argument parser adds to every
/// script (`flamegraph help` would read a file named `help`).
///
/// The scripts are generated for ``FlameGraphTool``, whose root takes both
/// files and a subcommand, which the generated scripts do not expect: the
/// files swallow the subcommand. So each script is edited to go to the
/// report's completions when the first word is `report`, to offer `report`
/// only as the first word, and to drop `help` and the report's `--version`.
enum CompletionScript {
  /// The script for a shell (`bash`, `zsh`, `fish`); nil for another name.
  static func script(forShellNamed name: String) -> String? {
    guard let shell = CompletionShell(rawValue: name) else { return nil }
    let script = FlameGraphTool.completionScript(for: shell)
    switch shell {
    case .bash: return adapted(bash: script)
    case .zsh: return adapted(zsh: script)
    case .fish: return adapted(fish: script)
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

  // Each edit looks for text the generator writes; when a marker is missing
  // (another version of the argument parser), that edit is not made rather
  // than the script broken.

  static func adapted(bash script: String) -> String {
    var script = script
    // The generator's dispatch to subcommands comes after the files, which
    // take every word: it is never reached.
    if let start = script.firstRange(
      of: "\n    # Offer subcommand / subcommand argument completions\n"),
      let end = script[start.upperBound...].firstRange(of: "\n    esac\n}\n")
    {
      script.replaceSubrange(start.lowerBound..<end.upperBound, with: "\n}\n")
    }
    if script.contains("\n_flamegraph_report() {\n") {
      // Before the root reads the words as its own, with its variables
      // declared (the report's function sets them).
      insert(
        """
            # `report` as the first word: the report's options and files.
            if [[ "${COMP_CWORD}" -eq 1 ]]; then
                COMPREPLY+=($(compgen -W 'report' -- "${cur}"))
            elif [[ "${unparsed_words[0]}" = report ]]; then
                unparsed_words=("${unparsed_words[@]:1}")
                _flamegraph_report
                return
            fi

        """, before: "    __flamegraph_offer_flags_options -1\n", in: &script)
    }
    remove(" --version", inFunction: "_flamegraph_report() {", of: &script)
    return removingFunction("_flamegraph_help() {", from: script)
  }

  static func adapted(zsh script: String) -> String {
    var script = script
    for line in ["        '(-): :->command'\n", "        '(-)*:: :->arg'\n"] {
      if let range = script.firstRange(of: line) { script.removeSubrange(range) }
    }
    let arguments = "    _arguments -w -s -S : \"${arg_specs[@]}\" && ret=0\n"
    if let start = script.firstRange(of: arguments + "    case \"${state}\" in\n    command)\n"),
      let end = script[start.upperBound...].firstRange(of: "    esac\n"),
      let last = script[end.upperBound...].firstRange(of: "    esac\n")
    {
      let report = script[start.upperBound..<end.lowerBound]
        .split(separator: "\n").first { $0.hasPrefix("            'report:") }
      if let report, script.contains("\n_flamegraph_report() {\n") {
        script.replaceSubrange(
          start.lowerBound..<last.upperBound,
          with: """
                # `report` as the first word: the report's options and files.
                if [[ "${words[2]}" = report && "${CURRENT}" -gt 2 ]]; then
                    shift words
                    (( CURRENT-- ))
                    _flamegraph_report
                    return
                fi
            \(arguments)\
                if [[ "${CURRENT}" -eq 2 ]]; then
                    local -ar subcommands=(
            \(report)
                    )
                    _describe -V subcommand subcommands && ret=0
                fi

            """)
      } else {
        script.replaceSubrange(start.lowerBound..<last.upperBound, with: arguments)
      }
    }
    remove(
      "        '--version[Show the version.]'\n", inFunction: "_flamegraph_report() {", of: &script)
    return removingFunction("_flamegraph_help() {", from: script)
  }

  static func adapted(fish script: String) -> String {
    var lines = script.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    // The root's files take every token: the report's options are read
    // instead of the root's when `report` is the first.
    if let root = lines.firstIndex(of: "    case 'flamegraph'"), root + 4 < lines.count,
      lines[root + 2] == "        switch $unparsed_tokens[1]",
      lines[root + 3] == "        case 'report'",
      let end = lines[(root + 4)...].firstIndex(of: "        end")
    {
      let rootParse = lines[root + 1]
      let reportParse = lines[root + 4]
      lines.replaceSubrange(
        (root + 1)...end,
        with: [
          "        if test \"$unparsed_tokens[2]\" = 'report'",
          "            set -a commands $unparsed_tokens[1]",
          "            set -e unparsed_tokens[1]",
          reportParse,
          "        else",
          "    \(rootParse)",
          "        end",
        ])
    }
    return
      lines
      .map { line in
        // `report` is offered as the first word only.
        line.replacing(
          "-n '__flamegraph_should_offer_completions_for_positional \"flamegraph\" -eq 2' -fa 'report'",
          with: "-n 'test (count (__flamegraph_tokens -pc)) -eq 1' -fa 'report'")
      }
      .filter {
        !$0.contains("\"flamegraph help\"") && !$0.contains("-fa 'help'")
          && !$0.contains("\"flamegraph report\" version'")
      }
      .joined(separator: "\n")
  }

  /// Inserts `text` before the first occurrence of `marker`.
  private static func insert(_ text: String, before marker: String, in script: inout String) {
    guard let range = script.firstRange(of: marker) else { return }
    script.insert(contentsOf: text, at: range.lowerBound)
  }

  /// Removes the first occurrence of `text` inside the shell function that
  /// starts with `header`.
  private static func remove(_ text: String, inFunction header: String, of script: inout String) {
    guard let start = script.firstRange(of: "\n" + header + "\n"),
      let end = script[start.upperBound...].firstRange(of: "\n}\n"),
      let range = script[start.upperBound..<end.lowerBound].firstRange(of: text)
    else { return }
    script.removeSubrange(range)
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
