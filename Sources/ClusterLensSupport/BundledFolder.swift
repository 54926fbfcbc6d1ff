internal import Foundation

/// Where ClusterLens finds the folders it ships with (`Indicators/`, `Reports/`): an environment
/// variable, else the folder in the current directory, else the package's own folder (a tool or a
/// script run from its build directory with `swift run`), else `share/clusterlens/` beside the
/// executable's folder (the release archive of `Scripts/release`: `bin/clusterlens`).
package enum BundledFolder {
    /// The folder `name`, or `nil` when none exists.
    ///
    /// - Parameters:
    ///   - name: `Indicators` or `Reports`.
    ///   - variable: The environment variable that overrides it (`CLUSTERLENS_INDICATORS`, …).
    package static func path(_ name: String, variable: String) -> String? {
        let manager = FileManager.default
        if let value = ProcessInfo.processInfo.environment[variable] { return value }
        if manager.fileExists(atPath: name) { return name }
        let packageFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(name).path
        if manager.fileExists(atPath: packageFolder) { return packageFolder }
        guard let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() else { return nil }
        let released = executable.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/clusterlens").appendingPathComponent(name).path
        return manager.fileExists(atPath: released) ? released : nil
    }

    /// The bundled indicator catalogue: `$CLUSTERLENS_INDICATORS`, `./Indicators` or the package's.
    package static var indicators: String? { path("Indicators", variable: "CLUSTERLENS_INDICATORS") }

    /// The bundled reports folder (schemas, the demo): `$CLUSTERLENS_REPORTS`, `./Reports` or the package's.
    package static var reports: String? { path("Reports", variable: "CLUSTERLENS_REPORTS") }
}
