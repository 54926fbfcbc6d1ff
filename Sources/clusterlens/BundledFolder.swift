import Foundation

/// Where the tool finds the folders it ships with (`Indicators/`, `Reports/`): an environment
/// variable, else the folder in the current directory, else the package's own folder (a tool run
/// from its build directory with `swift run`).
enum BundledFolder {
    /// The folder `name`, or `nil` when none exists.
    ///
    /// - Parameters:
    ///   - name: `Indicators` or `Reports`.
    ///   - variable: The environment variable that overrides it (`CLUSTERLENS_INDICATORS`, …).
    static func path(_ name: String, variable: String) -> String? {
        let manager = FileManager.default
        if let value = ProcessInfo.processInfo.environment[variable] { return value }
        if manager.fileExists(atPath: name) { return name }
        let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(name).path
        return manager.fileExists(atPath: packageFolder) ? packageFolder : nil
    }
}
