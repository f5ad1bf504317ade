/// An ``Options`` value outside its documented range, found by
/// ``Options/validate()``.
///
/// ```swift
/// var options = Options()
/// options.imageWidth = 1e300
/// do { try options.validate() } catch let error as OptionError {
///   error.option       // .imageWidth
///   error.description  // "imageWidth must be between 20 and 100000 points"
/// }
/// ```
public struct OptionError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The options that have limits.
  public enum Option: String, Sendable, Equatable, CaseIterable {
    /// ``Options/imageWidth``.
    case imageWidth
    /// ``Options/frameHeight``.
    case frameHeight
    /// ``Options/minimumWidth`` in points.
    case minimumWidth
    /// ``Options/minimumWidth`` as a percentage.
    case minimumWidthPercent
    /// ``Options/fontSize``.
    case fontSize
    /// ``Options/fontWidth``.
    case fontWidth
    /// ``Options/factor``.
    case factor
    /// ``Options/fixedTotal``.
    case fixedTotal
    /// ``StackFilters/maximumDepth``.
    case maximumDepth
  }

  /// The option that is out of range.
  public var option: Option
  /// The value it had.
  public var value: Double
  /// The values allowed; for ``Option/factor``, any finite number above 0.
  public var allowed: ClosedRange<Double>

  /// An error for `option`, whose `value` is not in `allowed`.
  public init(option: Option, value: Double, allowed: ClosedRange<Double>) {
    self.option = option
    self.value = value
    self.allowed = allowed
  }

  /// What the value must be, naming the option `name` and its values in
  /// `unit` (nil for a plain number): `--width must be between 20 and 100000 pixels`,
  /// or `--width must be at least 20 pixels` for a value below the range
  /// (`--height must be at least 1 pixel`).
  public func message(name: String, unit: String?) -> String {
    let unitText = unit.map { " \($0)" } ?? ""
    switch option {
    case .factor, .fixedTotal:
      return "\(name) must be a finite number above 0"
    case .minimumWidthPercent:
      return "\(name) must be between \(Self.text(allowed.lowerBound))% "
        + "and \(Self.text(allowed.upperBound))%"
    default:
      // A value below the least one (`--width -5`) is told the least.
      if value < allowed.lowerBound {
        let least = allowed.lowerBound
        let leastUnit = unit.map { " " + Self.unit($0, after: least) } ?? ""
        return "\(name) must be at least \(Self.text(least))\(leastUnit)"
      }
      return "\(name) must be between \(Self.text(allowed.lowerBound)) "
        + "and \(Self.text(allowed.upperBound))\(unitText)"
    }
  }

  /// The message with the option's name in ``Options`` and its unit there.
  public var description: String {
    let unit: String?
    switch option {
    case .imageWidth, .frameHeight, .minimumWidth, .fontSize: unit = "points"
    case .fontWidth: unit = "times the font size"
    case .minimumWidthPercent, .factor, .fixedTotal: unit = nil
    case .maximumDepth: unit = "frames"
    }
    return message(name: option.rawValue, unit: unit)
  }

  /// The unit after a count: `1 pixel`, `20 pixels`. Units are given in
  /// the plural; the plurals here lose their `s` after exactly 1.
  private static func unit(_ unit: String, after count: Double) -> String {
    guard count == 1 else { return unit }
    for plural in ["pixels", "points", "frames"] where unit.hasPrefix(plural) {
      return String(plural.dropLast()) + unit.dropFirst(plural.count)
    }
    return unit
  }

  /// A limit as people write it: `100000`, `0.1`, `1.8e+308`.
  private static func text(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String(value)
  }
}
