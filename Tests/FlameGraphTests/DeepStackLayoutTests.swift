import Testing

@testable import FlameGraph

/// A profile can be one very deep stack (a 235-byte gzip file holds
/// 200,000 frames): laying it out must cost time in proportion to the
/// frames, not frames × depth.
@Suite("Very deep stacks")
struct DeepStackLayoutTests {
  @Test(.timeLimit(.minutes(1)))
  func aStackOfAHundredThousandFramesIsLaidOut() throws {
    // Frames × depth would be 10^10 additions here: hours, not seconds.
    let depth = 100_000
    let stack = Array(repeating: "f", count: depth).joined(separator: ";")
    let profile = try Profile(folded: stack + " 1\n")
    var options = Options()
    options.minimumWidth = .points(0)
    let scene = FlameGraphLayout(options: options).scene(for: profile)
    #expect(scene.frames.count == depth + 1)
    // Rows stay evenly spaced all the way down.
    let tops = scene.frames.map(\.y)
    #expect(abs((tops[0] - tops[depth]) - Double(depth) * options.frameHeight) < 1e-6 * tops[0])
  }

  @Test func rowTopsAreTheSumsOfTheRowsAbove() {
    let rows = RowLayout(frames: [], maximumDepth: 3, frameHeight: 16)
    #expect(rows.top(of: 0, direction: .icicle, framesTop: 100, framesBottom: 0) == 100)
    #expect(rows.top(of: 3, direction: .icicle, framesTop: 100, framesBottom: 0) == 148)
    #expect(rows.top(of: 0, direction: .flame, framesTop: 0, framesBottom: 200) == 184)
    #expect(rows.top(of: 3, direction: .flame, framesTop: 0, framesBottom: 200) == 136)
    #expect(rows.totalHeight == 64)
  }
}
