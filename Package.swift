// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "swift-flamegraph",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "FlameGraph", targets: ["FlameGraph"]),
    .library(name: "FlameGraphSVG", targets: ["FlameGraphSVG"]),
    .executable(name: "flamegraph", targets: ["flamegraph"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    .target(name: "FlameGraph"),
    .target(name: "FlameGraphSVG", dependencies: ["FlameGraph"]),
    .target(
      name: "FlameGraphCLI",
      dependencies: [
        "FlameGraph", "FlameGraphSVG",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "flamegraph", dependencies: ["FlameGraphCLI"]),
    .testTarget(name: "FlameGraphTests", dependencies: ["FlameGraph"]),
    .testTarget(name: "FlameGraphSVGTests", dependencies: ["FlameGraph", "FlameGraphSVG"]),
    .testTarget(
      name: "FlameGraphCLITests", dependencies: ["FlameGraphCLI", "FlameGraph", "FlameGraphSVG"]),
  ]
)
