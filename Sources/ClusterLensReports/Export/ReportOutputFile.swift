internal import ClusterLensImport
internal import ClusterLensSupport
internal import Foundation

/// Opening and committing the atomic output files of exporters, with their errors as ``ReportError``.
enum ReportOutputFile {
    /// Writes one file atomically: `body` fills a temporary file that is renamed onto `path` only
    /// when `body` returns; on a throw the temporary file is removed and `path` is untouched.
    static func write(_ path: String, _ body: (OutputFile) throws -> Void) throws(ReportError) {
        do {
            let output = try OutputFile(destination: path)
            try body(output)
            try output.commit()
        } catch let error as ReportError {
            throw error
        } catch let error as FileError {
            throw ReportError(.output, error.message, file: error.path, underlying: error)
        } catch {
            throw ReportError(.output, "\(error)", file: path)
        }
    }

    /// A hidden temporary path beside `path` (`folder/.NAME.TAG-PID-UUID`), for writers that create
    /// their own file (libxml2's writer, an external plug-in) before ``moveIntoPlace(_:_:)``.
    static func temporary(beside path: String, tag: String = "tmp") -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(tag)-\(getpid())-\(UUID().uuidString)"
        let temporary = url.deletingLastPathComponent().appendingPathComponent(name).path
        TemporaryFiles.register(temporary)  // removed if the run is interrupted
        return temporary
    }

    /// Renames a finished `temporary` file onto `path`; on failure the temporary file is removed and
    /// `path` keeps what it held.
    static func moveIntoPlace(_ temporary: String, _ path: String) throws(ReportError) {
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            TemporaryFiles.remove(temporary)
            throw ReportError(.output, "cannot rename into place: \(reason)", file: path)
        }
        TemporaryFiles.unregister(temporary)
    }

    /// `folder/name.ext`.
    static func path(_ folder: String, _ name: String, _ fileExtension: String) -> String {
        (folder.hasSuffix("/") ? folder : folder + "/") + name + "." + fileExtension
    }
}

/// The `json` format: the report model as JSON, valid against
/// `Reports/schema/clusterlens-report.schema.json`.
public struct JSONReportExporter: Exporter {
    public let format = "json"
    public let summary = "the report model as JSON (Reports/schema/clusterlens-report.schema.json)"

    /// Creates the exporter.
    public init() {}

    public func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String] {
        let path = ReportOutputFile.path(folder, name, "json")
        try ReportOutputFile.write(path) { output in try ReportJSONWriter.write(model, to: output) }
        return [path]
    }
}
