// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "swift-flamegraph",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "FlameGraph", targets: ["FlameGraph"]),
    .library(name: "FlameGraphSVG", targets: ["FlameGraphSVG"]),
    .library(name: "FlameGraphCairo", targets: ["FlameGraphCairo"]),
    .library(name: "FlameGraphJSON", targets: ["FlameGraphJSON"]),
    .library(name: "FlameGraphFormats", targets: ["FlameGraphFormats"]),
    .executable(name: "flamegraph", targets: ["flamegraph"]),
    .plugin(name: "RenderFlamegraphs", targets: ["RenderFlamegraphs"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
  ],
  targets: [
    .target(name: "FlameGraph"),
    .target(
      name: "FlameGraphSVG", dependencies: ["FlameGraph"],
      resources: [
        .embedInCode("Resources/linear-regex.js"), .embedInCode("Resources/viewer-state.js"),
        .embedInCode("Resources/viewer-model.js"), .embedInCode("Resources/viewer-abbreviation.js"),
        .embedInCode("Resources/viewer-layout.js"),
        .embedInCode("Resources/viewer-drawing.js"), .embedInCode("Resources/viewer-search.js"),
        .embedInCode("Resources/viewer-views.js"), .embedInCode("Resources/viewer-controls.js"),
        .embedInCode("Resources/flamegraph.css"),
      ]),
    .systemLibrary(
      name: "CCairo", pkgConfig: "cairo",
      providers: [.apt(["libcairo2-dev", "libpng-dev", "fonts-dejavu-core"]), .brew(["cairo"])]),
    .target(name: "FlameGraphCairo", dependencies: ["FlameGraph", "CCairo"]),
    .target(name: "FlameGraphJSON", dependencies: ["FlameGraph"]),
    .target(
      name: "FlameGraphFormats",
      dependencies: ["FlameGraph", "FlameGraphSVG", "FlameGraphCairo", "FlameGraphJSON"]),
    .target(
      name: "FlameGraphCLI",
      dependencies: [
        "FlameGraph", "FlameGraphSVG", "FlameGraphCairo", "FlameGraphJSON", "FlameGraphFormats",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "flamegraph", dependencies: ["FlameGraphCLI"]),
    .executableTarget(
      name: "flamegraph-fuzz",
      dependencies: ["FlameGraph", "FlameGraphSVG", "FlameGraphJSON", "FlameGraphCairo"]),
    .plugin(
      name: "UpdateGoldens",
      capability: .command(
        intent: .custom(
          verb: "update-goldens", description: "Regenerate Goldens/ from Goldens/goldens.tsv"),
        permissions: [
          .writeToPackageDirectory(reason: "The goldens are files of the package.")
        ]),
      dependencies: ["flamegraph"]),
    .plugin(
      name: "RenderFlamegraphs",
      capability: .command(
        intent: .custom(
          verb: "render-flamegraphs",
          description: "Render the profiles of flamegraphs.tsv (or a folder) for documentation"),
        permissions: [
          .writeToPackageDirectory(reason: "The images are files of the package's documentation.")
        ]),
      dependencies: ["flamegraph"]),
    .target(
      name: "FlameGraphTestSupport", dependencies: ["FlameGraph", "CCairo"],
      path: "Tests/FlameGraphTestSupport"),
    .testTarget(
      name: "FlameGraphTests", dependencies: ["FlameGraph", "FlameGraphTestSupport"],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "FlameGraphSVGTests",
      dependencies: ["FlameGraph", "FlameGraphSVG", "FlameGraphTestSupport"]),
    .testTarget(
      name: "FlameGraphCairoTests",
      dependencies: [
        "FlameGraph", "FlameGraphCairo", "FlameGraphSVG", "CCairo", "FlameGraphTestSupport",
      ]),
    .testTarget(
      name: "FlameGraphJSONTests", dependencies: ["FlameGraph", "FlameGraphJSON", "FlameGraphSVG"]),
    .testTarget(
      name: "FlameGraphCLITests",
      dependencies: [
        "FlameGraphCLI", "FlameGraph", "FlameGraphSVG", "FlameGraphCairo", "FlameGraphFormats",
        "FlameGraphTestSupport",
      ]),
  ]
)
