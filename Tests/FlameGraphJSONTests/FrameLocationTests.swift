import FlameGraph
import Testing

@Suite struct FrameLocationTests {
  @Test(arguments: [
    ("loads (json/__init__.py:346)", "loads", "json/__init__.py", 346),
    ("example.py:12 (main)", "main", "example.py", 12),
    (
      "<frozen importlib._bootstrap>:1176 (_find_and_load)", "_find_and_load",
      "<frozen importlib._bootstrap>", 1176
    ),
    (
      "__cacheit.<locals>.func_wrapper.<locals>.wrapper (sympy/core/cache.py:72)",
      "__cacheit.<locals>.func_wrapper.<locals>.wrapper", "sympy/core/cache.py", 72
    ),
    ("f (g(x)) (a.py:1)", "f (g(x))", "a.py", 1),
  ])
  func functionFileAndLine(_ name: String, _ function: String, _ file: String, _ line: Int) throws {
    let location = try #require(FrameLocation(parsing: name))
    #expect(location.function == function)
    #expect(location.file == file)
    #expect(location.line == line)
  }

  @Test func bareLocationHasNoFunction() throws {
    let location = try #require(FrameLocation(parsing: "/usr/lib/python3.11/json/decoder.py:337"))
    #expect(location.function == nil)
    #expect(location.file == "/usr/lib/python3.11/json/decoder.py")
    #expect(location.isSourceFile)
  }

  @Test(arguments: [
    "main", "std::vec::Vec<T>::push", "[kernel.kallsyms] do_syscall_64", "a (b)", "x:y",
    "f (a.py:)", "12:34",
  ])
  func otherNamesHaveNoLocation(_ name: String) {
    #expect(FrameLocation(parsing: name) == nil)
  }

  @Test func frozenModulesAreNotSourceFiles() throws {
    let location = try #require(FrameLocation(parsing: "<frozen importlib._bootstrap>:241 (_call)"))
    #expect(!location.isSourceFile)
  }
}
