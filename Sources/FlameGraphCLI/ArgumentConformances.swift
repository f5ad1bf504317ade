import ArgumentParser
import FlameGraph

extension Palette: ExpressibleByArgument {}
extension InputFormat: ExpressibleByArgument {}
extension ChildSorting: ExpressibleByArgument {}
extension LabelStyle: ExpressibleByArgument {}
extension CanvasFit: ExpressibleByArgument {}
extension ViewerTheme: ExpressibleByArgument {}
