// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ClusterLens",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "ClusterLensCore", targets: ["ClusterLensCore"]),
        .library(name: "ClusterLensImport", targets: ["ClusterLensImport"]),
        .library(name: "ClusterLensIndicators", targets: ["ClusterLensIndicators"]),
        .library(name: "ClusterLensScoring", targets: ["ClusterLensScoring"]),
        .library(name: "ClusterLensReports", targets: ["ClusterLensReports"]),
        .executable(name: "clusterlens", targets: ["clusterlens"]),
        .executable(name: "clusterlens-run-report", targets: ["clusterlens-run-report"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // System libraries: a module map and a shim header each, nothing else.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Not named CZlib: ZIPFoundation's own zlib module has that name.
        .systemLibrary(
            name: "CClusterLensZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CLibCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),

        // The vocabulary, no I/O.
        .target(name: "ClusterLensCore", swiftSettings: strictSettings),
        // The only module that imports libxml2.
        .target(name: "ClusterLensXML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
        // File helpers every module may use (package access): atomic outputs, CSV, JSON text, hashing, time stamps.
        .target(name: "ClusterLensSupport", dependencies: ["CLibCrypto"], swiftSettings: strictSettings),
        // Every input format behind one importer door; feeds.
        .target(
            name: "ClusterLensImport",
            dependencies: ["ClusterLensCore", "ClusterLensXML", "ClusterLensSupport", "CClusterLensZlib", "CLibCurl"],
            swiftSettings: strictSettings
        ),
        // Clusters, the store, the formula language, the catalogue, the engine, built-in indicators.
        .target(
            name: "ClusterLensIndicators",
            dependencies: [
                "ClusterLensCore", "ClusterLensImport", "ClusterLensSupport", .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        // Composite scores, uncertainty, benchmarks, progress: typed input, Core only.
        .target(name: "ClusterLensScoring", dependencies: ["ClusterLensCore"], swiftSettings: strictSettings),
        // Report definitions, the run entry point, the typed model, exporters, batch runs.
        .target(
            name: "ClusterLensReports",
            dependencies: [
                "ClusterLensCore", "ClusterLensImport", "ClusterLensIndicators", "ClusterLensScoring", "ClusterLensXML",
                "ClusterLensSupport", .product(name: "Yams", package: "Yams"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "clusterlens",
            dependencies: [
                "ClusterLensCore", "ClusterLensImport", "ClusterLensIndicators", "ClusterLensScoring",
                "ClusterLensReports", "ClusterLensSupport", "ClusterLensXML",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        // The README's example: a Swift script that runs a report with one import (built and run by a test).
        .executableTarget(
            name: "clusterlens-run-report", dependencies: ["ClusterLensReports"], path: "Examples/RunReport",
            swiftSettings: strictSettings),

        // Tests: one target per module, shared helpers, end-to-end CLI tests.
        .target(
            name: "ClusterLensTestSupport",
            dependencies: ["ClusterLensCore"],
            path: "Tests/ClusterLensTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensCoreTests", dependencies: ["ClusterLensCore", "ClusterLensTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(name: "ClusterLensXMLTests", dependencies: ["ClusterLensXML"], swiftSettings: strictSettings),
        .testTarget(
            name: "ClusterLensSupportTests", dependencies: ["ClusterLensSupport", "ClusterLensTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ClusterLensImportTests",
            dependencies: ["ClusterLensImport", "ClusterLensCore", "ClusterLensSupport", "ClusterLensTestSupport"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensIndicatorsTests",
            dependencies: [
                "ClusterLensIndicators", "ClusterLensImport", "ClusterLensCore", "ClusterLensSupport",
                "ClusterLensTestSupport", .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["StoreFixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensScoringTests", dependencies: ["ClusterLensScoring", "ClusterLensCore"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ClusterLensReportsTests",
            dependencies: [
                "ClusterLensReports", "ClusterLensIndicators", "ClusterLensScoring", "ClusterLensCore",
                "ClusterLensXML", "ClusterLensImport", "ClusterLensSupport", "ClusterLensTestSupport",
                .product(name: "Yams", package: "Yams"),
            ],
            exclude: ["MapFixtures", "LargeReportFixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensCLITests",
            dependencies: ["clusterlens", "clusterlens-run-report", "ClusterLensTestSupport"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
