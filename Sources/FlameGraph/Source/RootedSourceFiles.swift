#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Source lines read from files under a few source folders (roots), and
/// from nowhere else, whatever a profile names.
///
/// A profile is untrusted: its frames may name `/etc/passwd:1`,
/// `../../secret.py:1`, a FIFO or a 60 MB file. This provider:
///
/// - reads only files under its roots, each canonicalized once (symbolic
///   links resolved) when it is made; a name is looked up inside a root
///   component by component, and a `..` or a symbolic link leading out of
///   the root is refused without looking at where it leads;
/// - never opens an absolute name as written: `/home/ci/app/x.py` is
///   looked up as the name inside a root when it lies there, else by its
///   trailing components, longest first (`home/ci/app/x.py`, `ci/app/x.py`,
///   `app/x.py`, `x.py`), each in every root in order;
/// - reads only regular files whose name has a source extension
///   (``SourceFileExtensions``), opened without following a final link and
///   without blocking, then checked on the descriptor; refuses binary files
///   (a NUL byte in the first 8 KiB); never reads `<frozen ...>`,
///   `<string>` or other `<...>` pseudo-files;
/// - reads each file once, however many ways frames spell it (`/a/./f`,
///   `a//f`), and looks each spelling up once;
/// - stays within ``SourceFileLimits``: bytes per file and in total, the
///   number of distinct names looked up, the length of a name and of a line.
///
/// What it could not give is counted in ``diagnostics``, by kind, naming
/// files only as the profile wrote them, so a warning says nothing of what
/// exists outside the roots.
///
/// ```swift
/// let sources = RootedSourceFiles(roots: ["Examples", "."])
/// sources.line(4, inFile: "example.py")       // "    return np.zeros((1024, 1024, 50))"
/// sources.line(4, inFile: "/ci/example.py")   // the same line, matched by suffix
/// sources.line(1, inFile: "/etc/passwd")      // nil: not a source file
/// sources.line(1, inFile: "../../secret.py")  // nil: outside the roots
/// ```
public final class RootedSourceFiles: SourceLineProvider, @unchecked Sendable {
  /// The roots that exist, canonical, in lookup order (duplicates dropped).
  public let roots: [String]
  /// The bounds applied.
  public let limits: SourceFileLimits
  /// The extensions of files read (lowercase, without the dot).
  public let extensions: Set<String>

  private let resolvers: [RootedPathResolver]
  private let lock = SourceFilesLock()
  // Everything below is guarded by `lock`.
  private var lookupsByName: [String: Lookup] = [:]
  private var lookupsByPath: [String: Lookup] = [:]
  private var texts: [SourceFileText] = []
  private var currentDiagnostics = SourceDiagnostics()
  private var readCount = 0
  private var readBytes = 0

  /// What one name or canonical path gave.
  private enum Lookup {
    case text(Int)
    case pseudoFile
    case missing
    case refused(SourceRefusal)
  }

  /// A provider reading under `roots` (folders, relative to the current
  /// directory or absolute), looked up in this order. Roots that are not
  /// existing folders are ignored.
  public init(
    roots: [String], limits: SourceFileLimits = SourceFileLimits(),
    extensions: Set<String> = SourceFileExtensions.recognized
  ) {
    var canonical: [String] = []
    for root in roots {
      if let folder = RootedPathResolver.canonicalFolder(root), !canonical.contains(folder) {
        canonical.append(folder)
      }
    }
    self.roots = canonical
    self.limits = limits
    self.extensions = extensions
    resolvers = canonical.map(RootedPathResolver.init(canonicalRoot:))
  }

  /// The line as written in the file (indentation included, line ending
  /// excluded, at most ``SourceFileLimits/maximumLineBytes``), or nil.
  public func line(_ number: Int, inFile file: String) -> String? {
    lock.withLock {
      guard case .text(let index) = lookUp(file) else { return nil }
      guard let line = texts[index].line(number, maximumBytes: limits.maximumLineBytes) else {
        currentDiagnostics.recordLineOutOfRange()
        return nil
      }
      return line
    }
  }

  /// What could not be given so far.
  public var diagnostics: SourceDiagnostics { lock.withLock { currentDiagnostics } }

  /// How many files were opened to be read: at most one per canonical file.
  public var filesRead: Int { lock.withLock { readCount } }

  /// How many bytes were read, over all files.
  public var bytesRead: Int { lock.withLock { readBytes } }

  // MARK: Looking up

  /// The file a name stands for, looked up once per name; counts what
  /// could not be given.
  private func lookUp(_ file: String) -> Lookup {
    if let known = lookupsByName[file] { return known }
    guard lookupsByName.count < limits.maximumFileNames else {
      currentDiagnostics.recordRefusal(.tooManyFiles)
      return .refused(.tooManyFiles)
    }
    let lookup = find(file)
    lookupsByName[file] = lookup
    switch lookup {
    case .missing: currentDiagnostics.recordMissingFile(file)
    case .refused(let reason): currentDiagnostics.recordRefusal(reason)
    case .text, .pseudoFile: break
    }
    return lookup
  }

  private func find(_ file: String) -> Lookup {
    if file.isEmpty || file.hasPrefix("<") { return .pseudoFile }
    guard file.utf8.count <= limits.maximumNameBytes, !file.utf8.contains(0),
      SourceFileExtensions.isSourceFile(file, extensions: extensions)
    else { return .refused(.notSource) }
    var sawOutside = false
    var sawNotRegular = false
    for (resolver, components) in candidates(for: file) {
      switch resolvers[resolver].resolve(components) {
      case .file(let path, let status): return read(path, status: status)
      case .outside: sawOutside = true
      case .notRegular: sawNotRegular = true
      case .missing: continue
      }
    }
    if sawOutside { return .refused(.outsideRoots) }
    return sawNotRegular ? .refused(.notText) : .missing
  }

  /// Where to look for a name, in order: a relative name in each root; an
  /// absolute one inside the root it lies in, then by trailing components,
  /// longest first.
  private func candidates(for file: String) -> [(resolver: Int, components: ArraySlice<Substring>)]
  {
    let split = file.split(separator: "/")
    guard file.hasPrefix("/") else { return resolvers.indices.map { ($0, split[...]) } }
    // The name is only a name: `..` is applied to it as text, never looked up.
    var components: [Substring] = []
    for component in split where component != "." {
      if component == ".." {
        _ = components.popLast()
      } else {
        components.append(component)
      }
    }
    var candidates: [(resolver: Int, components: ArraySlice<Substring>)] = []
    for (index, resolver) in resolvers.enumerated() {
      if let inside = resolver.componentsInside(absolute: components) {
        candidates.append((index, inside))
      }
    }
    let longest = min(components.count, limits.maximumSuffixComponents)
    for length in stride(from: longest, through: 1, by: -1) {
      for index in resolvers.indices {
        candidates.append((index, components.suffix(length)))
      }
    }
    return candidates
  }

  /// Reads a file found under a root, once per canonical path.
  private func read(_ path: String, status: stat) -> Lookup {
    if let known = lookupsByPath[path] { return known }
    let lookup: Lookup
    let size = Int(status.st_size)
    let left = limits.maximumTotalBytes - readBytes
    if !SourceFileExtensions.isSourceFile(path, extensions: extensions) {
      // A link inside a root may give a source name to another file.
      lookup = .refused(.notSource)
    } else if size > limits.maximumFileBytes || size > left {
      lookup = .refused(.tooLarge)
    } else {
      readCount += 1
      let (outcome, bytesRead) = SourceFileReader.load(
        path, expected: status, maximumBytes: min(limits.maximumFileBytes, left))
      readBytes += bytesRead
      switch outcome {
      case .text(let text):
        texts.append(text)
        lookup = .text(texts.count - 1)
      case .refused(let reason):
        lookup = .refused(reason)
      }
    }
    lookupsByPath[path] = lookup
    return lookup
  }
}
