import ArgumentParser

/// The whole tool as one command tree: the graph command's options at the
/// root and `report` under it.
///
/// It only describes the tool, to the shell completion scripts and the
/// manual: the program runs ``FlameGraphCommand`` or ``ReportCommand``
/// itself (by the first word, in `main.swift`), so that a file named like
/// the argument parser's `help` subcommand is still a file to the graph
/// command.
struct FlameGraphTool: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: FlameGraphCommand.configuration.commandName,
    abstract: FlameGraphCommand.configuration.abstract,
    discussion: FlameGraphCommand.configuration.discussion,
    version: FlameGraphCommand.version,
    subcommands: [Report.self])

  /// `flamegraph report`, named by its word under the root.
  struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "report",
      abstract: ReportCommand.configuration.abstract,
      discussion: ReportCommand.configuration.discussion)

    @OptionGroup var report: ReportCommand
  }

  @OptionGroup var graph: FlameGraphCommand
}
