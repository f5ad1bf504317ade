import FlameGraphCLI

FlameGraphCommand.main()
