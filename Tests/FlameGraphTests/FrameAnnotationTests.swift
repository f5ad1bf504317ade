import Testing

@testable import FlameGraph

@Suite("Frame annotations (_[k], _[j], _[i], _[w])")
struct FrameAnnotationTests {
  @Test(
    arguments: [
      ("do_syscall_64_[k]", "do_syscall_64", FrameAnnotation.kernel),
      ("com/example/Foo.bar_[j]", "com/example/Foo.bar", .jit),
      ("inlined_helper_[i]", "inlined_helper", .inlined),
      ("try_to_wake_up_[w]", "try_to_wake_up", .waker),
    ])
  func anAnnotationIsStrippedFromTheNameButKeptInTheRawName(
    raw: String, name: String, annotation: FrameAnnotation
  ) throws {
    let profile = try Profile(folded: "main;\(raw) 1\n")
    let frame = try #require(profile.frames.id(of: raw))

    #expect(profile.frames.name(of: frame) == name)
    #expect(profile.frames.rawName(of: frame) == raw)
    #expect(profile.frames.annotation(of: frame) == annotation)
  }

  @Test func framesWithoutAKnownSuffixAreLeftAlone() throws {
    let profile = try Profile(folded: "main;list_[x];arr[k];_[k 1\n")
    for raw in ["main", "list_[x]", "arr[k]", "_[k"] {
      let frame = try #require(profile.frames.id(of: raw))
      #expect(profile.frames.name(of: frame) == raw)
      #expect(profile.frames.annotation(of: frame) == nil)
    }
  }

  @Test func annotatedAndPlainFramesAreDistinctFrames() throws {
    // The raw name is the identity: a kernel `read` is not a user `read`.
    let profile = try Profile(folded: "main;read 1\nmain;read_[k] 2\n")

    #expect(profile.childNames(of: try #require(profile.node(at: "main"))) == ["read", "read_[k]"])
    #expect(profile.total(at: "main;read_[k]") == 2)
  }

  @Test func theSuffixIsReadFromBytes() {
    #expect(FrameAnnotation(suffixOf: Array("do_syscall_64_[k]".utf8)) == .kernel)
    #expect(FrameAnnotation(suffixOf: Array("_[w]".utf8)) == .waker)
    #expect(FrameAnnotation(suffixOf: Array("[k]".utf8)) == nil)
    #expect(FrameAnnotation(suffixOf: Array("".utf8)) == nil)
  }

  @Test func layoutShowsTheStrippedName() throws {
    let profile = try Profile(folded: "main;do_syscall_64_[k] 1\n")
    let scene = FlameGraphLayout(options: Options()).scene(for: profile)

    #expect(scene.frames.map(\.name) == ["all", "main", "do_syscall_64"])
  }
}
