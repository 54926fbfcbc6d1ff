import ClusterLensCore
internal import Yams

/// Walks the YAML tree of a cluster definition file and builds the definitions, reporting every
/// problem at the line and column of the node that causes it.
struct ClusterDefinitionReader: YAMLReader {
    typealias Field = YAMLField
    let errorCode = IndicatorsError.Code.clusterDefinition

    static let allowedKeys = ["id", "name", "regions", "sectors", "reference", "peers", "members", "initiatives"]
    static let requiredKeys = ["id", "regions", "sectors", "reference"]

    /// The file, as errors name it.
    let file: String
    /// The folder of the file, without a trailing `/`; empty when the file has no folder.
    let folder: String

    init(file: String) {
        self.file = file
        if let slash = file.lastIndex(of: "/") {
            folder = slash == file.startIndex ? "/" : String(file[..<slash])
        } else {
            folder = ""
        }
    }

    /// The clusters of a document.
    func clusters(in root: Node?) throws(IndicatorsError) -> [ClusterDefinition] {
        guard let root else {
            throw IndicatorsError(
                .clusterDefinition, "the file is empty: expected `clusters:` with a list of clusters", file: file,
                line: 1, column: 1)
        }
        guard case .mapping(let top) = root else {
            throw error(
                "expected `clusters:` with a list of clusters at the top of the file, found \(kind(root))", root)
        }
        let fields = try keyedValues(of: top, allowed: ["clusters"], in: "at the top of the file")
        guard let list = fields["clusters"] else {
            throw error("no `clusters:`: the top of the file must hold `clusters:` with a list of clusters", root)
        }
        return try clusters(list: list.value)
    }

    /// The clusters of a list node (the value of `clusters:`).
    func clusters(list: Node) throws(IndicatorsError) -> [ClusterDefinition] {
        guard case .sequence(let items) = list else {
            throw error("clusters must be a list of clusters, not \(kind(list))", list)
        }
        guard !items.isEmpty else {
            throw error("clusters is empty: the file must define at least one cluster", list)
        }
        var definitions: [ClusterDefinition] = []
        var firstLines: [String: Int] = [:]
        for item in items {
            let (definition, idNode) = try cluster(item)
            if let line = firstLines[definition.id] {
                throw error("duplicate cluster id \"\(definition.id)\" (first defined on line \(line))", idNode)
            }
            firstLines[definition.id] = idNode.mark?.line ?? 0
            definitions.append(definition)
        }
        return definitions
    }

    /// One cluster, and the node of its id.
    private func cluster(_ node: Node) throws(IndicatorsError) -> (ClusterDefinition, Node) {
        guard case .mapping(let mapping) = node else {
            throw error("a cluster must be a mapping with id, regions, sectors and reference, not \(kind(node))", node)
        }
        let fields = try keyedValues(of: mapping, allowed: Self.allowedKeys, in: "in a cluster")
        func required(_ key: String) throws(IndicatorsError) -> Field {
            if let field = fields[key] { return field }
            let which = fields["id"].flatMap { $0.value.scalar?.string }.map { "cluster \"\($0)\"" } ?? "the cluster"
            throw error("\(which) has no `\(key)` (required: \(Self.requiredKeys.joined(separator: ", ")))", node)
        }
        let idField = try required("id")
        let regionsField = try required("regions")
        let sectorsField = try required("sectors")
        let referenceField = try required("reference")

        let id = try identifier(idField, expected: "an identifier such as es51-automotive")
        var name = id
        if let field = fields["name"] {
            name = try text(field, expected: "a text such as Catalonia automotive")
        }
        let regions = try regionCodes(regionsField, allowEmpty: false)
        let sectors = try sectorCodes(sectorsField)
        let reference = try code(referenceField, expected: "a NUTS code or an aggregate such as EU27_2020") {
            text throws(CoreError) in try NUTSCode(text)
        }
        var peers: [NUTSCode] = []
        if let field = fields["peers"] {
            peers = try regionCodes(field, allowEmpty: true)
        }
        var members: String?
        if let field = fields["members"] {
            members = resolve(try text(field, expected: "the path of a member-firm survey file"))
        }
        var initiatives: String?
        if let field = fields["initiatives"] {
            initiatives = resolve(try text(field, expected: "the path of an initiative ledger file"))
        }
        let definition = ClusterDefinition(
            id: id, name: name, regions: RegionSet(regions), sectors: SectorSet(sectors), reference: reference,
            peers: peers, membersPath: members, initiativesPath: initiatives)
        return (definition, idField.value)
    }

    // MARK: - Values

    /// The NACE codes of `sectors`.
    func sectorCodes(_ field: Field) throws(IndicatorsError) -> [NACECode] {
        let nodes = try items(field, expected: "NACE Rev. 2 codes", example: "C29, C22.2")
        guard !nodes.isEmpty else {
            throw error("sectors is empty: a cluster needs at least one NACE Rev. 2 code", field.value)
        }
        var codes: [NACECode] = []
        for node in nodes {
            let item = Field(name: "an item of sectors", key: nil, value: node)
            let sector = try code(item, expected: "a NACE Rev. 2 code") { text throws(CoreError) in try NACECode(text) }
            codes.append(sector)
        }
        return codes
    }

    /// The NUTS regions of `regions` or `peers`; aggregates are rejected.
    private func regionCodes(_ field: Field, allowEmpty: Bool) throws(IndicatorsError) -> [NUTSCode] {
        let nodes = try items(field, expected: "NUTS codes", example: "ES51")
        guard allowEmpty || !nodes.isEmpty else {
            throw error("\(field.name) is empty: a cluster needs at least one NUTS region", field.value)
        }
        var codes: [NUTSCode] = []
        for node in nodes {
            let item = Field(name: "an item of \(field.name)", key: nil, value: node)
            let region = try code(item, expected: "a NUTS code") { text throws(CoreError) in try NUTSCode(text) }
            guard !region.isAggregate else {
                let hint = field.name == "regions" ? " (an aggregate can be the reference)" : ""
                throw error("\(region.code) is an aggregate of countries, not a NUTS region\(hint)", node)
            }
            codes.append(region)
        }
        return codes
    }

    /// A code parsed from a single value, with the parser's explanation at the value when it is invalid.
    private func code<Code>(
        _ field: Field, expected: String, parse: (String) throws(CoreError) -> Code
    ) throws(IndicatorsError) -> Code {
        let text = try text(field, expected: expected)
        do {
            return try parse(text)
        } catch {
            throw self.error(error.message, field.value)
        }
    }

    // MARK: - Helpers

    /// A path from the file, resolved against the file's folder unless absolute.
    private func resolve(_ path: String) -> String {
        if path.hasPrefix("/") || folder.isEmpty { return path }
        return folder.hasSuffix("/") ? folder + path : folder + "/" + path
    }

}
