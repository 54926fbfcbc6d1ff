public import Foundation

/// Where the tests find the package's files and the workspace's shared corpus.
public enum TestPaths {
    /// The package root (two levels above `Tests/ClusterLensTestSupport/`).
    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A path inside the package, e.g. `Reports/demo/demo.yaml`.
    public static func package(_ relativePath: String) -> String {
        packageRoot.appendingPathComponent(relativePath).path
    }

    /// The importer's hand-written fixtures, `Tests/ClusterLensImportTests/Fixtures`.
    public static let importFixtures = packageRoot.appendingPathComponent("Tests/ClusterLensImportTests/Fixtures")

    /// A fixture of the importer given relative to `Fixtures/`, e.g. `data/v21-ss.xml`.
    public static func importFixture(_ relativePath: String) -> String {
        importFixtures.appendingPathComponent(relativePath).path
    }

    /// The workspace's shared corpus (`../shared/corpus` beside the package), `nil` when absent (a
    /// user's clone): tests that use it skip with a note.
    public static let sharedCorpus: URL? = {
        let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        return FileManager.default.fileExists(atPath: corpus.path) ? corpus : nil
    }()
}

/// A fresh folder under the system's temporary folder, removed by ``remove()``.
public struct TemporaryFolder: Sendable {
    /// The folder's path.
    public let url: URL

    /// Creates the folder.
    public init(prefix: String = "clusterlens-test") throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of `name` inside the folder.
    public func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Writes `text` to `name` inside the folder and returns its path.
    @discardableResult
    public func write(_ text: String, to name: String) throws -> String {
        let path = self.path(name)
        try FileManager.default.createDirectory(
            atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// The names of the files in the folder, sorted.
    public func fileNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
    }

    /// The files that look like the atomic writer's temporary files (`.NAME.tmp-PID-N`).
    public func temporaryOutputFiles() throws -> [String] {
        try fileNames().filter { $0.hasPrefix(".") && $0.contains(".tmp-") }
    }

    /// Removes the folder and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
