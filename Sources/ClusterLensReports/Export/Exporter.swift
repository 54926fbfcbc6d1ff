/// An output format of reports: a plug-in that writes a ``ReportModel`` to files.
///
/// Built-in exporters are listed explicitly in ``ExporterRegistry``; any executable named
/// `clusterlens-export-NAME` on `PATH` or in a plug-in folder is the format `NAME`
/// (``ExternalExporter``). An exporter writes each file to a temporary file and renames it into
/// place when complete, so a failure never leaves a half-written file in place of a good one.
public protocol Exporter: Sendable {
    /// The format name used in definitions and on the command line (`xml`, `csv`, …).
    var format: String { get }
    /// One line saying what it writes.
    var summary: String { get }

    /// Writes the report.
    ///
    /// - Parameters:
    ///   - model: The report.
    ///   - folder: The output folder (it exists).
    ///   - name: The file name without extension.
    /// - Returns: The paths written.
    /// - Throws: ``ReportError`` (`output` or `exporter`); files already in place stay as they were.
    func export(_ model: ReportModel, folder: String, name: String) throws(ReportError) -> [String]
}

/// What writing one format gave: the files, or the error.
public struct ExportOutcome: Sendable {
    /// The format.
    public var format: String
    /// The files written.
    public var paths: [String]
    /// The failure, `nil` on success.
    public var error: ReportError?
}

/// The exporters available to a run: the built-in formats, then external plug-ins.
public struct ExporterRegistry: Sendable {
    /// The built-in exporters, in the order `--format` lists them by default.
    public static let builtIns: [any Exporter] = [
        XMLReportExporter(), JSONReportExporter(), CSVReportExporter(), HTMLReportExporter(), XLSXReportExporter(),
    ]

    /// Folders searched for `clusterlens-export-NAME` before `PATH`.
    public var pluginFolders: [String]
    /// The `PATH` to search (`nil`: no search of `PATH`).
    public var searchPath: String?

    /// Creates a registry.
    public init(pluginFolders: [String] = [], searchPath: String?) {
        self.pluginFolders = pluginFolders
        self.searchPath = searchPath
    }

    /// The exporter of a format: a built-in, else an external plug-in found in the plug-in folders or on `PATH`.
    ///
    /// - Throws: ``ReportError`` (`format`) naming the built-in formats when there is none.
    public func exporter(for format: String) throws(ReportError) -> any Exporter {
        if let builtIn = Self.builtIns.first(where: { $0.format == format }) { return builtIn }
        let valid =
            !format.isEmpty
            && format.unicodeScalars.allSatisfy {
                $0.properties.isAlphabetic || "0123456789-_".unicodeScalars.contains($0)
            }
        if valid, let executable = ExternalExporter.find(format: format, folders: pluginFolders, path: searchPath) {
            return ExternalExporter(format: format, executable: executable)
        }
        let names = Self.builtIns.map(\.format).joined(separator: ", ")
        throw ReportError(
            .format,
            "no exporter for format \"\(format)\": the built-in formats are \(names); a plug-in is an executable "
                + "named clusterlens-export-\(format) on PATH")
    }
}
