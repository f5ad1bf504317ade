import FlameGraph

/// The distinct colors of a sequence in the order they first occur, each
/// with its index: what the viewer's fill table is made of.
///
/// An open-addressing table on the colors' 24 bits: a frame's look-up is a
/// multiply and a probe or two, where a `Dictionary` hashes with SipHash.
///
/// Invariant: `slots` has a power-of-two count, never more than half full;
/// a slot holds -1 or the index in `colors` of a color that hashed to it or
/// to a slot before it with no empty slot between.
struct ColorPalette {
  /// The distinct colors, first seen first.
  private(set) var colors: [RGBColor] = []
  private var slots = [Int32](repeating: -1, count: 64)

  /// The index of `color` in ``colors``, added if it is new.
  mutating func index(of color: RGBColor) -> Int {
    var slot = Self.slot(of: color, mask: slots.count - 1)
    while slots[slot] >= 0 {
      if colors[Int(slots[slot])] == color { return Int(slots[slot]) }
      slot = (slot + 1) & (slots.count - 1)
    }
    slots[slot] = Int32(colors.count)
    colors.append(color)
    if colors.count * 2 > slots.count { grow() }
    return colors.count - 1
  }

  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for (index, color) in colors.enumerated() {
      var slot = Self.slot(of: color, mask: mask)
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(index)
    }
  }

  /// The first slot to probe: the color's bits times an odd constant, top
  /// bits first (they mix every channel).
  private static func slot(of color: RGBColor, mask: Int) -> Int {
    let value = UInt64(color.red) << 16 | UInt64(color.green) << 8 | UInt64(color.blue)
    return Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
  }
}
