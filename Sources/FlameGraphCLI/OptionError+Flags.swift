import FlameGraph

extension OptionError {
  /// The message with the command's flag and units:
  /// `--width must be between 20 and 100000 pixels.`
  var commandLineMessage: String {
    switch option {
    case .imageWidth: return message(name: "--width", unit: "pixels") + "."
    case .frameHeight: return message(name: "--height", unit: "pixels") + "."
    case .minimumWidth:
      return message(name: "--minwidth", unit: "pixels (the image width)") + ", or a percentage."
    case .minimumWidthPercent: return message(name: "--minwidth", unit: nil) + "."
    case .fontSize: return message(name: "--fontsize", unit: "points") + "."
    case .fontWidth: return message(name: "--fontwidth", unit: "(times the font size)") + "."
    case .factor: return message(name: "--factor", unit: nil) + "."
    case .fixedTotal: return message(name: "--total", unit: nil) + "."
    case .maximumDepth: return message(name: "--max-depth", unit: "frames") + "."
    }
  }
}
