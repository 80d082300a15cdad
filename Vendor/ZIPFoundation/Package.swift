// swift-tools-version:5.9
// ZIPFoundation 0.9.20 (https://github.com/weichsel/ZIPFoundation, commit a5c5011f), MIT licence (LICENSE), with one
// change, marked "achyk:" in Sources/ZIPFoundation/Data+Compression.swift: on Linux, a deflated part whose stream the
// file ends before looped forever at full speed (the fix of the project's open pull request 389). Drop this copy for
// the mirrored package once a release has that fix. Only what achyk builds on Linux is kept (no Apple resources).
import PackageDescription

let package = Package(
    name: "ZIPFoundation",
    products: [
        .library(name: "ZIPFoundation", targets: ["ZIPFoundation"])
    ],
    targets: [
        .systemLibrary(name: "CZLib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ZIPFoundation", dependencies: ["CZLib"], cSettings: [.define("_GNU_SOURCE", to: "1")]),
    ],
    swiftLanguageVersions: [.v5]
)
