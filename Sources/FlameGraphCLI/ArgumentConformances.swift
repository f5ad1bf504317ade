import ArgumentParser
import FlameGraph

extension Palette: ExpressibleByArgument {}
