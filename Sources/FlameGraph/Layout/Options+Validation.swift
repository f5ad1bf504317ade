extension Options {
  /// Valid ``imageWidth``s: 20 to 100,000 points. PDF pages wider than
  /// 14,400 points are scaled down to fit; PNGs have a pixel budget too.
  public static let imageWidthRange: ClosedRange<Double> = 20...100_000
  /// Valid ``frameHeight``s: 1 to 10,000 points.
  public static let frameHeightRange: ClosedRange<Double> = 1...10_000
  /// Valid ``fontSize``s: 1 to 1,000 points.
  public static let fontSizeRange: ClosedRange<Double> = 1...1_000
  /// Valid ``fontWidth``s: 0.1 to 10 times the font size.
  public static let fontWidthRange: ClosedRange<Double> = 0.1...10
  /// Valid ``MinimumWidth/percent(_:)`` values: 0 to 100.
  public static let minimumWidthPercentRange: ClosedRange<Double> = 0...100
  /// Valid ``factor``s: any finite number above 0. Whether counts times
  /// the factor stay finite is checked when the input is read
  /// (``InputError/totalTooLarge(factor:)``).
  public static let factorRange: ClosedRange<Double> =
    Double.leastNonzeroMagnitude...Double.greatestFiniteMagnitude

  /// The valid ``MinimumWidth/points(_:)`` values: 0 to ``imageWidth``.
  public var minimumWidthPointsRange: ClosedRange<Double> { 0...max(0, imageWidth) }

  /// Checks every number against its documented range, so that no option
  /// makes layout or a backend run without bound. Call it on options that
  /// come from users; the command-line tool does.
  ///
  /// ```swift
  /// var options = Options()
  /// options.fontSize = 0
  /// try options.validate()  // throws OptionError(option: .fontSize, ...)
  /// ```
  ///
  /// - Throws: ``OptionError`` for the first value out of range (NaN is
  ///   in no range).
  public func validate() throws {
    try Self.check(.imageWidth, imageWidth, Self.imageWidthRange)
    try Self.check(.frameHeight, frameHeight, Self.frameHeightRange)
    switch minimumWidth {
    case .points(let points): try Self.check(.minimumWidth, points, minimumWidthPointsRange)
    case .percent(let percent):
      try Self.check(.minimumWidthPercent, percent, Self.minimumWidthPercentRange)
    }
    try Self.check(.fontSize, fontSize, Self.fontSizeRange)
    try Self.check(.fontWidth, fontWidth, Self.fontWidthRange)
    try Self.check(.factor, factor, Self.factorRange)
    if let fixedTotal { try Self.check(.fixedTotal, fixedTotal, Self.factorRange) }
    if let depth = transform.filters.maximumDepth {
      try Self.check(.maximumDepth, Double(depth), Self.maximumDepthRange)
    }
  }

  /// Valid ``StackFilters/maximumDepth``s: 1 to 1,000,000 frames.
  public static let maximumDepthRange: ClosedRange<Double> = 1...1_000_000

  private static func check(
    _ option: OptionError.Option, _ value: Double, _ allowed: ClosedRange<Double>
  ) throws {
    guard allowed.contains(value) else {
      throw OptionError(option: option, value: value, allowed: allowed)
    }
  }
}
