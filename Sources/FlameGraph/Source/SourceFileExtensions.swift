/// The file name extensions ``RootedSourceFiles`` reads source lines from,
/// compared without regard to ASCII case (`.R`, `.C`, `.H` count).
///
/// Anything else (`.txt`, `.key`, `.json`, no extension at all) is never
/// read, whatever the profile says:
///
/// - Python: py pyw pyx pyi pxd pxi
/// - C, C++, Objective-C, CUDA: c h cc cpp cxx c++ hh hpp hxx h++ inl ipp tcc m mm cu cuh
/// - Rust rs, Go go, Zig zig, D d, Nim nim, Odin odin, V vv
/// - JVM: java kt kts scala sc groovy clj cljs cljc
/// - JavaScript, TypeScript: js mjs cjs jsx ts mts cts tsx vue svelte
/// - Ruby rb rake erb, PHP php, Perl pl pm, Lua lua, Tcl tcl
/// - Swift swift, C# cs, F# fs fsi fsx, Visual Basic vb, Dart dart
/// - Julia jl, R r, Elixir ex exs, Erlang erl hrl, Gleam gleam
/// - Haskell hs lhs, OCaml ml mli, Lisps lisp el scm ss rkt
/// - Crystal cr, Fortran f f90 f95 f03 f08 for, Pascal pas, Ada adb ads
/// - Shells sh bash zsh, assembly s asm
///
/// ```swift
/// SourceFileExtensions.isSourceFile("app/models.PY")  // true
/// SourceFileExtensions.isSourceFile("/etc/passwd")    // false
/// ```
public enum SourceFileExtensions {
  /// The recognized extensions, lowercase, without the dot.
  public static let recognized: Set<String> = [
    "py", "pyw", "pyx", "pyi", "pxd", "pxi",
    "c", "h", "cc", "cpp", "cxx", "c++", "hh", "hpp", "hxx", "h++", "inl", "ipp", "tcc",
    "m", "mm", "cu", "cuh",
    "rs", "go", "zig", "d", "nim", "odin", "vv",
    "java", "kt", "kts", "scala", "sc", "groovy", "clj", "cljs", "cljc",
    "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte",
    "rb", "rake", "erb", "php", "pl", "pm", "lua", "tcl",
    "swift", "cs", "fs", "fsi", "fsx", "vb", "dart",
    "jl", "r", "ex", "exs", "erl", "hrl", "gleam",
    "hs", "lhs", "ml", "mli", "lisp", "el", "scm", "ss", "rkt",
    "cr", "f", "f90", "f95", "f03", "f08", "for", "pas", "adb", "ads",
    "sh", "bash", "zsh", "s", "asm",
  ]

  /// Whether the last component of `path` ends with a recognized extension
  /// (a dot file such as `.py` has none).
  public static func isSourceFile(_ path: String) -> Bool {
    isSourceFile(path, extensions: recognized)
  }

  /// Whether the last component of `path` ends with one of `extensions`
  /// (lowercase, without the dot).
  public static func isSourceFile(_ path: String, extensions: Set<String>) -> Bool {
    let utf8 = path.utf8
    guard let dot = utf8.lastIndex(of: UInt8(ascii: ".")) else { return false }
    // The dot must be inside the last component, and not its first byte.
    let slash = utf8.lastIndex(of: UInt8(ascii: "/"))
    if let slash, slash >= dot { return false }
    let start = slash.map { utf8.index(after: $0) } ?? utf8.startIndex
    guard dot != start else { return false }
    let suffix = utf8[utf8.index(after: dot)...]
    guard !suffix.isEmpty, suffix.count <= 8 else { return false }
    let lowered = String(
      decoding: suffix.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    return extensions.contains(lowered)
  }
}
