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
    /// The reports to run, in order.
    public var reports: [ReportDefinition]
    /// The output folder: each report writes into a subfolder named after its id.
    public var outputFolder: String
    /// Formats overriding the definitions', if given.
    public var formats: [String]?
    /// The default number of reports run at once.
    public var jobs: Int
    /// Every definition and cluster file the manifest names (for the run record).
    public var inputFiles: [String]

    /// Reads a manifest file.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` (`reportDefinition`, with line and column)
    ///   for a broken manifest, and the errors of the definitions and cluster files it names.
    public static func load(file path: String) throws -> BatchManifest {
        let text = try DefinitionText.read(path)
        let root = try YAMLSource.compose(text, file: path, errorCode: .reportDefinition)
        return try BatchManifestReader(file: path).manifest(in: root)
    }
}

/// Reads batch manifests with errors at their line and column.
struct BatchManifestReader: YAMLReader {
    let file: String
    let errorCode = IndicatorsError.Code.reportDefinition
    private var folder: String { (file as NSString).deletingLastPathComponent }

    init(file: String) {
        self.file = file
    }

    func manifest(in root: Node?) throws -> BatchManifest {
        guard let root, case .mapping(let mapping) = root else {
            throw IndicatorsError(
                errorCode, "expected a mapping with reports, or template and clusters", file: file, line: 1, column: 1)
        }
        let fields = try keyedValues(
            of: mapping, allowed: ["reports", "template", "clusters", "outputs", "jobs"], in: "of a batch manifest")
        var reports: [ReportDefinition] = []
        var inputs: [String] = []
        if let list = fields["reports"] {
            for node in try items(list, expected: "report definitions", example: "Reports/demo/demo.yaml") {
                let path = resolve(try text(YAMLField(name: "a report", key: nil, value: node), expected: "a path"))
                inputs.append(path)
                reports.append(try ReportDefinitionReader.load(file: path))
            }
        }
        switch (fields["template"], fields["clusters"]) {
        case (let template?, let clusters?):
            let templatePath = resolve(try text(template, expected: "a report definition"))
            inputs.append(templatePath)
            let base = try ReportDefinitionReader.load(file: templatePath)
            for node in try items(clusters, expected: "cluster files", example: "clusters/*.yaml") {
                let pattern = try text(YAMLField(name: "a cluster file", key: nil, value: node), expected: "a path")
                let files = ReportDefinitionReader.expand(resolve(pattern))
                guard !files.isEmpty else { throw error("\"\(pattern)\" matches no cluster file", node) }
                for clusterFile in files {
                    inputs.append(clusterFile)
                    var definition = base
                    definition.clusters = try ClusterDefinitionLoader.load(file: clusterFile)
                    let stem = ((clusterFile as NSString).lastPathComponent as NSString).deletingPathExtension
                    definition.id = "\(base.id)-\(stem)"
                    definition.title = "\(base.title) — \(stem)"
                    reports.append(definition)
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
