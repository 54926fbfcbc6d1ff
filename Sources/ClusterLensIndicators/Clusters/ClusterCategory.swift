public import ClusterLensCore
internal import ClusterLensSupport
internal import Foundation
internal import Yams

/// A cluster category: a named set of sectors that `clusterlens map` rates in every region (the
/// categories of the European Cluster Observatory or the U.S. Cluster Mapping Project).
public struct ClusterCategory: Sendable, Equatable {
    /// The identifier (letters, digits, `-`, `_`, `.`), unique in its file.
    public var id: String
    /// The name.
    public var name: String
    /// The sectors.
    public var sectors: SectorSet
    /// How closely the sectors approximate the category (`good`, `coarse`, `poor`, `none`), when said.
    public var approximation: String?
    /// What the approximation loses, when said.
    public var note: String?

    /// Creates a category.
    public init(id: String, name: String, sectors: SectorSet, approximation: String? = nil, note: String? = nil) {
        self.id = id
        self.name = name
        self.sectors = sectors
        self.approximation = approximation
        self.note = note
    }

    /// The shipped category set: the 51 traded clusters at NACE division level
    /// (`Indicators/categories/traded-clusters.yaml`), `nil` when the bundled files are not found.
    public static var bundledFile: String? {
        BundledFolder.indicators.map { ($0 as NSString).appendingPathComponent("categories/traded-clusters.yaml") }
    }

    /// Reads the categories of a YAML file:
    ///
    /// ```yaml
    /// categories:
    ///   - id: automotive            # required; unique
    ///     name: Automotive          # optional; defaults to the id
    ///     sectors: [C29]            # required: NACE Rev. 2 codes
    ///     approximation: good       # optional: good, coarse, poor or none
    ///     note: parts made in other divisions are left out   # optional
    /// ```
    ///
    /// - Throws: ``IndicatorsError`` — `.unreadable` when the file cannot be read, `.clusterDefinition`
    ///   at the line and column of what breaks the format.
    public static func load(file path: String) throws(IndicatorsError) -> [ClusterCategory] {
        let root = try YAMLSource.compose(DefinitionText.read(path), file: path, errorCode: .clusterDefinition)
        return try ClusterDefinitionReader(file: path).categories(in: root)
    }
}

extension ClusterDefinitionReader {
    /// The approximation grades a category may state.
    static let approximations = ["good", "coarse", "poor", "none"]

    /// The categories of a document.
    func categories(in root: Node?) throws(IndicatorsError) -> [ClusterCategory] {
        guard let root, case .mapping(let top) = root else {
            throw IndicatorsError(
                errorCode, "expected `categories:` with a list of categories", file: file,
                line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1)
        }
        let fields = try keyedValues(of: top, allowed: ["categories"], in: "at the top of the file")
        guard let list = fields["categories"], case .sequence(let items) = list.value, !items.isEmpty else {
            throw error("`categories:` must be a list of at least one category", fields["categories"]?.value ?? root)
        }
        var categories: [ClusterCategory] = []
        var lines: [String: Int] = [:]
        for item in items {
            guard case .mapping(let mapping) = item else {
                throw error("a category must be a mapping with id, name and sectors, not \(kind(item))", item)
            }
            let keys = try keyedValues(
                of: mapping, allowed: ["id", "name", "sectors", "approximation", "note"], in: "in a category")
            guard let idField = keys["id"], let sectorsField = keys["sectors"] else {
                throw error("a category needs `id:` and `sectors:`", item)
            }
            let id = try identifier(idField, expected: "an identifier such as automotive")
            if let line = lines[id] {
                throw error("duplicate category id \"\(id)\" (first defined on line \(line))", idField.value)
            }
            lines[id] = idField.value.mark?.line ?? 0
            var category = ClusterCategory(
                id: id,
                name: try keys["name"].map { field throws(IndicatorsError) in try text(field, expected: "a name") }
                    ?? id,
                sectors: SectorSet(try sectorCodes(sectorsField)))
            if let field = keys["approximation"] {
                let grade = try text(field, expected: Self.approximations.joined(separator: ", "))
                guard Self.approximations.contains(grade) else {
                    throw error(
                        "approximation \"\(grade)\" is not one of \(Self.approximations.joined(separator: ", "))",
                        field.value)
                }
                category.approximation = grade
            }
            if let field = keys["note"] { category.note = try text(field, expected: "a text") }
            categories.append(category)
        }
        return categories
    }
}
