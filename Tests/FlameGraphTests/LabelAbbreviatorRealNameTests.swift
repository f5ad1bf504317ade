import Foundation
import Testing

@testable import FlameGraph

/// Names as JVM, C++, Rust and kernel profiles write them, whose syntax
/// looks like another one's: a `$` of Java is no Rust escape, `operator[]`
/// is no template, `.isra.10` is no dotted path.
@Suite("Shorter forms of JVM, C++, Rust and kernel names")
struct LabelAbbreviatorRealNameTests {
  static func rungs(_ name: String) -> [String] { LabelAbbreviatorTests.rungs(name) }

  /// The label of the frame `name` in a one-frame graph `width` wide (what
  /// `--format json --width W` writes as `frames[1].label`).
  static func label(_ name: String, width: Double) throws -> String? {
    let scene = try layOut("\(name) 1\n") { $0.imageWidth = width }
    return scene.frames[1].label?.text
  }

  @Test func javaAndScalaDollarsAreNoRustEscapes() throws {
    #expect(
      Self.rungs("com.example.Bar.lambda$main$0") == ["Bar.lambda$main$0", "lambda$main$0"])
    #expect(
      Self.rungs("scala.Function1$class.apply$mcII$sp") == [
        "Function1$class.apply$mcII$sp", "apply$mcII$sp",
      ])
    // `$C$` is an escape of Rust's, but a Java name has no `..` or `::` path.
    #expect(Self.rungs("com.example.Outer$C$1.run") == ["Outer$C$1.run", "run"])
    #expect(try Self.label("com.example.Bar.lambda$main$0", width: 200) == "Bar.lambda$main$0")
    #expect(try Self.label("scala.Function1$class.apply$mcII$sp", width: 200) == "apply$mcII$sp")
  }

  /// Every rung of a dotted JVM name is an end of it: nothing is dropped
  /// from inside a component.
  @Test func jvmNamesWithDollarsKeepWholeComponents() {
    for name in [
      "com.example.Bar.lambda$main$0", "scala.Function1$class.apply$mcII$sp",
      "akka.actor.ActorCell.invoke$$anonfun$1", "sbt.Execute.$anonfun$submit$1",
      "org.example.Foo$Bar$Baz.run$1", "com.example.Outer$C$1.run",
    ] {
      let rungs = Self.rungs(name)
      #expect(!rungs.isEmpty, "\(name)")
      for rung in rungs { #expect(name.hasSuffix(rung), "\(name): \(rung)") }
    }
  }

  @Test func legacyRustEscapesAreStillDecoded() {
    #expect(
      Self.rungs("_$LT$alloc..string..String$u20$as$u20$core..fmt..Display$GT$::fmt") == [
        "String::fmt", "fmt",
      ])
    #expect(
      Self.rungs("_$LT$$RF$T$u20$as$u20$core..fmt..Debug$GT$::fmt") == ["T::fmt", "fmt"])
  }

  /// `<&'a mut I as Iterator>::next`: the type is `I`, not the lifetime.
  @Test func legacyRustReferencesKeepTheirTypeNotTheirLifetime() throws {
    let name =
      "_$LT$$RF$$u27$a$u20$mut$u20$I$u20$as$u20$core..iter..traits..iterator..Iterator$GT$::next"
    #expect(Self.rungs(name) == ["I::next", "next"])
    #expect(try Self.label(name, width: 90) == "I::next")
    #expect(
      Self.rungs("_$LT$$BP$const$u20$T$u20$as$u20$core..fmt..Pointer$GT$::fmt") == [
        "T::fmt", "fmt",
      ])
  }

  @Test func cppOperatorsDropTheirArgumentsAndTemplates() throws {
    #expect(
      Self.rungs("std::map<std::string, int>::operator[](std::string const&)") == [
        "std::map::operator[]", "map::operator[]", "operator[]",
      ])
    #expect(
      Self.rungs("basic_string<char>::operator=(char const*)") == [
        "basic_string::operator=", "operator=",
      ])
    #expect(Self.rungs("std::operator<<(std::ostream&, int)") == ["std::operator<<", "operator<<"])
    #expect(
      Self.rungs("bool std::operator==<char>(std::string const&, char const*)") == [
        "std::operator==", "operator==",
      ])
    #expect(
      Self.rungs("bool std::operator< <int>(std::vector<int> const&, std::vector<int> const&)")
        == ["std::operator<", "operator<"])
    #expect(
      Self.rungs("std::unique_ptr<Foo, std::default_delete<Foo> >::operator->() const") == [
        "std::unique_ptr::operator->", "unique_ptr::operator->", "operator->",
      ])
    #expect(
      Self.rungs("std::less<int>::operator()(int const&, int const&) const") == [
        "std::less::operator()", "less::operator()", "operator()",
      ])
    #expect(
      Self.rungs("Json::Value::operator std::string() const") == [
        "Json::Value::operator std::string", "Value::operator std::string",
        "operator std::string",
      ])
    #expect(Self.rungs("operator new(unsigned long)") == ["operator new"])
    #expect(Self.rungs("operator delete[](void*)") == ["operator delete[]"])
    #expect(
      try Self.label("std::map<std::string, int>::operator[](std::string const&)", width: 120)
        == "operator[]")
    #expect(try Self.label("basic_string<char>::operator=(char const*)", width: 120) == "operator=")
  }

  /// A word that only starts with `operator` is a name like any other.
  @Test func namesContainingOperatorAreNoOperators() {
    #expect(
      Self.rungs("app::operators::run(int)") == ["app::operators::run", "operators::run", "run"])
  }

  @Test func cppLambdasKeepTheirCallOperator() throws {
    let name = "main::{lambda(int)#1}::operator()(int) const"
    #expect(
      Self.rungs(name) == ["main::{lambda(int)#1}::operator()", "{lambda(int)#1}::operator()"])
    #expect(try Self.label(name, width: 240) == "{lambda(int)#1}::operator()")
    #expect(
      Self.rungs(
        "ns::Widget::draw() const::{lambda(std::string const&)#2}::operator()(std::string const&) const"
      ) == [
        "ns::Widget::draw::{lambda(std::string const&)#2}::operator()",
        "Widget::draw::{lambda(std::string const&)#2}::operator()",
        "draw::{lambda(std::string const&)#2}::operator()",
        "{lambda(std::string const&)#2}::operator()",
      ])
  }

  /// `::h` and 16 hex digits is rustc's hash; shorter ones (5 to 15 hex
  /// digits, one of them a decimal digit) are dropped too.
  @Test func shortRustHashesAreDropped() throws {
    let name = "core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h1a2b3c"
    #expect(
      Self.rungs(name) == [
        "core::ptr::drop_in_place<alloc::vec::Vec<u8>>", "core::ptr::drop_in_place",
        "ptr::drop_in_place", "drop_in_place",
      ])
    #expect(try Self.label(name, width: 140) == "drop_in_place")
    #expect(Self.rungs("a::b::hdeadbeefdeadbeef") == ["a::b", "b"])
  }

  @Test func functionsThatOnlyLookLikeHashesStay() {
    // No decimal digit, or too few digits: a function's name.
    #expect(Self.rungs("app::codec::hdeadbeef") == ["codec::hdeadbeef", "hdeadbeef"])
    #expect(Self.rungs("app::h1234") == ["h1234"])
    // A C++ function keeps its argument list, so its last component is no hash.
    #expect(Self.rungs("media::h264dec(int)") == ["media::h264dec", "h264dec"])
  }

  @Test func gccCloneSuffixesAreDropped() throws {
    #expect(Self.rungs("do_sock_write.isra.10") == ["do_sock_write"])
    #expect(Self.rungs("tcp_sendmsg_locked.constprop.0") == ["tcp_sendmsg_locked"])
    #expect(Self.rungs("init_cpu_features.constprop.0.isra.0") == ["init_cpu_features"])
    #expect(Self.rungs("ext4_find_entry.part.0.cold") == ["ext4_find_entry"])
    #expect(Self.rungs("nft_do_chain.lto_priv.0") == ["nft_do_chain"])
    #expect(Self.rungs("tcp_v4_rcv.cold") == ["tcp_v4_rcv"])
    #expect(Self.rungs("tcp_v4_rcv.cold.12") == ["tcp_v4_rcv"])
    #expect(Self.rungs("memcpy.localalias") == ["memcpy"])
    #expect(
      Self.rungs("app::Cache::evict.llvm.4711830426") == [
        "app::Cache::evict", "Cache::evict", "evict",
      ])
    #expect(try Self.label("do_sock_write.isra.10", width: 140) == "do_sock_write")
    #expect(try Self.label("tcp_sendmsg_locked.constprop.0", width: 170) == "tcp_sendmsg_locked")
  }

  /// A method named `cold` of a Go package or a Python class is no clone.
  @Test func aMethodNamedColdStays() {
    #expect(Self.rungs("main.cold") == ["cold"])
    #expect(Self.rungs("Weather.cold (app/weather.py:12)").suffix(2) == ["Weather.cold", "cold"])
  }

  /// The names above, at every width between their function's and their
  /// own: the label shows the function.
  static let namesWithFunctions: [(name: String, function: String)] = [
    ("com.example.Bar.lambda$main$0", "lambda$main$0"),
    ("scala.Function1$class.apply$mcII$sp", "apply$mcII$sp"),
    ("std::map<std::string, int>::operator[](std::string const&)", "operator[]"),
    ("basic_string<char>::operator=(char const*)", "operator="),
    ("main::{lambda(int)#1}::operator()(int) const", "{lambda(int)#1}::operator()"),
    ("core::ptr::drop_in_place<alloc::vec::Vec<u8>>::h1a2b3c", "drop_in_place"),
    ("do_sock_write.isra.10", "do_sock_write"),
    ("tcp_sendmsg_locked.constprop.0", "tcp_sendmsg_locked"),
  ]

  /// What the viewer needs to rebuild a ladder: each rung is the one
  /// before it (the name, for the first) less some of its units.
  @Test(arguments: namesWithFunctions.map(\.name) + [
    "ns::Widget::draw() const::{lambda(std::string const&)#2}::operator()(std::string const&) const",
    "Json::Value::operator std::string() const", "init_cpu_features.constprop.0.isra.0",
    "app::Cache::evict.llvm.4711830426",
    "_$LT$$RF$$u27$a$u20$mut$u20$I$u20$as$u20$core..iter..traits..iterator..Iterator$GT$::next",
  ])
  func eachRungIsPiecesOfTheOneBefore(name: String) {
    let units = Array(name.utf16)
    var before = Set(units.indices)
    let rungs = LabelAbbreviator.ladder(for: name).rungs
    #expect(!rungs.isEmpty)
    for rung in rungs {
      let kept = Set(rung.pieces.flatMap { $0 })
      #expect(kept.isSubset(of: before), "\(name): \(rung.text)")
      #expect(String(decoding: rung.pieces.flatMap { units[$0] }, as: UTF16.self) == rung.text)
      before = kept
    }
  }

  @Test(arguments: namesWithFunctions)
  func aFrameWideEnoughForItsFunctionShowsIt(name: String, function: String) throws {
    try LabelAbbreviatorTests().aFrameWideEnoughForItsFunctionShowsIt(
      name: name, function: function)
  }
}
