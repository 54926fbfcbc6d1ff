internal import ClusterLensCore
internal import ClusterLensIndicators
internal import Yams

extension InitiativeLedgerReader {
    static let measuredKeys = [
        "id", "name", "side", "category", "unit", "direction", "baseline", "target", "measured", "evidence", "method",
    ]
    static let convertedKeys = ["id", "name", "side", "category", "from", "evidence", "method"]

    /// `outcomes:` — measured metrics and metrics converted from them.
    ///
    /// A measured metric has `id`, `name`, `side` (firms or territory), `category` (of its side:
    /// cost-savings, revenue, productivity; water, energy, emissions, waste, jobs, training,
    /// accidents; other on either), `unit`, `direction` (higher or lower), `baseline: {year, value}`,
    /// `evidence` (a document or URL, or a list) and `method`, and optionally `target: {year, value}`
    /// and `measured: [{year, value, evidence}]` (years after the baseline, each once). A converted
    /// metric has `id`, `name`, `side`, `category` and `from: {metric, factor}` (a measured metric of
    /// the same initiative and a declared factor whose `from` unit is that metric's unit), and
    /// optionally more `evidence` and `method`.
    func outcomes(_ field: YAMLField, factors: [ConversionFactor]) throws(IndicatorsError) -> [OutcomeMetric] {
        let nodes = try items(field, expected: "outcome metrics", example: "{id: …, side: territory, …}")
        var measured: [OutcomeMetric] = []
        var converted: [(Node, [String: YAMLField])] = []
        var ids: [String] = []
        for node in nodes {
            guard case .mapping(let mapping) = node else {
                throw error("an outcome metric is a mapping with id, name, side, category, unit, …", node)
            }
            let isConverted = mapping.contains { $0.key.string == "from" }
            let fields = try keyedValues(
                of: mapping, allowed: isConverted ? Self.convertedKeys : Self.measuredKeys,
                in: isConverted ? "of a converted metric (its unit and values come from `from:`)" : "of an outcome")
            let idField = try required(fields, "id", node)
            let id = try identifier(idField)
            guard !ids.contains(id) else { throw error("duplicate outcome id \"\(id)\"", idField.value) }
            ids.append(id)
            if isConverted {
                converted.append((node, fields))
            } else {
                measured.append(try self.measured(node, fields, id: id))
            }
        }
        var result = measured
        for (node, fields) in converted {
            result.append(try self.converted(node, fields, from: measured, factors: factors))
        }
        let order = Dictionary(ids.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        return result.sorted { (order[$0.id] ?? 0) < (order[$1.id] ?? 0) }
    }

    private func measured(_ node: Node, _ fields: [String: YAMLField], id: String) throws(IndicatorsError)
        -> OutcomeMetric
    {
        for key in ["name", "side", "category", "unit", "direction", "baseline", "evidence", "method"]
        where fields[key] == nil {
            throw error(
                "outcome \"\(id)\" has no `\(key):` (required: id, name, side, category, unit, direction, baseline, "
                    + "evidence, method; or `from:` for a converted metric)", node)
        }
        let (side, category) = try sideAndCategory(fields, node)
        let directionField = try required(fields, "direction", node)
        let direction = try text(directionField, expected: "higher or lower")
        guard let parsed = Direction(rawValue: direction), parsed != .none else {
            throw error(
                "direction \"\(direction)\" is not higher or lower (an outcome needs a direction to tell an "
                    + "improvement)", directionField.value)
        }
        let baselineField = try required(fields, "baseline", node)
        let baseline = try yearValue(baselineField)
        let target = try fields["target"].map { field throws(IndicatorsError) in try yearValue(field) }
        if let target, target.year <= baseline.year {
            throw error(
                "target year \(target.year) is not after the baseline year \(baseline.year)",
                fields["target"]?.value ?? node)
        }
        var values: [MeasuredValue] = []
        if let list = fields["measured"] {
            for item in try items(list, expected: "measured values", example: "{year: 2023, value: 2710000}") {
                let value = try measuredValue(item)
                guard value.year > baseline.year else {
                    throw error(
                        "measured year \(value.year) is not after the baseline year \(baseline.year)", item)
                }
                guard !values.contains(where: { $0.year == value.year }) else {
                    throw error("year \(value.year) is measured twice", item)
                }
                values.append(value)
            }
        }
        let evidence = try texts(required(fields, "evidence", node), expected: "a document or URL")
        guard !evidence.isEmpty else { throw error("evidence is empty: name a document or URL", node) }
        return OutcomeMetric(
            id: id, name: try text(required(fields, "name", node), expected: "a name"), side: side,
            category: category, unit: try text(required(fields, "unit", node), expected: "a unit such as m³"),
            direction: parsed, baseline: baseline, target: target, measured: values, evidence: evidence,
            method: try text(required(fields, "method", node), expected: "how it was measured"),
            location: place(fields["id"]?.value ?? node))
    }

    private func converted(
        _ node: Node, _ fields: [String: YAMLField], from measured: [OutcomeMetric], factors: [ConversionFactor]
    ) throws(IndicatorsError) -> OutcomeMetric {
        let id = try identifier(required(fields, "id", node))
        for key in ["name", "side", "category", "from"] where fields[key] == nil {
            throw error(
                "converted outcome \"\(id)\" has no `\(key):` (required: id, name, side, category, from)", node)
        }
        let (side, category) = try sideAndCategory(fields, node)
        let fromField = try required(fields, "from", node)
        guard case .mapping(let mapping) = fromField.value else {
            throw error("from is a mapping such as {metric: water-withdrawn, factor: water-tariff}", fromField.value)
        }
        let parts = try keyedValues(of: mapping, allowed: ["metric", "factor"], in: "of from")
        let metricField = try required(parts, "metric", fromField.value)
        let factorField = try required(parts, "factor", fromField.value)
        let metricID = try text(metricField, expected: "the id of a measured outcome of this initiative")
        guard let source = measured.first(where: { $0.id == metricID }) else {
            throw error(
                "from: no measured outcome \"\(metricID)\" in this initiative (a converted metric converts a "
                    + "measured one)", metricField.value)
        }
        let factorID = try text(factorField, expected: "the id of a factor declared under factors:")
        guard let factor = factors.first(where: { $0.id == factorID }) else {
            let known = factors.map(\.id).joined(separator: ", ")
            throw error(
                "from: no factor \"\(factorID)\" under factors: (declared: \(known.isEmpty ? "none" : known))",
                factorField.value)
        }
        guard factor.from == source.unit else {
            throw error(
                "factor \(factor.id) converts \(factor.from) to \(factor.to), but \(source.id) is in \(source.unit)",
                factorField.value)
        }
        var evidence = source.evidence
        if let more = fields["evidence"] {
            evidence += try texts(more, expected: "a document or URL").filter { !evidence.contains($0) }
        }
        var method = "\(source.id) × \(factor.id) (\(factor.rate); source: \(factor.source))"
        if let extra = fields["method"] { method += "; " + (try text(extra, expected: "a text")) }
        let scale = { (value: Double) in value * factor.value }
        return OutcomeMetric(
            id: id, name: try text(required(fields, "name", node), expected: "a name"), side: side,
            category: category, unit: factor.to, direction: source.direction,
            baseline: YearValue(year: source.baseline.year, value: scale(source.baseline.value)),
            target: source.target.map { YearValue(year: $0.year, value: scale($0.value)) },
            measured: source.measured.map {
                MeasuredValue(year: $0.year, value: scale($0.value), evidence: $0.evidence)
            },
            evidence: evidence, method: method, conversion: Conversion(metric: source.id, factor: factor),
            location: place(fields["id"]?.value ?? node))
    }

    private func sideAndCategory(_ fields: [String: YAMLField], _ node: Node) throws(IndicatorsError) -> (
        OutcomeSide, OutcomeCategory
    ) {
        let sideField = try required(fields, "side", node)
        let sideText = try text(sideField, expected: "firms or territory")
        guard let side = OutcomeSide(rawValue: sideText) else {
            throw error("side \"\(sideText)\" is not firms or territory", sideField.value)
        }
        let categoryField = try required(fields, "category", node)
        let categoryText = try text(categoryField, expected: "a category")
        let allowed = OutcomeCategory.of(side).map(\.rawValue).joined(separator: ", ")
        guard let category = OutcomeCategory(rawValue: categoryText) else {
            throw error("category \"\(categoryText)\" is not one of \(allowed)", categoryField.value)
        }
        guard category.side == nil || category.side == side else {
            throw error(
                "category \(categoryText) is a \(category.side?.rawValue ?? "")-side category; a \(side.rawValue)-side "
                    + "outcome is one of \(allowed)", categoryField.value)
        }
        return (side, category)
    }

    /// `{year: 2021, value: 3650000}`.
    private func yearValue(_ field: YAMLField) throws(IndicatorsError) -> YearValue {
        guard case .mapping(let mapping) = field.value else {
            throw error("\(field.name) is a mapping such as {year: 2021, value: 3650000}", field.value)
        }
        let parts = try keyedValues(of: mapping, allowed: ["year", "value"], in: "of \(field.name)")
        return YearValue(
            year: try year(required(parts, "year", field.value)),
            value: try number(required(parts, "value", field.value)))
    }

    /// `{year: 2023, value: 2710000, evidence: …}`.
    private func measuredValue(_ node: Node) throws(IndicatorsError) -> MeasuredValue {
        guard case .mapping(let mapping) = node else {
            throw error("a measured value is a mapping such as {year: 2023, value: 2710000}", node)
        }
        let parts = try keyedValues(of: mapping, allowed: ["year", "value", "evidence"], in: "of a measured value")
        let evidence = try parts["evidence"].map { part throws(IndicatorsError) in
            try text(part, expected: "a document or URL")
        }
        return MeasuredValue(
            year: try year(required(parts, "year", node)), value: try number(required(parts, "value", node)),
            evidence: evidence)
    }
}
