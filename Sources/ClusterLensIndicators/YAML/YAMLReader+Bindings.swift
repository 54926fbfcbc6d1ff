package import Yams

package extension YAMLReader {
    /// The bindings of one input, preferred first: the mapping's own `{dataflow, filters, total,
    /// unconfirmed}` (or `{members: column}` when allowed), then each of its `or:` alternatives — the
    /// one reading of bindings for indicator files and a report's `bindings:`.
    ///
    /// - Parameters:
    ///   - spec: The input's mapping.
    ///   - node: The mapping's node, for errors.
    ///   - name: The input's name, for errors.
    ///   - extraKeys: Further keys the caller reads from the same mapping (`aggregation`).
    ///   - allowsMembers: Whether `members:` (a member-survey column) may stand for a dataflow.
    /// - Returns: The bindings and the mapping's fields (for the caller's extra keys).
    func bindings(
        of spec: Node.Mapping, at node: Node, name: String, extraKeys: [String] = [], allowsMembers: Bool
    ) throws(IndicatorsError) -> (bindings: [DataBinding], fields: [String: YAMLField]) {
        let keys = ["dataflow", "filters", "total", "unconfirmed"] + (allowsMembers ? ["members"] : [])
        let fields = try keyedValues(of: spec, allowed: keys + ["or"] + extraKeys, in: "of an input")
        var bindings = [try binding(fields, at: node, name: name)]
        if let alternatives = fields["or"] {
            for item in try items(alternatives, expected: "alternative bindings", example: "{dataflow: …}") {
                guard case .mapping(let alternative) = item else {
                    throw error("an alternative binding is a mapping with dataflow and filters", item)
                }
                let parts = try keyedValues(of: alternative, allowed: keys, in: "of a binding")
                bindings.append(try binding(parts, at: item, name: name))
            }
        }
        return (bindings, fields)
    }

    /// One binding: a dataflow with its filters, total code and confirmation note, or a member metric.
    private func binding(_ parts: [String: YAMLField], at node: Node, name: String) throws(IndicatorsError)
        -> DataBinding
    {
        if let members = parts["members"] {
            guard parts["dataflow"] == nil else {
                throw error("input \(name) names both a dataflow and a member metric", node)
            }
            return DataBinding(memberMetric: try text(members, expected: "a member-survey column such as energy_mwh"))
        }
        guard let dataflow = parts["dataflow"] else {
            throw error(
                "input \(name) needs a dataflow" + (parts.isEmpty ? "" : " (or members: a survey column)"), node)
        }
        let filters =
            try parts["filters"].map { field throws(IndicatorsError) in
                try dimensionFilters(field).map { DataBinding.Filter(dimension: $0.dimension, code: $0.code) }
            } ?? []
        let total = try parts["total"].map { field throws(IndicatorsError) in
            try text(field, expected: "the dataflow's all-sector code, such as B-S_X_O_S94")
        }
        let unconfirmed = try parts["unconfirmed"].map { field throws(IndicatorsError) in
            try text(field, expected: "why the codes are not confirmed")
        }
        return DataBinding(
            dataflow: try text(dataflow, expected: "a dataflow id"), filters: filters, total: total,
            unconfirmed: unconfirmed)
    }
}
