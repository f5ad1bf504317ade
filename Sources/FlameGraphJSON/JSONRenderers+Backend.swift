import FlameGraph

extension SceneJSONRenderer {
  /// The `json` format: the scene, with the SVG's labels.
  public static let backend = OutputBackend(
    name: "json", summary: "the scene as JSON: every frame box as layout made it",
    fileExtensions: ["json"], tooltipMinimumWidth: { _ in .infinity },
    writer: .scene { _ in SceneJSONRenderer() })
}

extension TreeJSONRenderer {
  /// The `tree` format: the merged call tree as nested JSON.
  public static let backend = OutputBackend(
    name: "tree", summary: "the merged call tree as nested {name, value, children} JSON",
    fileExtensions: ["tree.json"], readsDrawnNodesOnly: true,
    writer: .profile { TreeJSONRenderer() })
}

extension SpeedscopeRenderer {
  /// The `speedscope` format: speedscope's file format.
  public static let backend = OutputBackend(
    name: "speedscope", summary: "speedscope's file format",
    fileExtensions: ["speedscope.json"], writer: .profile { SpeedscopeRenderer() })
}
