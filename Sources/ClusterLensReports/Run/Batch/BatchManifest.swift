internal import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensSupport
internal import Foundation
internal import Yams

/// A batch: many reports run together, each data file read once.
///
/// ```yaml
/// # Either report definitions, run as they are …
/// reports: [Reports/demo/demo.yaml, Reports/other.yaml]
/// # … or one template applied to each cluster file (the report id becomes TEMPLATE-ID-FILE-STEM):
/// template: Reports/demo/demo.yaml
/// clusters: [clusters/*.yaml]
/// # Optional:
/// outputs: {folder: batch-out, formats: [json, csv]}   # each report in FOLDER/REPORT-ID/
/// jobs: 2                                              # default for --jobs
/// ```
/// Paths are relative to the manifest; `clusters` takes files and globs.
public struct BatchManifest: Sendable {
    /// The manifest file.
    public var file: String
    /// The reports to run, in order: each read definition, or the error that kept it from being read
    /// (a failing report never stops the others).
    public var reports: [BatchReport]
    /// The output folder: each report writes into a subfolder named after its id.
    public var outputFolder: String
    /// Formats overriding the definitions', if given.
    public var formats: [String]?
    /// The default number of reports run at once.
    public var jobs: Int
    /// Every definition and cluster file the manifest names (for the run record).
    public var inputFiles: [String]

    /// The definitions that could be read.
    public var definitions: [ReportDefinition] { reports.compactMap { try? $0.definition.get() } }

    /// Reads a manifest file.
    ///
    /// A definition or cluster file that cannot be read becomes a failed report of the batch (its
    /// error is kept), unless `failFast` is set.
    ///
    /// - Parameter failFast: Throw the first error of a definition or cluster file instead.
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`reportDefinition`, with line and column)
    ///   for a broken manifest; with `failFast`, the errors of the definitions and cluster files it names.
    public static func load(file path: String, failFast: Bool = false) throws -> BatchManifest {
        let text = try DefinitionText.read(path)
        let root = try YAMLSource.compose(text, file: path, errorCode: .reportDefinition)
        return try BatchManifestReader(file: path, failFast: failFast).manifest(in: root)
    }
}

/// One report of a batch: its definition, or why it could not be read.
public struct BatchReport: Sendable {
    /// The report id: the definition's, or the file's name when the definition cannot be read.
    public var id: String
    /// The definition file (the template's for a report made from a cluster file).
    public var file: String
    /// The definition, or the error that kept it from being read.
    public var definition: Result<ReportDefinition, any Error>

    /// Creates an entry.
    public init(id: String, file: String, definition: Result<ReportDefinition, any Error>) {
        self.id = id
        self.file = file
        self.definition = definition
    }
}

/// Reads batch manifests with errors at their line and column.
struct BatchManifestReader: YAMLReader {
    let file: String
    let failFast: Bool
    let errorCode = IndicatorsError.Code.reportDefinition
    private var folder: String { (file as NSString).deletingLastPathComponent }

    init(file: String, failFast: Bool) {
        self.file = file
        self.failFast = failFast
    }

    /// The entry of a definition read by `read`, or of its error (thrown instead with `failFast`).
    private func entry(id: String, file: String, _ read: () throws -> ReportDefinition) throws -> BatchReport {
        do {
            let definition = try read()
            return BatchReport(id: definition.id, file: file, definition: .success(definition))
        } catch {
            if failFast { throw error }
            return BatchReport(id: id, file: file, definition: .failure(error))
        }
    }

    private static func stem(_ path: String) -> String {
        ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    }

    func manifest(in root: Node?) throws -> BatchManifest {
        guard let root, case .mapping(let mapping) = root else {
            throw IndicatorsError(
                errorCode, "expected a mapping with reports, or template and clusters", file: file, line: 1, column: 1)
        }
        let fields = try keyedValues(
            of: mapping, allowed: ["reports", "template", "clusters", "outputs", "jobs"], in: "of a batch manifest")
        var reports: [BatchReport] = []
        var inputs: [String] = []
        if let list = fields["reports"] {
            for node in try items(list, expected: "report definitions", example: "Reports/demo/demo.yaml") {
                let path = resolve(try text(YAMLField(name: "a report", key: nil, value: node), expected: "a path"))
                inputs.append(path)
                reports.append(
                    try entry(id: Self.stem(path), file: path) { try ReportDefinitionReader.load(file: path) })
            }
        }
        switch (fields["template"], fields["clusters"]) {
        case (let template?, let clusters?):
            let templatePath = resolve(try text(template, expected: "a report definition"))
            inputs.append(templatePath)
            let base: Result<ReportDefinition, any Error>
            do {
                base = .success(try ReportDefinitionReader.load(file: templatePath))
            } catch {
                if failFast { throw error }
                base = .failure(error)
            }
            for node in try items(clusters, expected: "cluster files", example: "clusters/*.yaml") {
                let pattern = try text(YAMLField(name: "a cluster file", key: nil, value: node), expected: "a path")
                let files = DataFiles.expand(resolve(pattern))
                guard !files.isEmpty else { throw error("\"\(pattern)\" matches no cluster file", node) }
                for clusterFile in files {
                    inputs.append(clusterFile)
                    let stem = Self.stem(clusterFile)
                    let id = (try? base.get().id).map { "\($0)-\(stem)" } ?? "\(Self.stem(templatePath))-\(stem)"
                    reports.append(
                        try entry(id: id, file: templatePath) {
                            var definition = try base.get()
                            definition.clusters = try ClusterDefinitionLoader.load(file: clusterFile)
                            definition.id = "\(definition.id)-\(stem)"
                            definition.title = "\(definition.title) — \(stem)"
                            return definition
                        })
                }
            }
        case (nil, nil):
            break
        case (let template?, nil):
            throw error(
                "a template needs `clusters:` (the cluster files it is applied to)", template.key ?? template.value)
        case (nil, let clusters?):
            throw error("`clusters:` needs a `template:` report definition", clusters.key ?? clusters.value)
        }
        guard !reports.isEmpty else {
            throw error("the manifest names no report (reports, or template and clusters)", root)
        }
        var seen: Set<String> = []
        for report in reports where !seen.insert(report.id).inserted {
            throw error("two reports have the id \"\(report.id)\"; their outputs would collide", root)
        }
        var folder = resolve("batch-out")
        var formats: [String]?
        if let outputs = fields["outputs"] {
            guard case .mapping(let outputMapping) = outputs.value else {
                throw error("outputs must be a mapping with folder and formats", outputs.value)
            }
            let keys = try keyedValues(of: outputMapping, allowed: ["folder", "formats"], in: "of outputs")
            if let value = keys["folder"] { folder = resolve(try text(value, expected: "a folder")) }
            if let value = keys["formats"] {
                formats = try items(value, expected: "formats", example: "json, csv").map {
                    node throws(IndicatorsError) in
                    try text(YAMLField(name: "a format", key: nil, value: node), expected: "a format")
                }
            }
        }
        var jobs = 1
        if let value = fields["jobs"] {
            let number = try text(value, expected: "a whole number ≥ 1")
            guard let parsed = Int(number), parsed >= 1 else {
                throw error("jobs must be a whole number ≥ 1", value.value)
            }
            jobs = parsed
        }
        return BatchManifest(
            file: file, reports: reports, outputFolder: folder, formats: formats, jobs: jobs, inputFiles: inputs)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
