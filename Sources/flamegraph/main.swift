import FlameGraphCLI

// `flamegraph report ...` writes a report; anything else is the graph
// command, unchanged (a profile file named `report` is given as `./report`).
if CommandLine.arguments.count > 1 && CommandLine.arguments[1] == "report" {
  ReportCommand.main(Array(CommandLine.arguments.dropFirst(2)))
} else {
  FlameGraphCommand.main()
}
