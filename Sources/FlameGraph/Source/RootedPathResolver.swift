#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Resolves a path relative to one source folder as the kernel would
/// (symbolic links followed, `..` applied after them), while never looking
/// at anything outside the folder: each component is examined with `lstat`
/// inside it, and a link or a `..` that would leave it ends the walk.
///
/// Invariant: `root` is canonical (absolute, no symbolic link, no `.` or
/// `..`), so every path built here is inside the folder itself.
struct RootedPathResolver {
  /// What a relative path turned out to be.
  enum Outcome {
    /// A regular file, with its canonical path and what `lstat` said.
    case file(path: String, status: stat)
    /// Something that is not a regular file (a folder, a FIFO, a device).
    case notRegular
    /// Nothing there (or a loop of symbolic links).
    case missing
    /// The path leads outside the folder; what is there was not looked at.
    case outside
  }

  /// The most symbolic links followed for one path, as Linux's MAXSYMLINKS.
  static let maximumLinks = 40

  /// The canonical folder.
  let root: String
  private let rootComponents: [Substring]

  /// A resolver inside `root`, which must be canonical (see `realpath`).
  init(canonicalRoot root: String) {
    self.root = root
    rootComponents = root.split(separator: "/")
  }

  /// The canonical form of an existing folder, or nil.
  static func canonicalFolder(_ path: String) -> String? {
    guard !path.isEmpty, !path.utf8.contains(0), let resolved = realpath(path, nil) else {
      return nil
    }
    defer { free(resolved) }
    let canonical = String(cString: resolved)
    var status = stat()
    guard stat(canonical, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR else { return nil }
    return canonical
  }

  /// Where `absolute` (already split on `/`) leads once inside the folder:
  /// the components after the folder's own, or nil when it does not start
  /// with them.
  func componentsInside(absolute components: [Substring]) -> ArraySlice<Substring>? {
    guard components.count >= rootComponents.count,
      components.prefix(rootComponents.count).elementsEqual(rootComponents)
    else { return nil }
    return components.dropFirst(rootComponents.count)
  }

  /// Follows `relative` inside the folder.
  func resolve(_ relative: some Collection<Substring>) -> Outcome {
    var resolved: [Substring] = []
    // Components still to walk, last first, so links can push theirs.
    var pending = Array(relative.reversed())
    var links = 0
    var last: stat? = nil
    while let component = pending.popLast() {
      if component.isEmpty || component == "." { continue }
      if component == ".." {
        guard !resolved.isEmpty else { return .outside }
        resolved.removeLast()
        last = nil
        continue
      }
      let path = join(resolved + [component])
      var status = stat()
      // A component that is not a folder makes the next lstat fail (ENOTDIR).
      guard lstat(path, &status) == 0 else { return .missing }
      guard (status.st_mode & S_IFMT) == S_IFLNK else {
        resolved.append(component)
        last = status
        continue
      }
      links += 1
      guard links <= Self.maximumLinks, let target = Self.readLink(path) else { return .missing }
      let targetComponents = target.split(separator: "/")
      if target.hasPrefix("/") {
        guard let inside = componentsInside(absolute: targetComponents) else { return .outside }
        resolved = []
        pending.append(contentsOf: inside.reversed())
      } else {
        pending.append(contentsOf: targetComponents.reversed())
      }
      last = nil
    }
    guard !resolved.isEmpty else { return .notRegular }  // the folder itself
    let path = join(resolved)
    var status = stat()
    if let last {
      status = last
    } else if lstat(path, &status) != 0 {
      return .missing
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else { return .notRegular }
    return .file(path: path, status: status)
  }

  private func join(_ components: [Substring]) -> String {
    (root == "/" ? "" : root) + "/" + components.joined(separator: "/")
  }

  private static func readLink(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count > 0 else { return nil }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
