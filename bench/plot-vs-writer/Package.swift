// swift-tools-version: 6.1
import PackageDescription

// A benchmark kept apart from achyk: it renders the same page with JohnSundell/Plot and with a minimal
// string writer, on one thread, and prints the median time per page of each.
let package = Package(
    name: "plot-vs-writer",
    dependencies: [
        .package(url: "https://github.com/JohnSundell/Plot", exact: "0.14.0"),
    ],
    targets: [
        .executableTarget(
            name: "plot-vs-writer",
            dependencies: [.product(name: "Plot", package: "Plot")]
        ),
    ]
)
