#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An opaque sRGB color with 8-bit channels.
public struct RGBColor: Sendable, Hashable, CustomStringConvertible {
  /// Red, 0...255.
  public var red: UInt8
  /// Green, 0...255.
  public var green: UInt8
  /// Blue, 0...255.
  public var blue: UInt8

  /// A color from its channels.
  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// A color from real-valued channels, clamped to 0...255 and rounded.
  public init(clampingRed red: Double, green: Double, blue: Double) {
    func channel(_ value: Double) -> UInt8 { UInt8(max(0, min(255, value.rounded()))) }
    self.init(red: channel(red), green: channel(green), blue: channel(blue))
  }

  /// Parses `#rgb`, `#rrggbb` or `rgb(r,g,b)`.
  ///
  /// ```swift
  /// RGBColor(parsing: "#ff8000")      // orange
  /// RGBColor(parsing: "rgb(0,128,0)") // green
  /// ```
  public init?(parsing text: String) {
    let trimmed = text.trimmingWhitespace()
    if trimmed.hasPrefix("#") {
      let digits = Array(trimmed.dropFirst())
      let expanded: [Character]
      switch digits.count {
      case 3: expanded = digits.flatMap { [$0, $0] }
      case 6: expanded = digits
      default: return nil
      }
      // UInt32(_:radix:) would also take a sign.
      guard expanded.allSatisfy(\.isHexDigit), let value = UInt32(String(expanded), radix: 16)
      else { return nil }
      self.init(
        red: UInt8(value >> 16 & 0xff), green: UInt8(value >> 8 & 0xff), blue: UInt8(value & 0xff))
    } else if trimmed.hasPrefix("rgb(") && trimmed.hasSuffix(")") {
      let inner = trimmed.dropFirst(4).dropLast()
      let parts = inner.split(separator: ",").map { UInt8(String($0).trimmingWhitespace()) }
      guard parts.count == 3, let red = parts[0], let green = parts[1], let blue = parts[2] else {
        return nil
      }
      self.init(red: red, green: green, blue: blue)
    } else {
      return nil
    }
  }

  /// `#rrggbb`, lowercase.
  public var hex: String {
    let digits = Array("0123456789abcdef")
    var text = "#"
    for channel in [red, green, blue] {
      text.append(digits[Int(channel >> 4)])
      text.append(digits[Int(channel & 0xf)])
    }
    return text
  }

  /// `rgb(r,g,b)`, the form palette.map files use.
  public var description: String { "rgb(\(red),\(green),\(blue))" }

  /// Relative luminance (WCAG), 0 for black to 1 for white.
  public var luminance: Double {
    func linear(_ channel: UInt8) -> Double {
      let value = Double(channel) / 255
      return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055).power(2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// Black.
  public static let black = RGBColor(red: 0, green: 0, blue: 0)
  /// White.
  public static let white = RGBColor(red: 255, green: 255, blue: 255)
}

extension Double {
  /// `pow` without importing a C library into every file.
  func power(_ exponent: Double) -> Double {
    exp(log(self) * exponent)
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines.
  func trimmingWhitespace() -> String {
    guard let first = firstIndex(where: { !$0.isWhitespace }) else { return "" }
    let last = lastIndex(where: { !$0.isWhitespace })!
    return String(self[first...last])
  }
}
