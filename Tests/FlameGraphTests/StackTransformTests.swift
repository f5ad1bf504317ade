import Testing

@testable import FlameGraph

@Suite("Stack transforms")
struct StackTransformTests {
  static func profile(_ folded: String, _ configure: (inout StackTransform) -> Void) throws
    -> Profile
  {
    var options = Options()
    configure(&options.transform)
    return try Profile(folded: folded, options: options)
  }

  @Test func noTransformIsTheIdentity() {
    #expect(StackTransform().isIdentity)
    var transform = StackTransform()
    transform.reverse = true
    #expect(!transform.isIdentity)
  }

  @Test func reversePutsLeavesAtTheBase() throws {
    let profile = try Self.profile("main;parse;read 3\nmain;render;read 2\nmain;idle 1\n") {
      $0.reverse = true
    }

    #expect(
      profile.totalsByPath == [
        "read": 5, "read;parse": 3, "read;parse;main": 3, "read;render": 2,
        "read;render;main": 2, "idle": 1, "idle;main": 1,
      ])
    #expect(profile.totalSamples == 6)
  }

  @Test func baseFunctionsKeepOnlyStacksThroughThemReRooted() throws {
    let profile = try Self.profile(
      "main;handle;db 3\nmain;render 2\nworker;handle 1\nmain;handle;x;handle;y 4\n"
    ) { $0.baseFunctions = ["handle"] }

    // Re-rooted at the first (outermost) `handle`; `main;render` is gone,
    // samples and all.
    #expect(
      profile.totalsByPath == [
        "handle": 8, "handle;db": 3, "handle;x": 4, "handle;x;handle": 4, "handle;x;handle;y": 4,
      ])
    #expect(profile.totalSamples == 8)
  }

  @Test func baseFunctionsMatchWithOrWithoutTheAnnotation() throws {
    let profile = try Self.profile("main;sys_read_[k];vfs_read_[k] 2\nmain;user 1\n") {
      $0.baseFunctions = ["sys_read"]
    }

    #expect(profile.totalsByPath == ["sys_read_[k]": 2, "sys_read_[k];vfs_read_[k]": 2])
  }

  @Test func severalBaseFunctionsReRootAtWhicheverComesFirst() throws {
    let profile = try Self.profile("main;a;b;c 1\nmain;b;a 1\nmain;c 1\n") {
      $0.baseFunctions = ["a", "b"]
    }

    #expect(profile.totalsByPath == ["a": 1, "a;b": 1, "a;b;c": 1, "b": 1, "b;a": 1])
  }

  @Test func withoutAnyStackThroughTheBaseThereIsNothingToDraw() {
    #expect(throws: InputError.noStackWithBase(["absent"])) {
      try Self.profile("main;a 1\n") { $0.baseFunctions = ["absent"] }
    }
  }

  @Test func skipAfterFunctionsCutsStacksAfterTheFunction() throws {
    let profile = try Self.profile("main;parse;lex 3\nmain;parse;read;io 2\nmain;render 1\n") {
      $0.skipAfterFunctions = ["parse"]
    }

    // The cut-off samples stay, as the function's own.
    #expect(profile.totalsByPath == ["main": 6, "main;parse": 5, "main;render": 1])
    let parse = try #require(profile.node(at: "main;parse"))
    #expect(profile.tree.selfCounts()[Int(parse)] == 5)
  }

  @Test func baseThenReverse() throws {
    // Re-root at the handler, then show its leaves at the base.
    let profile = try Self.profile("main;handle;db;query 2\nmain;handle;render 1\n") {
      $0.baseFunctions = ["handle"]
      $0.reverse = true
    }

    #expect(
      profile.totalsByPath == [
        "query": 2, "query;db": 2, "query;db;handle": 2, "render": 1, "render;handle": 1,
      ])
  }

  @Test func factorScalesTotals() throws {
    var options = Options()
    options.factor = 3
    let profile = try Profile(folded: "main;a 2\nmain;b 0.5\n", options: options)

    #expect(profile.totalsByPath == ["main": 7.5, "main;a": 6, "main;b": 1.5])
  }

  @Test func transformsApplyToFlameChartsToo() throws {
    var options = Options()
    options.merging = .consecutive
    options.transform.reverse = true
    let profile = try Profile(folded: "main;a 1\nmain;a 1\nmain;b 1\nmain;a 1\n", options: options)

    // Reversed stacks a;main, a;main, b;main, a;main: the first two merge.
    #expect(profile.childNames(of: profile.tree.root) == ["a", "b", "a"])
  }
}
