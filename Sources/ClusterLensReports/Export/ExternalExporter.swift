internal import ClusterLensImport
internal import ClusterLensSupport
internal import Foundation

/// An exporter plug-in: an executable `clusterlens-export-NAME` that writes the format `NAME`.
///
/// It receives the report model as JSON (the `json` format, ``ReportJSONWriter``) on standard input
/// and, as its only argument, the path to write. ClusterLens passes a temporary path beside the
/// destination `FOLDER/NAME_OF_REPORT.NAME` and renames it into place only when the plug-in exits
/// with status 0 having written it; otherwise the error gives the exit status and the plug-in's
/// standard error, and an earlier file at the destination stays as it was.
public struct ExternalExporter: Exporter {
    public let format: String
    /// The plug-in's path.
    public let executable: String
    public var summary: String { "external plug-in \(executable)" }

    /// Creates the exporter of a plug-in.
    public init(format: String, executable: String) {
        self.format = format
        self.executable = executable
    }

    /// The plug-in of `format`: `clusterlens-export-FORMAT` in `folders`, then in `path`'s folders,
    /// the first that is an executable file.
    public static func find(format: String, folders: [String], path: String?) -> String? {
        // A format is one file name: `../x` would find an executable outside the folders.
        guard FileName.problem(format) == nil else { return nil }
        let name = "clusterlens-export-\(format)"
        let searched = folders + (path ?? "").split(separator: ":").map(String.init)
        for folder in searched where !folder.isEmpty {
            let candidate = (folder as NSString).appendingPathComponent(name)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
                FileManager.default.isExecutableFile(atPath: candidate)
            {
                return candidate
            }
        }
        return nil
    }

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, format)
        let input = ReportOutputFile.temporary(beside: path, tag: "model")
        let temporary = ReportOutputFile.temporary(beside: path)
        defer {
            unlink(input)
            unlink(temporary)
        }
        try ReportOutputFile.write(input) { output in try ReportJSONWriter.write(model, to: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [temporary]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        guard let standardInput = FileHandle(forReadingAtPath: input) else {
            throw ReportError(.exporter, "cannot reopen the model for the plug-in", file: input)
        }
        defer { try? standardInput.close() }
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            throw ReportError(.exporter, "cannot run the plug-in \(executable): \(error.localizedDescription)")
        }
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let message = String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let how =
                process.terminationReason == .exit
                ? "exited with status \(process.terminationStatus)"
                : "was killed by signal \(process.terminationStatus)"
            throw ReportError(
                .exporter, "plug-in \(executable) \(how)" + (message.isEmpty ? "" : ": \(message)"), file: path)
        }
        guard FileManager.default.fileExists(atPath: temporary) else {
            throw ReportError(.exporter, "plug-in \(executable) exited with status 0 but wrote no file", file: path)
        }
        try ReportOutputFile.moveIntoPlace(temporary, path)
        return [path]
    }
}
