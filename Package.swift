// swift-tools-version:6.1
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "ClusterLens",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ClusterLensCore", targets: ["ClusterLensCore"]),
        .library(name: "ClusterLensImport", targets: ["ClusterLensImport"]),
        .library(name: "ClusterLensIndicators", targets: ["ClusterLensIndicators"]),
        .library(name: "ClusterLensReports", targets: ["ClusterLensReports"]),
        .executable(name: "clusterlens", targets: ["clusterlens"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ClusterLensXML", dependencies: ["CLibXML2"], swiftSettings: strictSettings),
        .target(name: "ClusterLensCore", swiftSettings: strictSettings),
        .target(
            name: "ClusterLensImport",
            dependencies: ["ClusterLensCore", "ClusterLensXML", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ClusterLensIndicators",
            dependencies: ["ClusterLensCore", "ClusterLensImport", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ClusterLensReports",
            dependencies: [
                "ClusterLensCore", "ClusterLensImport", "ClusterLensIndicators", "ClusterLensXML",
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "clusterlens",
            dependencies: [
                "ClusterLensCore", "ClusterLensImport", "ClusterLensIndicators", "ClusterLensReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ClusterLensCoreTests", dependencies: ["ClusterLensCore"], swiftSettings: strictSettings),
        .testTarget(name: "ClusterLensXMLTests", dependencies: ["ClusterLensXML"], swiftSettings: strictSettings),
        .testTarget(
            name: "ClusterLensImportTests",
            dependencies: ["ClusterLensImport", "ClusterLensCore"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensIndicatorsTests",
            dependencies: ["ClusterLensIndicators", "ClusterLensCore"],
            exclude: ["StoreFixtures"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensReportsTests",
            dependencies: [
                "ClusterLensReports", "ClusterLensIndicators", "ClusterLensCore", "ClusterLensXML", "ClusterLensImport",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ClusterLensCLITests",
            dependencies: ["clusterlens"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
