import Testing

@testable import FlameGraph

@Suite("Diffusion colors")
struct DiffusionColorSchemeTests {
  @Test func widerFramesAreNeverLessSaturated() {
    var scheme = DiffusionColorScheme()
    var previous = -1
    for step in 0...200 {
      let share = Double(step) / 200
      let color = scheme.fill(for: colorInput("f", share: share))
      let spread = channelSpread(of: color)
      #expect(spread >= previous, "share \(share)")
      previous = spread
    }
  }

  @Test func aFrameOfHalfTheTotalIsFullRed() {
    var scheme = DiffusionColorScheme()
    for share in [0.5, 0.75, 1] {
      let color = scheme.fill(for: colorInput("f", share: share))
      #expect(color.red == 255)
      #expect(color.green <= 5)
      #expect(color.blue <= 5)
    }
  }

  @Test func thinFramesArePaleAndWarm() throws {
    var scheme = DiffusionColorScheme()
    let color = scheme.fill(for: colorInput("f", share: 0))
    #expect(min(color.red, color.green, color.blue) > 200)
    #expect(color.red >= color.green && color.green >= color.blue)
    let colorHue = try #require(hue(of: color))
    #expect(colorHue > 20 && colorHue < 60)
  }

  @Test func intensityGrowsWithTheSquareRootOfTheShare() {
    #expect(DiffusionColorScheme.intensity(share: 0) == 0)
    #expect(DiffusionColorScheme.intensity(share: 0.125) == 0.5)
    #expect(DiffusionColorScheme.intensity(share: 0.5) == 1)
    #expect(DiffusionColorScheme.intensity(share: 2) == 1)
    #expect(DiffusionColorScheme.intensity(share: -1) == 0)
  }

  @Test func layoutUsesItWhenAsked() throws {
    let scene = try layOut("main;hot 9\nmain;cold 1\n") { $0.colorDiffusion = true }
    let hot = try scene.box(named: "hot").fill
    let cold = try scene.box(named: "cold").fill

    #expect(hot.red == 255 && hot.green <= 5)
    #expect(channelSpread(of: hot) > channelSpread(of: cold))
  }
}

@Suite("Differential colors")
struct DifferentialColorSchemeTests {
  static func fill(delta: Double, maximum: Double = 10, negate: Bool = false) -> RGBColor {
    var scheme = DifferentialColorScheme(negate: negate)
    return scheme.fill(for: colorInput("f", delta: delta, maximumDelta: maximum))
  }

  @Test func moreIsRed() {
    let most = Self.fill(delta: 10)
    #expect(most == RGBColor(red: 255, green: 0, blue: 0))
    let some = Self.fill(delta: 5)
    #expect(some.red == 255 && some.green == some.blue && some.blue > 0 && some.blue < 255)
  }

  @Test func lessIsBlue() {
    #expect(Self.fill(delta: -10) == RGBColor(red: 0, green: 0, blue: 255))
    let some = Self.fill(delta: -5)
    #expect(some.blue == 255 && some.red == some.green && some.red > 0 && some.red < 255)
  }

  @Test func biggerChangesAreMoreSaturated() {
    let small = Self.fill(delta: 2)
    let large = Self.fill(delta: 8)
    #expect(channelSpread(of: large) > channelSpread(of: small))
  }

  @Test func unchangedIsWhite() {
    #expect(Self.fill(delta: 0) == .white)
    #expect(Self.fill(delta: 0, maximum: 0) == .white)
  }

  @Test func negateSwapsRedAndBlue() {
    #expect(Self.fill(delta: 10, negate: true) == Self.fill(delta: -10))
    #expect(Self.fill(delta: -4, negate: true) == Self.fill(delta: 4))
    #expect(Self.fill(delta: 0, negate: true) == .white)
  }

  @Test func layoutColorsDifferentialProfiles() throws {
    let folded = "main;grew 1 9\nmain;shrank 9 1\nmain;same 5 5\n"
    let scene = try layOut(folded)
    #expect(try scene.box(named: "grew").fill == RGBColor(red: 255, green: 0, blue: 0))
    #expect(try scene.box(named: "shrank").fill == RGBColor(red: 0, green: 0, blue: 255))
    #expect(try scene.box(named: "same").fill == .white)

    let negated = try layOut(folded) { $0.negateDifferential = true }
    #expect(try negated.box(named: "grew").fill == RGBColor(red: 0, green: 0, blue: 255))
  }
}

@Suite("Palette colors")
struct PaletteColorSchemeTests {
  @Test func deterministicColorsDependOnlyOnTheName() {
    var first = PaletteColorScheme(palette: .hot, keying: .deterministic)
    var second = PaletteColorScheme(palette: .hot, keying: .deterministic)
    let alone = first.fill(for: colorInput("parse_header"))
    for other in ["main", "render", "alloc", "free"] { _ = second.fill(for: colorInput(other)) }
    let afterOthers = second.fill(for: colorInput("parse_header", share: 0.9))

    #expect(alone == afterOthers)
    #expect(first.fill(for: colorInput("parse_header")) == alone)
  }

  @Test func deterministicColorsVaryBetweenNames() {
    var scheme = PaletteColorScheme(palette: .hot, keying: .deterministic)
    let colors = Set((0..<20).map { scheme.fill(for: colorInput("function\($0)")) })
    #expect(colors.count > 10)
  }

  @Test func nameHashColorsDependOnlyOnTheName() {
    var first = PaletteColorScheme(palette: .hot, keying: .nameHash)
    var second = PaletteColorScheme(palette: .hot, keying: .nameHash)
    _ = second.fill(for: colorInput("unrelated"))
    #expect(
      first.fill(for: colorInput("pkg.module.parse"))
        == second.fill(for: colorInput("pkg.module.parse")))
  }

  @Test func seededColorsRepeatFromOneSchemeToTheNext() {
    let names = ["main", "parse", "main", "render", "alloc", "free", "main"]
    func sequence() -> [RGBColor] {
      var scheme = PaletteColorScheme(palette: .hot, keying: .seeded)
      return names.map { scheme.fill(for: colorInput($0)) }
    }
    let first = sequence()

    #expect(first == sequence())
    // Like flamegraph.pl's random colors, they vary from frame to frame.
    #expect(Set(first).count > 1)
  }

  @Test func separatorsAreGrey() {
    for keying in ColorKeying.allCases {
      var scheme = PaletteColorScheme(palette: .java, keying: keying)
      let single = scheme.fill(for: colorInput("-"))
      let double = scheme.fill(for: colorInput("--"))
      #expect(hue(of: single) == nil)
      #expect(hue(of: double) == nil)
      #expect(double.red < single.red)
    }
  }

  @Test func hotColorsAreWarm() {
    var scheme = PaletteColorScheme(palette: .hot, keying: .seeded)
    for index in 0..<100 {
      let color = scheme.fill(for: colorInput("f\(index)"))
      #expect(color.red >= 205)
      #expect(color.blue <= 55)
    }
  }

  /// Hue ranges of the palette families, in degrees.
  enum Family: String, CaseIterable {
    case red, orange, yellow, green, aqua, blue

    func contains(_ hue: Double) -> Bool {
      switch self {
      case .red: return hue < 15 || hue > 345
      case .orange: return (20...45).contains(hue)
      case .yellow: return (50...70).contains(hue)
      case .green: return (100...140).contains(hue)
      case .aqua: return (170...190).contains(hue)
      case .blue: return (220...260).contains(hue)
      }
    }
  }

  @Test(
    arguments: [
      (Palette.java, "java/util/HashMap.get", FrameAnnotation.jit, Family.green),
      (.java, "Interpreter", nil, .red),
      (.java, "org/apache/Foo.run", nil, .green),
      (.java, "JavaThread::run", nil, .yellow),
      (.java, "String.hashCode", .inlined, .aqua),
      (.java, "do_syscall_64", .kernel, .orange),
      (.js, "LazyCompile:*render app.js:12", .jit, .green),
      (.js, "v8::internal::Invoke", .jit, .yellow),
      (.js, "node::Start", nil, .yellow),
      (.js, "/srv/app/server.js:40", nil, .green),
      (.js, "epoll_wait", .kernel, .orange),
      (.js, "start_thread", nil, .red),
      (.perl, "Perl_runops_standard", nil, .green),
      (.perl, "main::handler", nil, .yellow),
      (.perl, "sys_write", .kernel, .orange),
      (.perl, "libc_start", nil, .red),
      (
        .python, "/usr/lib/python3.12/site-packages/requests/api.py:59 (request)", nil, .aqua
      ),
      (.python, "<frozen importlib._bootstrap>:1176 (_find_and_load)", nil, .yellow),
      (.python, "/usr/lib/python3.12/json/decoder.py:337 (decode)", nil, .yellow),
      (.python, "example.py:13 (main)", nil, .red),
      (.python, "do_syscall_64", .kernel, .orange),
      (.rust, "std::io::Write::write_all", nil, .orange),
      (.rust, "<core::iter::Map<I,F> as Iterator>::next", nil, .orange),
      (.rust, "alloc::vec::Vec<T>::push", nil, .orange),
      (.rust, "tokio::runtime::park", nil, .aqua),
      (.rust, "do_syscall_64", .kernel, .yellow),
      (.rust, "[kernel.kallsyms]", nil, .yellow),
      (.rust, "main", nil, .red),
      (.wakeup, "try_to_wake_up", .waker, .aqua),
      (.wakeup, "schedule", nil, .blue),
      (.io, "vfs_read", nil, .blue),
      (.red, "anything", nil, .red),
      (.green, "anything", nil, .green),
      (.blue, "anything", nil, .blue),
      (.aqua, "anything", nil, .aqua),
      (.yellow, "anything", nil, .yellow),
      (.orange, "anything", nil, .orange),
    ] as [(Palette, String, FrameAnnotation?, Family)])
  func paletteChoosesTheFamilyFromTheName(
    palette: Palette, name: String, annotation: FrameAnnotation?, family: Family
  ) throws {
    for keying in ColorKeying.allCases {
      var scheme = PaletteColorScheme(palette: palette, keying: keying)
      // Seeded colors change on every call: check several.
      for _ in 0..<20 {
        let color = scheme.fill(for: colorInput(name, annotation: annotation))
        let colorHue = try #require(hue(of: color), "\(color) is grey")
        #expect(
          family.contains(colorHue), "\(palette) \(name) \(keying): \(color) hue \(colorHue)")
      }
    }
  }

  @Test func purpleIsPurple() throws {
    var scheme = PaletteColorScheme(palette: .purple, keying: .seeded)
    for _ in 0..<20 {
      let colorHue = try #require(hue(of: scheme.fill(for: colorInput("f"))))
      #expect((280...320).contains(colorHue))
    }
  }

  @Test func memoryColorsAreGreensAndBlues() throws {
    var scheme = PaletteColorScheme(palette: .mem, keying: .seeded)
    for _ in 0..<50 {
      let colorHue = try #require(hue(of: scheme.fill(for: colorInput("malloc"))))
      #expect((110...200).contains(colorHue))
    }
  }

  @Test func javaPaletteInALayoutUsesAnnotations() throws {
    let scene = try layOut("start_thread;Foo.run_[j];bar_[i];sys_read_[k] 1\n") {
      $0.palette = .java
    }
    #expect(try Family.red.contains(#require(hue(of: scene.box(named: "start_thread").fill))))
    #expect(try Family.green.contains(#require(hue(of: scene.box(named: "Foo.run").fill))))
    #expect(try Family.aqua.contains(#require(hue(of: scene.box(named: "bar").fill))))
    #expect(try Family.orange.contains(#require(hue(of: scene.box(named: "sys_read").fill))))
  }

  @Test func labelsContrastWithTheirFill() throws {
    var map = PaletteMap()
    map.colors["dark"] = RGBColor(red: 10, green: 10, blue: 40)
    map.colors["light"] = RGBColor(red: 250, green: 240, blue: 200)
    let scene = try layOut("main;dark 1\nmain;light 1\n") { $0.paletteMap = map }

    #expect(try scene.box(named: "dark").label?.color == .white)
    #expect(try scene.box(named: "light").label?.color == .black)
  }
}
