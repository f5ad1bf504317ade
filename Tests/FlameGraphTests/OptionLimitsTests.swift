import Testing

@testable import FlameGraph

/// Every number of ``Options`` has a documented range that `validate()`
/// checks, naming the option and the range.
@Suite("Option limits")
struct OptionLimitsTests {
  @Test func theDefaultsAreValid() throws {
    try Options().validate()
  }

  /// The defaults with one change.
  static func options(_ change: (inout Options) -> Void) -> Options {
    var options = Options()
    change(&options)
    return options
  }

  @Test(
    arguments: [
      (OptionError.Option.imageWidth, options { $0.imageWidth = 1e300 }),
      (.imageWidth, options { $0.imageWidth = 19 }),
      (.imageWidth, options { $0.imageWidth = .infinity }),
      (.frameHeight, options { $0.frameHeight = 1e300 }),
      (.frameHeight, options { $0.frameHeight = 0.5 }),
      (.fontSize, options { $0.fontSize = 1e-20 }),
      (.fontSize, options { $0.fontSize = 1e300 }),
      (.fontWidth, options { $0.fontWidth = 1e-20 }),
      (.fontWidth, options { $0.fontWidth = 11 }),
      (.factor, options { $0.factor = 0 }),
      (.factor, options { $0.factor = -1 }),
      (.factor, options { $0.factor = .infinity }),
      (.factor, options { $0.factor = .nan }),
      (.minimumWidthPercent, options { $0.minimumWidth = .percent(200) }),
      (.minimumWidth, options { $0.minimumWidth = .points(1201) }),
    ])
  func aNumberOutsideItsRangeIsNamed(option: OptionError.Option, options: Options) {
    #expect {
      try options.validate()
    } throws: { error in
      (error as? OptionError)?.option == option
    }
  }

  @Test func theEdgesOfEachRangeAreValid() throws {
    var options = Options()
    options.imageWidth = 100_000
    options.frameHeight = 10_000
    options.fontSize = 1_000
    options.fontWidth = 10
    options.minimumWidth = .points(100_000)
    options.factor = .leastNonzeroMagnitude
    try options.validate()
    options.imageWidth = 20
    options.frameHeight = 1
    options.fontSize = 1
    options.fontWidth = 0.1
    options.minimumWidth = .percent(100)
    options.factor = 1e300
    try options.validate()
  }

  @Test func theMessageNamesTheOptionAndItsRange() {
    let width = OptionError(option: .imageWidth, value: 1e300, allowed: Options.imageWidthRange)
    #expect(width.description == "imageWidth must be between 20 and 100000 points")
    #expect(
      width.message(name: "--width", unit: "pixels")
        == "--width must be between 20 and 100000 pixels")
    // One pixel, one point: no plural after a least value of 1.
    let height = OptionError(option: .frameHeight, value: 0, allowed: Options.frameHeightRange)
    #expect(height.message(name: "--height", unit: "pixels") == "--height must be at least 1 pixel")
    #expect(height.description == "frameHeight must be at least 1 point")
    let wide = OptionError(option: .imageWidth, value: -5, allowed: Options.imageWidthRange)
    #expect(wide.message(name: "--width", unit: "pixels") == "--width must be at least 20 pixels")
    let fontWidth = OptionError(option: .fontWidth, value: 0, allowed: Options.fontWidthRange)
    #expect(
      fontWidth.message(name: "--fontwidth", unit: nil) == "--fontwidth must be at least 0.1")
    let percent = OptionError(
      option: .minimumWidthPercent, value: 200, allowed: Options.minimumWidthPercentRange)
    #expect(
      percent.message(name: "--minwidth", unit: nil) == "--minwidth must be between 0% and 100%")
    let tooLarge = OptionError(option: .fontWidth, value: 11, allowed: Options.fontWidthRange)
    #expect(
      tooLarge.message(name: "--fontwidth", unit: nil) == "--fontwidth must be between 0.1 and 10")
    let factor = OptionError(option: .factor, value: 0, allowed: Options.factorRange)
    #expect(factor.description == "factor must be a finite number above 0")
  }
}
