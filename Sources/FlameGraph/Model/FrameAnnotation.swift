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
    guard name.count >= 4 else { return nil }
    let tail = Array(name.suffix(4))
    guard tail[0] == UInt8(ascii: "_"), tail[1] == UInt8(ascii: "["), tail[3] == UInt8(ascii: "]")
    else { return nil }
    switch tail[2] {
    case UInt8(ascii: "k"): self = .kernel
    case UInt8(ascii: "j"): self = .jit
    case UInt8(ascii: "i"): self = .inlined
    case UInt8(ascii: "w"): self = .waker
    default: return nil
    }
  }
}
