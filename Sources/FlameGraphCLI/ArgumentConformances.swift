import ArgumentParser
import FlameGraph

extension Palette: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension LabelStyle: ExpressibleByArgument {}
