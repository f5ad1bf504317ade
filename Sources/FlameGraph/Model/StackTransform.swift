/// Rewrites applied to each stack as it enters the call tree.
///
/// Applying them per stack, while merging, costs no second tree and works in
/// flame-chart mode too, where the order of stacks matters.
///
/// ```swift
/// var transform = StackTransform()
/// transform.baseFunctions = ["handle_request"]  // re-root there
/// transform.reverse = true                      // then put leaves at the base
/// ```
public struct StackTransform: Sendable, Equatable {
  /// Keep only stacks containing one of these frames, re-rooted at the first
  /// (outermost) one. Names match with or without their annotation suffix.
  public var baseFunctions: [String] = []
  /// Cut stacks after the first (outermost) frame with one of these names.
  public var skipAfterFunctions: [String] = []
  /// Reverse each stack so that leaf functions are at the base.
  public var reverse = false

  /// No rewriting.
  public init() {}

  /// Whether the transform changes nothing.
  public var isIdentity: Bool { baseFunctions.isEmpty && skipAfterFunctions.isEmpty && !reverse }
}

/// Per-frame flags for the name-based transforms, decided once per distinct
/// frame when it is interned.
struct StackTransformMatcher {
  private let baseNames: Set<[UInt8]>
  private let skipAfterNames: Set<[UInt8]>
  let transform: StackTransform
  private(set) var isBase: [Bool] = []
  private(set) var isSkipAfter: [Bool] = []

  init(_ transform: StackTransform) {
    self.transform = transform
    baseNames = Set(transform.baseFunctions.map { Array($0.utf8) })
    skipAfterNames = Set(transform.skipAfterFunctions.map { Array($0.utf8) })
  }

  /// Records the flags of a newly interned frame, whose id is the next one.
  mutating func register(_ name: UnsafeBufferPointer<UInt8>) {
    guard !baseNames.isEmpty || !skipAfterNames.isEmpty else { return }
    let raw = Array(name)
    let label = FrameAnnotation(suffixOf: raw) == nil ? raw : Array(raw.dropLast(4))
    isBase.append(baseNames.contains(raw) || baseNames.contains(label))
    isSkipAfter.append(skipAfterNames.contains(raw) || skipAfterNames.contains(label))
  }

  /// Applies the transform to a stack (root first) in place; returns the new
  /// range of frames to insert, or nil when the stack is dropped.
  func apply(to frames: UnsafeMutableBufferPointer<FrameID>) -> Range<Int>? {
    var range = 0..<frames.count
    if !baseNames.isEmpty {
      guard let first = range.first(where: { isBase[Int(frames[$0])] }) else { return nil }
      range = first..<range.upperBound
    }
    if !skipAfterNames.isEmpty, let cut = range.first(where: { isSkipAfter[Int(frames[$0])] }) {
      range = range.lowerBound..<(cut + 1)
    }
    if transform.reverse {
      var kept = UnsafeMutableBufferPointer(rebasing: frames[range])
      kept.reverse()
    }
    return range
  }
}
