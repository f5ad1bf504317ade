import FlameGraph
import Testing

/// Frame names as austin and py-spy's `--nolineno` write them.
@Suite struct ProfilerFrameSyntaxTests {
  @Test(arguments: [
    ("/home/user/app/small-cpu.py:parse:3", "parse", "/home/user/app/small-cpu.py", 3),
    (
      "<frozen importlib._bootstrap>:_find_and_load:1176", "_find_and_load",
      "<frozen importlib._bootstrap>", 1176
    ),
    (
      "json/encoder.py:JSONEncoder.iterencode:258", "JSONEncoder.iterencode", "json/encoder.py", 258
    ),
    ("app.py:parse.<locals>.<listcomp>:3", "parse.<locals>.<listcomp>", "app.py", 3),
  ])
  func austinFrames(_ name: String, _ function: String, _ file: String, _ line: Int) throws {
    let location = try #require(FrameLocation(parsing: name))
    #expect(location.function == function)
    #expect(location.file == file)
    #expect(location.line == line)
  }

  @Test func aWindowsPathStaysABareLocation() throws {
    let location = try #require(FrameLocation(parsing: #"C:\app\x.py:12"#))
    #expect(location.function == nil)
    #expect(location.file == #"C:\app\x.py"#)
  }

  @Test func pySpyWithoutLineNumbersNamesTheFile() throws {
    let location = try #require(FrameLocation(parsing: "JSONEncoder.encode (json/encoder.py)"))
    #expect(location.function == "JSONEncoder.encode")
    #expect(location.file == "json/encoder.py")
    #expect(location.line == 0)
  }

  @Test(arguments: [
    "malloc (libc.so.6)", "f (int)", "do_syscall_64 (vmlinux)", "main (python3.11)", "P2825",
    "T0:2825", ":INVALID:",
  ])
  func librariesAndAustinRootsAreNotSourceLocations(_ name: String) {
    #expect(FrameLocation(parsing: name) == nil)
  }
}
