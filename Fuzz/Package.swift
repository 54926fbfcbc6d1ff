// swift-tools-version:6.1
// libFuzzer targets for ClusterLens's readers (issue 15). A package of its own, so that the main
// package's build and tests never see the sanitizer flags: Scripts/fuzz builds it with
// `-sanitize=fuzzer,address` and runs one target (see Fuzz/README.md).
import PackageDescription

let package = Package(
    name: "ClusterLensFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "ClusterLens", path: "..")],
    targets: [
        .executableTarget(
            name: "clusterlens-fuzz",
            dependencies: [
                .product(name: "ClusterLensCore", package: "ClusterLens"),
                .product(name: "ClusterLensImport", package: "ClusterLens"),
                .product(name: "ClusterLensIndicators", package: "ClusterLens"),
                .product(name: "ClusterLensReports", package: "ClusterLens"),
            ],
            path: "Sources/clusterlens-fuzz",
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        )
    ],
    swiftLanguageModes: [.v6]
)
