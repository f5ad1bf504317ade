import Foundation
import Testing

@testable import FlameGraph

@Suite("Shorter forms of frame names")
struct LabelAbbreviatorTests {
  static func rungs(_ name: String) -> [String] {
    LabelAbbreviator.ladder(for: name).rungs.map(\.text)
  }

  @Test func pySpyDropsTheDirectoriesThenTheLineThenTheFile() {
    #expect(
      Self.rungs("Basic._subs (sympy/core/basic.py:1285)") == [
        "Basic._subs (basic.py:1285)", "Basic._subs (basic.py)", "Basic._subs", "_subs",
      ])
    #expect(
      Self.rungs("<module> (symwork2.py:8)") == ["<module> (symwork2.py)", "<module>"])
    #expect(
      Self.rungs("__cacheit.<locals>.func_wrapper.<locals>.wrapper (sympy/core/cache.py:72)") == [
        "__cacheit.<locals>.func_wrapper.<locals>.wrapper (cache.py:72)",
        "__cacheit.<locals>.func_wrapper.<locals>.wrapper (cache.py)",
        "__cacheit.<locals>.func_wrapper.<locals>.wrapper", "func_wrapper.<locals>.wrapper",
        "wrapper",
      ])
  }

  @Test func pythonLocalFunctionsKeepTheFunctionTheyAreLocalTo() {
    #expect(
      Self.rungs("Add._eval_derivative.<locals>.<listcomp> (sympy/core/add.py:504)").suffix(2) == [
        "_eval_derivative.<locals>.<listcomp>", "<listcomp>",
      ])
    #expect(Self.rungs("f.<locals>.g") == ["g"])
  }

  @Test func pySpyWithoutLineNumbers() {
    #expect(Self.rungs("load (app/io/reader.py)") == ["load (reader.py)", "load"])
  }

  @Test func filKeepsTheFunctionLast() {
    #expect(
      Self.rungs("numpy/_core/numeric.py:232 (ones)") == ["numeric.py:232 (ones)", "ones"])
    #expect(Self.rungs("example.py:4 (make_big_array)") == ["make_big_array"])
  }

  @Test func austinHasTheFunctionBetweenFileAndLine() {
    #expect(
      Self.rungs("/usr/lib/python3.12/json/decoder.py:raw_decode:353") == [
        "decoder.py:raw_decode:353", "raw_decode",
      ])
  }

  @Test func javaDropsThePackageThenTheFileThenTheClass() {
    #expect(
      Self.rungs("com.example.foo.Bar.baz(Bar.java:12)") == [
        "Bar.baz(Bar.java:12)", "Bar.baz", "baz",
      ])
    #expect(Self.rungs("java.util.HashMap.get") == ["HashMap.get", "get"])
  }

  @Test func cppDropsArgumentsAndTemplatesThenNamespaces() {
    #expect(
      Self.rungs("std::vector<int>::push_back(int const&)") == [
        "std::vector::push_back", "vector::push_back", "push_back",
      ])
    #expect(
      Self.rungs("void std::__1::sort<int*>(int*, int*) const") == [
        "std::__1::sort", "__1::sort", "sort",
      ])
    #expect(Self.rungs("(anonymous namespace)::Parser::run()") == ["Parser::run", "run"])
    #expect(Self.rungs("std::operator<<(std::ostream&, int)") == ["std::operator<<", "operator<<"])
  }

  @Test func rustDropsTheHashThenGenericsThenModules() {
    #expect(
      Self.rungs("core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h1a2b3c4d5e6f7a8b") == [
        "core::ptr::drop_in_place<alloc::vec::Vec<u8>>", "core::ptr::drop_in_place",
        "ptr::drop_in_place", "drop_in_place",
      ])
    #expect(Self.rungs("<T as core::fmt::Display>::fmt") == ["fmt"])
    #expect(
      Self.rungs("tokio::runtime::task::harness::Harness<T,S>::poll::h0123456789abcdef") == [
        "tokio::runtime::task::harness::Harness<T,S>::poll",
        "tokio::runtime::task::harness::Harness::poll",
        "runtime::task::harness::Harness::poll", "task::harness::Harness::poll",
        "harness::Harness::poll", "Harness::poll", "poll",
      ])
  }

  @Test func rustClosuresStayWithTheirFunction() {
    #expect(
      Self.rungs("tokio::runtime::fn_12<T5>::{{closure}}") == [
        "tokio::runtime::fn_12::{{closure}}", "runtime::fn_12::{{closure}}", "fn_12::{{closure}}",
      ])
  }

  @Test func veryLongNamesHaveNoLadder() {
    let long = String(repeating: "a", count: LabelAbbreviator.maximumLength) + "::f"
    #expect(Self.rungs(long).isEmpty)
  }

  @Test func goDropsTheModulePathThenThePackageThenTheReceiver() {
    #expect(
      Self.rungs("github.com/x/y.(*T).Method") == ["y.(*T).Method", "(*T).Method", "Method"])
    #expect(Self.rungs("runtime.mallocgc") == ["mallocgc"])
    #expect(
      Self.rungs("main.foo (/home/me/src/app/main.go:42)") == [
        "main.foo (main.go:42)", "main.foo (main.go)", "main.foo", "foo",
      ])
  }

  @Test func legacyRustSymbolsAsPerfPrintsThemKeepTypeAndMethod() {
    #expect(
      Self.rungs("_$LT$std..io..buffered..BufReader$LT$R$GT$$GT$::with_capacity::h149b1cb009d20694")
        == [
          "_$LT$std..io..buffered..BufReader$LT$R$GT$$GT$::with_capacity",
          "BufReader::with_capacity", "with_capacity",
        ])
    #expect(
      Self.rungs("_$LT$u8$u20$as$u20$core..clone..Clone$GT$::clone::h7bfab8630dda96cf").suffix(2)
        == ["u8::clone", "clone"])
    #expect(
      Self.rungs(
        "_$LT$alloc..vec..Vec$LT$T$GT$$u20$as$u20$core..iter..FromIterator$LT$T$GT$$GT$::from_iter")
        == ["Vec::from_iter", "from_iter"])
    // A closure is part of its function, never a label alone.
    #expect(
      Self.rungs("app::config::load::_$u7b$$u7b$closure$u7d$$u7d$::h0123456789abcdef") == [
        "app::config::load::_$u7b$$u7b$closure$u7d$$u7d$", "app::config::load::closure",
        "config::load::closure", "load::closure",
      ])
  }

  /// Java's `$` in generated class names is no Rust escape, even at the
  /// end of a name (a dollar there once stopped the program).
  @Test func aDollarNearTheEndOfAPathIsNoEscape() {
    for name in ["sbt.Execute.$anonfun$submit$1", "Outer$Inner::run$", "a::b$", "a::b$c"] {
      #expect(!Self.rungs(name).isEmpty, "\(name)")
    }
  }

  @Test func v8CodeNamesKeepTheFunctionAndItsFile() {
    #expect(
      Self.rungs("LazyCompile:*renderRows /srv/app/lib/table.js:120") == [
        "renderRows table.js:120", "renderRows table.js", "renderRows",
      ])
    #expect(
      Self.rungs("InterpretedFunction:~exports.parseHeader /srv/app/http.js:7") == [
        "exports.parseHeader http.js:7", "exports.parseHeader http.js", "exports.parseHeader",
        "parseHeader",
      ])
    // Names V8 gives no file keep no rungs of this kind.
    #expect(Self.rungs("RegExp:\\bFoo ?Bar").isEmpty)
  }

  @Test func perfMapJavaNamesDropThePackage() {
    #expect(
      Self.rungs("io/netty/channel/nio/NioEventLoop:.processSelectedKeys") == [
        "NioEventLoop:.processSelectedKeys", "processSelectedKeys",
      ])
  }

  /// Names in the syntaxes of perf's Java, JavaScript and Rust profiles,
  /// and of C++, Go, py-spy, Fil and austin, with the function a reader
  /// looks for.
  static let namesWithFunctions: [(name: String, function: String)] = [
    ("io/netty/channel/nio/NioEventLoop:.processSelectedKeys", "processSelectedKeys"),
    (
      "org.apache.catalina.core.StandardWrapperValve.invoke(StandardWrapperValve.java:222)",
      "invoke"
    ),
    ("LazyCompile:*renderRows /srv/app/lib/table.js:120", "renderRows"),
    (
      "_$LT$std..io..buffered..BufReader$LT$R$GT$$GT$::with_capacity::h149b1cb009d20694",
      "with_capacity"
    ),
    ("core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h1a2b3c4d5e6f7a8b", "drop_in_place"),
    ("std::vector<int, std::allocator<int> >::push_back(int const&)", "push_back"),
    ("github.com/acme/store/index.(*Tree).Insert", "Insert"),
    ("Expr.series (sympy/core/expr.py:2890)", "series"),
    ("numpy/_core/numeric.py:232 (ones)", "ones"),
    ("/usr/lib/python3.12/json/decoder.py:raw_decode:353", "raw_decode"),
  ]

  @Test(arguments: namesWithFunctions)
  func aFrameWideEnoughForItsFunctionShowsIt(name: String, function: String) throws {
    let characterWidth = 12 * 0.6
    let padding = 2 * LabelFitter.padding
    let fitsFunction = Double(function.count) * characterWidth + padding
    let fitsName = Double(name.count) * characterWidth + padding
    for width in stride(from: fitsFunction, through: fitsName + characterWidth, by: characterWidth)
    {
      let scene = try layOut("\(name) 1\n") { $0.imageWidth = width + 20 + 0.001 }
      let label = try #require(scene.frames[1].label, "no label at \(width)")
      #expect(label.text.contains(function), "\(label.text) at \(width)")
      #expect(!label.text.contains(LabelFitter.ellipsis), "\(label.text) at \(width)")
      if width >= fitsName { #expect(label.text == name) }
    }
  }

  @Test func aNameOfThousandsOfComponentsHasABoundedLadder() {
    // 12,000 components: the square would be 144 million pieces.
    let colons = (0..<12_000).map { "m\($0 % 10)" }.joined(separator: "::")
    let rust = (0..<12_000).map { "m\($0 % 10)" }.joined(separator: "::") + "::_$LT$T$GT$"
    for (name, last) in [(colons, "m9"), (rust, "T")] {
      let rungs = LabelAbbreviator.ladder(for: name).rungs
      #expect(rungs.count <= LabelAbbreviator.maximumComponentForms + 2)
      #expect(rungs.last?.text == last)
    }
  }

  @Test func namesOfNoSyntaxHaveNoRungs() {
    for name in [
      "all", "[unknown]", "[libc.so.6]", "libc.so.6+0x29234", "libfoo.so", "app.js", "x", "",
      "main", "do_syscall_64_[k]", "12:34",
    ] {
      #expect(Self.rungs(name).isEmpty, "\(name)")
    }
  }

  static let profiles = [
    "Goldens/inputs/sympy-cpu.folded", "Goldens/inputs/long-names.folded",
    "Goldens/inputs/small-cpu.folded", "Examples/seed-memory.folded",
    "Examples/small-cpu.austin", "Examples/small-cpu-nolineno.folded",
  ]

  @Test(arguments: profiles)
  func rungsGetShorterAndArePiecesOfTheName(profile: String) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../" + profile)
    let text = try String(contentsOf: url, encoding: .utf8)
    var names = Set<String>()
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      guard let space = line.lastIndex(of: " ") else { continue }
      for frame in line[..<space].split(separator: ";") { names.insert(String(frame)) }
    }
    var withFunction = 0
    for name in names {
      let ladder = LabelAbbreviator.ladder(for: name)
      let units = Array(name.utf16)
      var longest = name.count
      for rung in ladder.rungs {
        #expect(rung.characterCount < longest)
        longest = rung.characterCount
        let joined = rung.pieces.flatMap { units[$0] }
        #expect(String(decoding: joined, as: UTF16.self) == rung.text)
      }
      if let location = FrameLocation(parsing: name), let function = location.function {
        // Every py-spy, Fil and austin name has its function as a rung.
        #expect(ladder.rungs.contains { $0.text == function }, "\(name)")
        withFunction += 1
      }
    }
    #expect(withFunction > 0)
  }
}
