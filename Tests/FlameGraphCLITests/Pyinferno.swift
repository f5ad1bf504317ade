import FlameGraphTestSupport
import Foundation

/// inferno itself (0.11, default options only), through pyinferno's
/// compiled module, loaded without its package's other imports as
/// `../shared/bench/inferno_svg.py` does.
enum Pyinferno {
  static let script = """
    import glob, importlib.util, os, site, sys
    roots = site.getsitepackages() + [site.getusersitepackages()]
    hits = [h for r in roots for h in glob.glob(os.path.join(r, "pyinferno", "pyinferno*.so"))]
    if not hits: sys.exit(3)
    spec = importlib.util.spec_from_file_location("pyinferno", hits[0])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    lines = open(sys.argv[1], encoding="utf-8", errors="replace").read().splitlines()
    sys.stdout.write(module.flamegraph_from_lines(lines, "Flame Graph"))
    """

  /// inferno's SVG of a file, or nil when pyinferno is not installed.
  static func svg(_ path: String) throws -> String? {
    let result = try ToolOutput.run(["python3", "-c", script, path])
    return result.status == 0 ? result.output : nil
  }

  /// Whether pyinferno is installed (`python3 -m pip install pyinferno==0.2.6`).
  static let isInstalled =
    (try? svg(RepositoryPaths.file("Tests/Compatibility/inputs/checksum.folded").path)) != nil
}
