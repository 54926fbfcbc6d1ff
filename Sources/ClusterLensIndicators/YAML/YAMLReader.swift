package import ClusterLensCore
package import Yams

/// A value of a YAML mapping or list and what it is for: a key and its value, or an item of a list
/// (without a key).
package struct YAMLField {
    /// What the value is, for messages (`regions`, `a tag`).
    package var name: String
    /// The key node, `nil` for a list item.
    package var key: Node?
    /// The value node.
    package var value: Node

    /// Creates a field.
    package init(name: String, key: Node?, value: Node) {
        self.name = name
        self.key = key
        self.value = value
    }
}

/// Reading YAML definition files (clusters, indicators, reports) with every error at the line and
/// column of the node that causes it; the extension gives the checks every reader shares.
package protocol YAMLReader {
    /// The file, as errors name it.
    var file: String { get }
    /// The code of the errors this reader throws.
    var errorCode: IndicatorsError.Code { get }
}

package extension YAMLReader {
    /// The fields of a mapping, after checking that every key is a known name.
    func keyedValues(
        of mapping: Node.Mapping, allowed: [String], in place: String
    ) throws(IndicatorsError) -> [String: YAMLField] {
        var fields: [String: YAMLField] = [:]
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key else {
                throw error("keys \(place) are names such as \(allowed[0]), not \(kind(key))", key)
            }
            guard allowed.contains(scalar.string) else {
                let list = allowed.joined(separator: ", ")
                throw error("unknown key \"\(scalar.string)\" \(place) (allowed: \(list))", key)
            }
            fields[scalar.string] = YAMLField(name: scalar.string, key: key, value: value)
        }
        return fields
    }

    /// The text of a single, non-empty value.
    func text(_ field: YAMLField, expected: String) throws(IndicatorsError) -> String {
        let node = field.value
        guard case .scalar(let scalar) = node else {
            throw error("\(field.name) must be \(expected), not \(kind(node))", node)
        }
        guard !isNull(node) else {
            throw error("\(field.name) has no value (expected \(expected))", field.key ?? node)
        }
        guard !scalar.string.isEmpty else {
            throw error("\(field.name) is empty (expected \(expected))", node)
        }
        return scalar.string
    }

    /// The items of a list of single values.
    func items(_ field: YAMLField, expected: String, example: String) throws(IndicatorsError) -> [Node] {
        let node = field.value
        switch node {
        case .sequence(let sequence):
            return Array(sequence)
        case .scalar where isNull(node):
            let message = "\(field.name) has no value (expected a list of \(expected), like [\(example)])"
            throw error(message, field.key ?? node)
        case .scalar(let scalar):
            throw error(
                "\(field.name) must be a list of \(expected), not a single value: write [\(scalar.string)]", node)
        default:
            throw error("\(field.name) must be a list of \(expected), like [\(example)], not \(kind(node))", node)
        }
    }

    /// `filters:` of a binding — a mapping of dimension ids to one code each, such as
    /// `{indic_sbs: EMP_LOC_NR}` — as (dimension, code) pairs in file order.
    func dimensionFilters(_ field: YAMLField) throws(IndicatorsError) -> [(dimension: String, code: String)] {
        guard case .mapping(let mapping) = field.value else {
            throw error("filters must be a mapping such as {indic_sbs: EMP_LOC_NR}", field.value)
        }
        var filters: [(dimension: String, code: String)] = []
        for (dimension, code) in mapping {
            guard case .scalar(let dimensionText) = dimension, case .scalar(let codeText) = code else {
                throw error("a filter is a dimension and one code, such as indic_sbs: EMP_LOC_NR", dimension)
            }
            filters.append((dimensionText.string, codeText.string))
        }
        return filters
    }

    /// What a node is, for messages: `a list`, `a mapping`, `the value "ES51"`.
    func kind(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): isNull(node) ? "nothing" : "the value \"\(scalar.string)\""
        case .alias: "an alias"
        }
    }

    /// Whether a node is YAML's null: nothing, `~` or `null` unquoted.
    func isNull(_ node: Node) -> Bool {
        node.tag.rawValue == Tag.Name.null.rawValue
    }

    /// An error at a node's line and column.
    func error(_ message: String, _ node: Node) -> IndicatorsError {
        IndicatorsError(
            errorCode, message, file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// The place of a node in the file.
    func place(_ node: Node) -> InputLocation {
        InputLocation(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0)
    }

    /// An id (of a cluster, an initiative, an outcome): letters A–Z and a–z, digits, `-`, `_` and `.`.
    func identifier(_ field: YAMLField, expected: String) throws(IndicatorsError) -> String {
        let id = try text(field, expected: expected)
        guard id.utf8.allSatisfy(isIdentifierByte) else {
            throw error("id \"\(id)\" may contain only letters A–Z and a–z, digits, '-', '_' and '.'", field.value)
        }
        return id
    }

    /// A finite number.
    func number(_ field: YAMLField) throws(IndicatorsError) -> Double {
        let string = try text(field, expected: "a number")
        guard let value = Double(string), value.isFinite else {
            throw error("\(field.name) must be a number, not \"\(string)\"", field.value)
        }
        return value
    }

    /// A year from 1900 to 2200, four digits; `example` is shown in errors (`2030`).
    func year(_ field: YAMLField, example: String) throws(IndicatorsError) -> Int {
        let string = try text(field, expected: "a year such as \(example)")
        guard string.count == 4, let year = Int(string), (1900...2200).contains(year) else {
            throw error("\(field.name) must be a year such as \(example), not \"\(string)\"", field.value)
        }
        return year
    }
}

/// Whether a byte may appear in an id.
private func isIdentifierByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
        UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."):
        true
    default:
        false
    }
}
