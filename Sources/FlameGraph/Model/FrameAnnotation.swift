/// The kind suffix that perf-based collapsers append to a frame name.
///
/// `stackcollapse-perf.pl --all` marks kernel frames `_[k]`, JIT-compiled
/// frames `_[j]`, inlined frames `_[i]` and waker stacks `_[w]`. The suffix is
/// stripped from labels and drives the `java`, `js` and `perl` palettes.
public enum FrameAnnotation: UInt8, Sendable, CaseIterable {
  /// `_[k]`: a kernel frame.
  case kernel
  /// `_[j]`: a JIT-compiled frame.
  case jit
  /// `_[i]`: an inlined frame.
  case inlined
  /// `_[w]`: a frame from a waker stack.
  case waker

  /// The annotation a raw frame name ends with, if any.
  ///
  /// ```swift
  /// FrameAnnotation(suffixOf: Array("do_syscall_64_[k]".utf8)) // .kernel
  /// ```
  public init?<Bytes: Collection>(suffixOf name: Bytes) where Bytes.Element == UInt8 {
    // Read in place: an array of the last four bytes cost an allocation
    // on every call, and layout asks for every frame drawn.
    let count = name.count
    guard count >= 4 else { return nil }
    let start = name.index(name.startIndex, offsetBy: count - 4)
    let second = name.index(after: start)
    let third = name.index(after: second)
    let fourth = name.index(after: third)
    guard name[start] == UInt8(ascii: "_"), name[second] == UInt8(ascii: "["),
      name[fourth] == UInt8(ascii: "]")
    else { return nil }
    switch name[third] {
    case UInt8(ascii: "k"): self = .kernel
    case UInt8(ascii: "j"): self = .jit
    case UInt8(ascii: "i"): self = .inlined
    case UInt8(ascii: "w"): self = .waker
    default: return nil
    }
  }
}
