import ArgumentParser
import ClusterLensCore
import ClusterLensImport
import ClusterLensReports
internal import ClusterLensSupport
import Foundation

/// `clusterlens report DEFINITION [--out DIR] [--format xml,csv,json,html]`.
struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Build one report from a definition file and write it in every format asked.",
        discussion: """
            DEFINITION is a report definition (YAML; see Reports/demo/demo.yaml). Paths in it are relative to \
            it. Each format is written on its own, to a temporary file renamed into place: a failing format never \
            stops the others nor damages an earlier report. A format that is not built in (xml, json, csv, html) \
            is an external plug-in: an executable clusterlens-export-NAME in a --plugins folder or on PATH, which \
            reads the report as JSON on standard input and writes the path it is given.
            """)

    @Argument(help: ArgumentHelp("A report definition file (YAML).", valueName: "DEFINITION"))
    var definition: String

    @OptionGroup var output: ReportOutputOptions
    @OptionGroup var feeds: FeedOptions

    func run() async throws {
        try await output.build(definitionFile: definition, fetcher: feeds.fetcher())
    }
}

/// The options every report-writing command shares, and the run itself.
struct ReportOutputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The output folder (default: the definition's outputs.folder).", valueName: "DIR"))
    var out: String?

    @Option(help: ArgumentHelp("Formats, comma-separated (default: the definition's).", valueName: "FORMATS"))
    var format: String?

    @Option(
        name: .customLong("plugins"),
        help: ArgumentHelp("A folder of exporter plug-ins, searched before PATH; repeatable.", valueName: "DIR"))
    var pluginFolders: [String] = []

    @Flag(help: "Print nothing on standard output (errors and warnings still go to standard error).")
    var quiet = false

    /// Runs the report through the library's one entry point (``ReportRunner``): a progress bar on a
    /// terminal, each warning on standard error as it comes, one line per file written, and a count of
    /// the warnings.
    @discardableResult
    func build(definitionFile: String, fetcher: FeedFetcher) async throws -> ReportOutcome {
        let terminal = TerminalProgress()
        let printer = WarningPrinter { terminal.clear() }
        let diagnostics = Diagnostics { printer.print($0) }
        defer { terminal.clear() }
        do {
            var runner = ReportRunner(pluginFolders: pluginFolders, fetcher: fetcher)
            runner.progress = terminal.handler
            let formats = format.map {
                $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let outcome = try await runner.run(
                definitionFile: definitionFile, outputFolder: out, formats: formats, diagnostics: diagnostics)
            terminal.clear()
            for export in outcome.exports where export.error == nil && !quiet {
                for path in export.paths { print("\(export.format)\t\(path)") }
            }
            Self.summarise(outcome.diagnostics, withheld: printer.withheld)
            for error in outcome.errors { ExitStatus.report(error) }
            if let first = outcome.errors.first { throw ExitCode(ExitStatus.code(for: first)) }
            return outcome
        } catch let error as ExitCode {
            throw error
        } catch {
            throw ExitStatus.fail(error)
        }
    }

    /// One closing line on standard error when the run warned: how many, and where to read them again.
    static func summarise(_ diagnostics: [Diagnostic], withheld: Int = 0) {
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        guard warnings > 0 else { return }
        let notPrinted = withheld > 0 ? " (\(withheld) not printed above)" : ""
        ExitStatus.printError(
            "\(warnings) warning\(warnings == 1 ? "" : "s")\(notPrinted); the report's data-quality section lists them")
    }
}

/// `clusterlens demo [--out DIR]`: the demo report on the bundled synthetic data.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the demo report (Reports/demo: six clusters, synthetic Eurostat-shaped data) in every format.",
        discussion: """
            The demo data are synthetic: they have the shapes of Eurostat's SDMX-ML 2.1 dataflows the indicators \
            bind to, with plausible magnitudes, flags and gaps, but they are not Eurostat figures. The files go to \
            ./clusterlens-demo unless --out says otherwise.
            """)

    @OptionGroup var output: ReportOutputOptions

    func run() async throws {
        guard let reports = ReportRunner.bundledReportsFolder else {
            ExitStatus.printError("error: the Reports folder is not found (set CLUSTERLENS_REPORTS)")
            throw ExitCode(3)
        }
        var output = output
        if output.out == nil { output.out = "clusterlens-demo" }
        let definition = (reports as NSString).appendingPathComponent("demo/demo.yaml")
        let outcome = try await output.build(
            definitionFile: definition, fetcher: FeedFetcher(cache: FeedCache(folder: FeedCache.defaultFolder)))
        if !output.quiet { print(Self.whatToOpen(outcome.files)) }
    }

    /// The line that says which file to open: the HTML page (as a path and a file URL), and the workbook.
    static func whatToOpen(_ files: [String]) -> String {
        guard let page = files.first(where: { $0.hasSuffix(".html") }) else {
            return "The demo is written; see the files above."
        }
        let url = URL(fileURLWithPath: page).standardizedFileURL.absoluteString
        var text = "Open \(page) in a browser (\(url))"
        if let book = files.first(where: { $0.hasSuffix(".xlsx") }) { text += "; the Excel workbook is \(book)" }
        return text + "."
    }
}

/// `clusterlens validate FILE...`: report files against the shipped schemas.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check report files (XML or JSON) against the schemas in Reports/schema.",
        discussion: """
            XML reports are validated against clusterlens-report.xsd with libxml2, JSON reports against \
            clusterlens-report.schema.json. Each file gets one line, `FILE: valid` or its errors; the exit status \
            is 12 when a file is invalid, 3 when one cannot be read.
            """)

    @Argument(help: ArgumentHelp("Report files.", valueName: "FILE"))
    var files: [String]

    @Option(help: ArgumentHelp("The folder of the schemas (default: Reports/schema).", valueName: "DIR"))
    var schemas: String?

    func run() throws {
        guard
            let folder = schemas
                ?? ReportRunner.bundledReportsFolder.map({
                    ($0 as NSString).appendingPathComponent("schema")
                })
        else {
            ExitStatus.printError("error: the Reports/schema folder is not found (use --schemas)")
            throw ExitCode(3)
        }
        let validator = ReportValidator(schemaFolder: folder)
        var status: Int32 = 0
        for file in files {
            do {
                let result = try validator.validate(file: file)
                if result.issues.isEmpty {
                    print("\(file): valid (\(result.kind))")
                } else {
                    for issue in result.issues { print("\(file): \(issue)") }
                    status = max(status, 12)
                }
            } catch {
                ExitStatus.report(error)
                status = max(status, ExitStatus.code(for: error))
            }
        }
        if status != 0 { throw ExitCode(status) }
    }
}
