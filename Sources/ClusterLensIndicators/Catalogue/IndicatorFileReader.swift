internal import ClusterLensCore
internal import Yams

/// Reads one declarative indicator file, with every error at the line and column of its node.
///
/// ```yaml
/// id: location_quotient
/// name: Location quotient
/// description: Share of the region's jobs in the cluster, relative to the same share in the reference area.
/// pillar: economic                 # economic | social | environmental
/// tags: [resilience]               # green, digital, resilience (optional)
/// unit: ratio
/// direction: none                  # higher | lower | none
/// inputs:
///   employment:                    # the name the formula uses
///     dataflow: sbs_r_nuts2021
///     filters: {indic_sbs: EMP_LOC_NR}
///     total: B-S_X_O_S94           # the dataflow's all-sector code (default TOTAL)
///     or:                          # alternative bindings, tried in order (optional)
///       - dataflow: sbs_r_nuts06_r2
///         filters: {indic_sb: V16110}
///         total: B-N_S95_X_K
///         unconfirmed: why          # the codes are not confirmed against published data (optional)
/// formula: (cluster(employment) / region(employment)) / (reference(employment) / referenceTotal(employment))
/// references: [European Cluster Observatory star method]
/// ```
/// An input may instead read a member-survey metric: `energy: {members: energy_mwh}`. A rate, ratio
/// or per-inhabitant level says `aggregation: none` (the default is `sum`): it is read for one region
/// only and never added across regions or sectors.
struct IndicatorFileReader: YAMLReader {
    typealias Field = YAMLField
    let file: String
    let errorCode = IndicatorsError.Code.indicatorDefinition

    static let allowedKeys = [
        "id", "name", "description", "pillar", "tags", "unit", "direction", "inputs", "formula", "references",
    ]
    static let requiredKeys = ["id", "name", "pillar", "unit", "direction", "inputs", "formula"]

    /// The definition in a parsed document.
    func definition(in root: Node?) throws(IndicatorsError) -> IndicatorDefinition {
        guard let root, case .mapping(let mapping) = root else {
            throw IndicatorsError(
                errorCode, "expected a mapping with id, name, pillar, unit, direction, inputs and formula", file: file,
                line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1)
        }
        let fields = try keyedValues(of: mapping, allowed: Self.allowedKeys, in: "of an indicator")
        for key in Self.requiredKeys where fields[key] == nil {
            throw error("missing `\(key):` (an indicator needs \(Self.requiredKeys.joined(separator: ", ")))", root)
        }
        func field(_ key: String) -> Field { fields[key] ?? Field(name: key, key: nil, value: root) }

        let id = try text(field("id"), expected: "a snake_case id")
        guard id.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }),
            let first = id.utf8.first, first >= 97 && first <= 122
        else {
            throw error("id \"\(id)\" must be snake_case: lower-case letters, digits and _", field("id").value)
        }
        let pillarText = try text(field("pillar"), expected: "economic, social or environmental")
        guard let pillar = Pillar(rawValue: pillarText) else {
            throw error("pillar \"\(pillarText)\" is not economic, social or environmental", field("pillar").value)
        }
        let directionText = try text(field("direction"), expected: "higher, lower or none")
        guard let direction = Direction(rawValue: directionText) else {
            throw error("direction \"\(directionText)\" is not higher, lower or none", field("direction").value)
        }
        var tags: [TransitionTag] = []
        if let tagsField = fields["tags"] {
            for node in try items(tagsField, expected: "transition tags", example: "green, digital") {
                let tagText = try text(
                    Field(name: "a tag", key: nil, value: node), expected: "green, digital or resilience")
                guard let tag = TransitionTag(rawValue: tagText) else {
                    throw error("tag \"\(tagText)\" is not green, digital or resilience", node)
                }
                tags.append(tag)
            }
        }
        var references: [String] = []
        if let referencesField = fields["references"] {
            for node in try items(referencesField, expected: "references", example: "Author (year), title") {
                references.append(try text(Field(name: "a reference", key: nil, value: node), expected: "a text"))
            }
        }
        let inputs = try self.inputs(field("inputs"))
        let formulaField = field("formula")
        let formulaText = try text(formulaField, expected: "a formula")
        let formula: Formula
        do {
            formula = try Formula(
                parsing: formulaText, file: file, line: formulaField.value.mark?.line ?? 1,
                column: formulaField.value.mark?.column ?? 1)
        } catch {
            throw IndicatorsError(
                error.code, error.message, file: file, line: error.line, column: error.column)
        }
        let declared = Set(inputs.map(\.name))
        if let undeclared = formula.inputs.subtracting(declared).sorted().first {
            throw self.error(
                "the formula reads \"\(undeclared)\", which is not among the inputs (\(declared.sorted().joined(separator: ", ")))",
                formulaField.value)
        }
        return IndicatorDefinition(
            id: id, name: try text(field("name"), expected: "a name"),
            description: fields["description"] == nil ? "" : try text(field("description"), expected: "a text"),
            pillar: pillar, tags: tags, unit: try text(field("unit"), expected: "a unit such as persons or ratio"),
            direction: direction, inputs: inputs, formula: formula, references: references, file: file)
    }

    /// `inputs:` — a mapping from the names the formula uses to their bindings.
    private func inputs(_ field: Field) throws(IndicatorsError) -> [IndicatorInput] {
        guard case .mapping(let mapping) = field.value else {
            throw error("inputs must be a mapping from input names to bindings", field.value)
        }
        var result: [IndicatorInput] = []
        for (key, value) in mapping {
            guard case .scalar(let name) = key else { throw error("input names are plain names", key) }
            let binding = Field(name: "input \(name.string)", key: key, value: value)
            guard case .mapping(let spec) = value else {
                throw error("input \(name.string) must be a mapping with dataflow and filters, or members", value)
            }
            let (bindings, parts) = try self.bindings(
                of: spec, at: binding.value, name: name.string, extraKeys: ["aggregation"], allowsMembers: true)
            var additive = true
            if let aggregation = parts["aggregation"] {
                switch try text(aggregation, expected: "sum or none") {
                case "sum": additive = true
                case "none": additive = false
                case let other:
                    throw error(
                        "aggregation \"\(other)\" is not sum (counts, money: added across regions and sectors) "
                            + "or none (rates and per-inhabitant levels: read for one region only)",
                        aggregation.value)
                }
            }
            result.append(IndicatorInput(name: name.string, bindings: bindings, additive: additive))
        }
        guard !result.isEmpty else { throw error("inputs is empty: the formula needs at least one input", field.value) }
        return result
    }
}
