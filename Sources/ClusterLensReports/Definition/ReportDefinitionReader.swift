internal import ClusterLensCore
internal import ClusterLensImport
public import ClusterLensIndicators
internal import ClusterLensScoring
internal import ClusterLensSupport
internal import Foundation
package import Yams

/// Reads report definition files, with every error at the line and column of its node.
///
/// ```yaml
/// id: demo
/// title: Six European clusters, triple bottom line
/// clusters: clusters.yaml            # a cluster file, or a list of clusters written here
/// data: [data/*.xml, more/]          # files, folders (their .xml/.csv files), globs, and feeds
///                                    # (URLs or provider:flow/key, fetched through the cache)
/// indicators: [all]                  # ids, pillars (economic…), transition tags (green…), or all
/// periods: 2015-2023                 # latest (default), a year, or a range of years
/// peers: [ES52]                      # optional: added to every cluster's peer regions
/// composite: {…}                     # composite-score settings (see README, "Composite scores")
/// uncertainty: {samples: 500, …}     # Monte Carlo over the composite choices (optional)
/// targets: […]                       # policy targets for the progress assessment
/// indicator-folders: [my-indicators] # further indicator files
/// total-sector: B-S_X_O_S94          # the all-sector code of the data (default TOTAL)
/// decimals: 2                        # CSV and HTML round to this many decimals (default: automatic)
/// bindings:                          # replace an input's bindings in every indicator
///   employment: {dataflow: my_sbs, filters: {indicator: EMP}, or: [{dataflow: …}]}
/// roles:                             # which dimension plays which role, per dataflow
///   my_sbs: {geography: region, sector: activity, time: year}
/// shared-value: {scorecard: my-scorecard.yaml, minimum_firms: 5}   # optional (README, "Shared value")
/// outputs:
///   formats: [xml, json, csv, html]
///   folder: out                      # relative to this file
///   name: "{id}"                     # file name without extension
/// ```
public struct ReportDefinitionReader: YAMLReader {
    public let file: String
    public let errorCode = IndicatorsError.Code.reportDefinition
    private let folder: String

    static let allowedKeys = [
        "id", "title", "clusters", "data", "indicators", "periods", "peers", "composite", "uncertainty", "targets",
        "indicator-folders", "outputs", "total-sector", "bindings", "roles", "shared-value", "decimals",
    ]

    /// A reader for the definition at `file` (errors name it; paths resolve against its folder).
    public init(file: String) {
        self.file = file
        folder = (file as NSString).deletingLastPathComponent
    }

    /// Reads the definition file at `path`.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` — `unreadable` for a missing file,
    ///   `reportDefinition` (with line and column) for a broken one, `clusterDefinition` for a broken
    ///   cluster file; ``ReportError`` (`source`) when `data:` names nothing that exists.
    public static func load(file path: String) throws -> ReportDefinition {
        let text = try DefinitionText.read(path)
        let root = try YAMLSource.compose(text, file: path, errorCode: .reportDefinition)
        return try ReportDefinitionReader(file: path).definition(in: root)
    }

    /// The definition in a parsed document.
    package func definition(in root: Node?) throws -> ReportDefinition {
        guard let root, case .mapping(let mapping) = root else {
            throw IndicatorsError(
                errorCode, "expected a mapping with id, title, clusters, data and outputs", file: file,
                line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1)
        }
        let fields = try keyedValues(of: mapping, allowed: Self.allowedKeys, in: "of a report definition")
        for key in ["id", "clusters", "data"] where fields[key] == nil {
            throw error("missing `\(key):` (a report needs id, clusters and data)", root)
        }
        func field(_ key: String) -> YAMLField { fields[key] ?? YAMLField(name: key, key: nil, value: root) }
        let id = try text(field("id"), expected: "an id")
        if let problem = FileName.problem(id) {
            throw error("the id \"\(id)\" names the report's files and folder, but \(problem)", field("id").value)
        }
        let title = fields["title"] == nil ? id : try text(field("title"), expected: "a title")
        var clusters = try self.clusters(field("clusters"))
        if let peersField = fields["peers"] {
            var peers: [NUTSCode] = []
            for node in try items(peersField, expected: "NUTS codes", example: "ES52, ITC4") {
                let code = try text(YAMLField(name: "a peer", key: nil, value: node), expected: "a NUTS code")
                do { peers.append(try NUTSCode(code)) } catch { throw self.error(error.message, node) }
            }
            for index in clusters.indices {
                for peer in peers where !clusters[index].peers.contains(peer) { clusters[index].peers.append(peer) }
            }
        }
        let (data, feeds) = try dataSources(field("data"))
        var indicators = ["all"]
        var locations = ReportDefinition.Locations()
        if let indicatorsField = fields["indicators"] {
            let nodes = try items(indicatorsField, expected: "indicator ids, pillars or tags", example: "all")
            indicators = try nodes.map { node throws(IndicatorsError) in
                try text(YAMLField(name: "an indicator", key: nil, value: node), expected: "an id, pillar or tag")
            }
            locations.indicators = nodes.map(place)
        }
        let periods = try fields["periods"].map { field throws(IndicatorsError) in try self.periods(field) } ?? .latest
        var folders: [String] = []
        if let foldersField = fields["indicator-folders"] {
            for node in try items(foldersField, expected: "folders", example: "my-indicators") {
                folders.append(
                    resolve(try text(YAMLField(name: "a folder", key: nil, value: node), expected: "a path")))
            }
        }
        let settingsReader = CompositeSettingsReader(file: file)
        let composite = try fields["composite"].map { field throws(IndicatorsError) in
            try settingsReader.settings(from: field.value)
        }
        let scoring = try fields["composite"].map { field throws(IndicatorsError) in
            try settingsReader.scoringScope(from: field.value)
        }
        let uncertainty = try fields["uncertainty"].map { field throws(IndicatorsError) in
            try settingsReader.uncertainty(from: field.value)
        }
        var definition = ReportDefinition(
            id: id, title: title, file: file, clusters: clusters, dataFiles: data, indicators: indicators,
            periods: periods, composite: composite ?? CompositeSettings(), uncertainty: uncertainty,
            outputFolder: resolve("out"), indicatorFolders: folders)
        if let field = fields["targets"] {
            let located = try TargetsReader(file: file).locatedTargets(in: field.value)
            definition.targets = located.map(\.target)
            locations.targets = located.map(\.location)
        }
        definition.feeds = feeds
        definition.scoring = scoring ?? ScoringScope()
        if let outputs = fields["outputs"] { try self.outputs(outputs, into: &definition) }
        if let total = fields["total-sector"] {
            let code = try text(total, expected: "a sector code")
            guard (try? NACECode(code)) != nil else {
                throw error(
                    "total-sector \"\(code)\" is not a NACE code or aggregate (e.g. TOTAL, B-S_X_O_S94)", total.value)
            }
            definition.totalSector = code
        }
        if let bindings = fields["bindings"] {
            definition.bindings = try self.bindings(bindings)
            if case .mapping(let mapping) = bindings.value {
                for (key, _) in mapping { locations.bindings[key.string ?? ""] = place(key) }
            }
        }
        if let roles = fields["roles"] { try self.roles(roles, into: &definition.roles) }
        if let field = fields["shared-value"] {
            definition.sharedValue = try SharedValueSettingsReader(file: file).settings(from: field.value)
        }
        if let decimals = fields["decimals"] { definition.decimals = try self.decimals(decimals) }
        definition.locations = locations
        return definition
    }

    private func clusters(_ field: YAMLField) throws -> [ClusterDefinition] {
        switch field.value {
        case .scalar:
            let path = resolve(try text(field, expected: "a cluster file or a list of clusters"))
            return try ClusterDefinitionLoader.load(file: path)
        case .sequence:
            return try ClusterDefinitionLoader.load(list: field.value, file: file)
        default:
            throw error("clusters must be a cluster file or a list of clusters, not \(kind(field.value))", field.value)
        }
    }

    /// The files of `data:` — each item a file, a folder (its `.xml` and `.csv` files) or a glob —
    /// and its feeds (URLs and `provider:flow/key`, checked here, fetched later).
    private func dataSources(_ field: YAMLField) throws -> (files: [String], feeds: [String]) {
        var files: [String] = []
        var feeds: [String] = []
        for node in try items(field, expected: "files, folders, globs or feeds", example: "data/*.xml") {
            let pattern = try text(YAMLField(name: "a data source", key: nil, value: node), expected: "a path")
            if FeedSource.isFeed(pattern) {
                do { _ = try FeedSource(pattern) } catch { throw self.error(error.message, node) }
                feeds.append(pattern)
                continue
            }
            let path = resolve(pattern)
            let matches = DataFiles.expand(path)
            guard !matches.isEmpty else {
                if let reason = DataFiles.whyUnreadable(path) {
                    // A named file or folder: the same status and line as from every other command,
                    // with the definition's place after it.
                    let fileError = FileError(.unreadable, path: path, message: reason)
                    throw IndicatorsError(
                        .unreadable, "\(fileError) (data: in \(place(node)))", underlying: fileError)
                }
                throw error("\"\(pattern)\" matches no file (resolved against \(folder.isEmpty ? "." : folder))", node)
            }
            for match in matches where !files.contains(match) { files.append(match) }
        }
        return (files, feeds)
    }

    private func periods(_ field: YAMLField) throws(IndicatorsError) -> ReportDefinition.Periods {
        let value = try text(field, expected: "latest, a year such as 2021, or a range such as 2015-2023")
        do {
            return try ReportDefinition.Periods(value)
        } catch {
            throw self.error(error.message, field.value)
        }
    }

    private func outputs(_ field: YAMLField, into definition: inout ReportDefinition) throws(IndicatorsError) {
        guard case .mapping(let mapping) = field.value else {
            throw error("outputs must be a mapping with formats, folder and name", field.value)
        }
        let fields = try keyedValues(of: mapping, allowed: ["formats", "folder", "name"], in: "of outputs")
        if let formats = fields["formats"] {
            definition.formats = try items(formats, expected: "formats", example: "xml, json, csv, html").map {
                node throws(IndicatorsError) in
                let format = try text(YAMLField(name: "a format", key: nil, value: node), expected: "a format name")
                if let problem = FileName.problem(format) {
                    throw error("the format \"\(format)\" names a plug-in file, but \(problem)", node)
                }
                return format
            }
        }
        if let folder = fields["folder"] { definition.outputFolder = resolve(try text(folder, expected: "a folder")) }
        if let name = fields["name"] {
            let pattern = try text(name, expected: "a file name such as {id}")
            guard !pattern.contains("/") else { throw error("name is a file name, without a folder", name.value) }
            if let problem = FileName.problem(pattern.replacingOccurrences(of: "{id}", with: "id")) {
                throw error("name \"\(pattern)\" is a file name, but \(problem)", name.value)
            }
            definition.outputName = pattern
        }
    }

    /// `bindings:` — input name → `{dataflow, filters, or: [{dataflow, filters}]}`.
    private func bindings(_ field: YAMLField) throws(IndicatorsError) -> [String: [StoreInput]] {
        guard case .mapping(let mapping) = field.value else {
            throw error("bindings must map input names to {dataflow, filters}", field.value)
        }
        var result: [String: [StoreInput]] = [:]
        for (key, value) in mapping {
            guard case .scalar(let name) = key else { throw error("an input name is a plain name", key) }
            guard case .mapping(let spec) = value else {
                throw error("the binding of \(name.string) is a mapping with dataflow and filters", value)
            }
            let inputs = try bindings(of: spec, at: value, name: name.string, allowsMembers: false).bindings.compactMap
            {
                $0.storeInput(additive: true)
            }
            result[name.string] = inputs
        }
        return result
    }

    /// `roles:` — dataflow → `{geography: ID, sector: ID, time: ID}`.
    private func roles(_ field: YAMLField, into roles: inout DimensionRoles) throws(IndicatorsError) {
        guard case .mapping(let mapping) = field.value else {
            throw error("roles must map dataflows to {geography, sector, time}", field.value)
        }
        for (key, value) in mapping {
            guard case .scalar(let dataflow) = key, case .mapping(let spec) = value else {
                throw error("roles map a dataflow id to {geography: ID, sector: ID, time: ID}", key)
            }
            let parts = try keyedValues(of: spec, allowed: ["geography", "sector", "time"], in: "of roles")
            for (roleName, part) in parts {
                guard let role = DimensionRoles.Role(rawValue: roleName) else { continue }
                roles.override(role, dimension: try text(part, expected: "a dimension id"), dataflow: dataflow.string)
            }
        }
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") || folder.isEmpty ? path : (folder as NSString).appendingPathComponent(path)
    }
}
