internal import ClusterLensCore
public import ClusterLensIndicators
package import Yams

/// Reads an initiative ledger (YAML), with every error at the file, line and column of the node that
/// causes it (``ClusterLensIndicators/IndicatorsError``, code `initiativeLedger`).
///
/// Top-level keys: `cluster` (required: the id of the cluster whose definition names the file),
/// `note`, `factors` and `initiatives` (required, at least one). An initiative has `id`, `title`,
/// `members` (firm ids of the member survey, at least one), `start` (and `end`: `2022`, `2022-03` or
/// `2022-03-15`), `recommendations` (1–15), `transition` (green, digital, resilience; one or a list),
/// `outcomes` (a list, possibly empty), and optionally `description`, `investment: {public, private,
/// evidence}` (EUR) and `compare` (member-survey indicator ids). README, "Shared value", documents the
/// outcome metrics (``InitiativeLedgerReader/outcome(_:factors:)``).
public struct InitiativeLedgerReader: YAMLReader {
    /// The file, as errors name it.
    public let file: String
    /// The code of the errors it throws.
    public let errorCode = IndicatorsError.Code.initiativeLedger

    static let topKeys = ["cluster", "note", "factors", "initiatives"]
    static let initiativeKeys = [
        "id", "title", "description", "members", "start", "end", "recommendations", "transition", "investment",
        "compare", "outcomes",
    ]

    /// A reader for the ledger at `file` (errors name it).
    public init(file: String) {
        self.file = file
    }

    /// Reads the ledger at `path`, which the cluster `cluster` names.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` — `unreadable` for a file that cannot be read,
    ///   `initiativeLedger` (with line and column) for one that breaks the rules, including a `cluster:`
    ///   that is not `cluster`.
    public static func load(file path: String, cluster: String) throws(IndicatorsError) -> InitiativeLedger {
        let (root, fingerprint) = try SharedValueFile.read(path, errorCode: .initiativeLedger)
        return try InitiativeLedgerReader(file: path).ledger(in: root, cluster: cluster, fingerprint: fingerprint)
    }

    /// The ledger in a parsed document.
    package func ledger(in root: Node?, cluster: String, fingerprint: FileFingerprint) throws(IndicatorsError)
        -> InitiativeLedger
    {
        guard let root, case .mapping(let mapping) = root else {
            throw IndicatorsError(
                errorCode, "expected a mapping with cluster and initiatives", file: file,
                line: root?.mark?.line ?? 1, column: root?.mark?.column ?? 1)
        }
        let fields = try keyedValues(of: mapping, allowed: Self.topKeys, in: "of an initiative ledger")
        guard let clusterField = fields["cluster"] else {
            throw error("missing `cluster:` (the id of the cluster whose definition names this ledger)", root)
        }
        let named = try text(clusterField, expected: "a cluster id")
        guard named == cluster else {
            throw error(
                "cluster: \"\(named)\" but the ledger is named by cluster \"\(cluster)\" (one ledger per cluster)",
                clusterField.value)
        }
        let note = try fields["note"].map { field throws(IndicatorsError) in try text(field, expected: "a text") }
        let factors = try fields["factors"].map { field throws(IndicatorsError) in try self.factors(field) } ?? []
        guard let list = fields["initiatives"] else {
            throw error("missing `initiatives:` (a list of the cluster's initiatives)", root)
        }
        let nodes = try items(list, expected: "initiatives", example: "{id: …, title: …}")
        guard !nodes.isEmpty else { throw error("initiatives is empty: list at least one initiative", list.value) }
        var initiatives: [Initiative] = []
        for node in nodes {
            let initiative = try self.initiative(node, factors: factors)
            if initiatives.contains(where: { $0.id == initiative.id }) {
                throw error("duplicate initiative id \"\(initiative.id)\"", node)
            }
            initiatives.append(initiative)
        }
        return InitiativeLedger(
            file: fingerprint, cluster: named, note: note, factors: factors, initiatives: initiatives)
    }

    /// `factors:` — `{id, value, from, to, source}` each.
    private func factors(_ field: YAMLField) throws(IndicatorsError) -> [ConversionFactor] {
        var factors: [ConversionFactor] = []
        for node in try items(field, expected: "factors", example: "{id: …, value: 2.4, from: m³, to: EUR, source: …}")
        {
            guard case .mapping(let mapping) = node else {
                throw error("a factor is a mapping with id, value, from, to and source", node)
            }
            let parts = try keyedValues(
                of: mapping, allowed: ["id", "value", "from", "to", "source"], in: "of a factor")
            for key in ["id", "value", "from", "to", "source"] where parts[key] == nil {
                throw error(
                    "a factor needs `\(key):` (id, value, from, to and source: no conversion without its source)", node
                )
            }
            let id = try text(required(parts, "id", node), expected: "an id")
            guard !factors.contains(where: { $0.id == id }) else {
                throw error("duplicate factor id \"\(id)\"", node)
            }
            let valueField = try required(parts, "value", node)
            let value = try number(valueField)
            guard value > 0 else { throw error("a factor is a positive number, not \(value)", valueField.value) }
            factors.append(
                ConversionFactor(
                    id: id, value: value, from: try text(required(parts, "from", node), expected: "a unit"),
                    to: try text(required(parts, "to", node), expected: "a unit"),
                    source: try text(required(parts, "source", node), expected: "where the factor comes from"),
                    location: place(node)))
        }
        return factors
    }

    private func initiative(_ node: Node, factors: [ConversionFactor]) throws(IndicatorsError) -> Initiative {
        guard case .mapping(let mapping) = node else {
            throw error("an initiative is a mapping with id, title, members, start, recommendations, …", node)
        }
        let fields = try keyedValues(of: mapping, allowed: Self.initiativeKeys, in: "of an initiative")
        for key in ["id", "title", "members", "start", "recommendations", "transition", "outcomes"]
        where fields[key] == nil {
            let which = fields["id"].flatMap { $0.value.scalar?.string }.map { "initiative \"\($0)\"" }
            throw error(
                "\(which ?? "an initiative") has no `\(key):` (required: id, title, members, start, "
                    + "recommendations, transition, outcomes)", node)
        }
        let idField = try required(fields, "id", node)
        let id = try identifier(idField)
        let title = try text(required(fields, "title", node), expected: "a title")
        let description = try fields["description"].map { field throws(IndicatorsError) in
            try text(field, expected: "a text")
        }
        let (members, memberPlaces) = try names(required(fields, "members", node), expected: "member firm ids")
        guard !members.isEmpty else {
            throw error("members is empty: list the participating firms (firm_id of the member survey)", node)
        }
        let start = try period(required(fields, "start", node))
        let end = try fields["end"].map { field throws(IndicatorsError) in try period(field) }
        if let end, end.end.date < start.start.date {
            throw error("end \(end.lexical) is before start \(start.lexical)", fields["end"]?.value ?? node)
        }
        let recommendations = try self.recommendations(required(fields, "recommendations", node))
        let transitions = try self.transitions(required(fields, "transition", node))
        let investment = try fields["investment"].map { field throws(IndicatorsError) in try self.investment(field) }
        let (compare, comparePlaces) =
            try fields["compare"].map { field throws(IndicatorsError) in
                try names(field, expected: "member-survey indicator ids")
            } ?? ([], [])
        let outcomes = try self.outcomes(required(fields, "outcomes", node), factors: factors)
        return Initiative(
            id: id, title: title, description: description, members: members, start: start, end: end,
            recommendations: recommendations, transitions: transitions, investment: investment ?? Investment(),
            compare: compare, outcomes: outcomes,
            locations: Initiative.Locations(
                initiative: place(idField.value), members: memberPlaces, compare: comparePlaces))
    }

    private func recommendations(_ field: YAMLField) throws(IndicatorsError) -> [Int] {
        var numbers: [Int] = []
        for node in try items(field, expected: "recommendation numbers", example: "2, 13") {
            let item = YAMLField(name: "a recommendation", key: nil, value: node)
            let value = try text(item, expected: "a number from 1 to 15")
            guard let number = Int(value), (1...15).contains(number) else {
                throw error("recommendation \"\(value)\" is not a number from 1 to 15", node)
            }
            guard !numbers.contains(number) else { throw error("recommendation \(number) is listed twice", node) }
            numbers.append(number)
        }
        guard !numbers.isEmpty else {
            throw error("recommendations is empty: name the recommendations (1–15) it serves", field.value)
        }
        return numbers
    }

    private func transitions(_ field: YAMLField) throws(IndicatorsError) -> [TransitionTag] {
        let nodes: [Node]
        if case .scalar = field.value {
            nodes = [field.value]
        } else {
            nodes = try items(field, expected: "transitions", example: "green")
        }
        var tags: [TransitionTag] = []
        for node in nodes {
            let value = try text(YAMLField(name: "transition", key: nil, value: node), expected: "a transition")
            guard let tag = TransitionTag(rawValue: value) else {
                throw error("transition \"\(value)\" is not green, digital or resilience", node)
            }
            if !tags.contains(tag) { tags.append(tag) }
        }
        guard !tags.isEmpty else { throw error("transition is empty: green, digital or resilience", field.value) }
        return tags
    }

    private func investment(_ field: YAMLField) throws(IndicatorsError) -> Investment {
        guard case .mapping(let mapping) = field.value else {
            throw error("investment is a mapping such as {public: 4200000, private: 2800000} (EUR)", field.value)
        }
        let parts = try keyedValues(of: mapping, allowed: ["public", "private", "evidence"], in: "of an investment")
        func amount(_ key: String) throws(IndicatorsError) -> Double? {
            guard let part = parts[key], !isNull(part.value) else { return nil }
            let value = try number(part)
            guard value >= 0 else { throw error("\(key) investment cannot be negative", part.value) }
            return value
        }
        let evidence = try parts["evidence"].map { part throws(IndicatorsError) in try text(part, expected: "a text") }
        return Investment(publicEUR: try amount("public"), privateEUR: try amount("private"), evidence: evidence)
    }

    // MARK: - Values

    /// A required field (the caller has checked it is there).
    func required(_ fields: [String: YAMLField], _ key: String, _ node: Node) throws(IndicatorsError) -> YAMLField {
        guard let field = fields[key] else { throw error("missing `\(key):`", node) }
        return field
    }

    /// An id of the ledger (an initiative, an outcome, a factor).
    func identifier(_ field: YAMLField) throws(IndicatorsError) -> String {
        try identifier(field, expected: "an id such as water-plant")
    }

    /// A year of the ledger.
    func year(_ field: YAMLField) throws(IndicatorsError) -> Int {
        try year(field, example: "2023")
    }

    /// A date or period in SDMX form.
    private func period(_ field: YAMLField) throws(IndicatorsError) -> TimePeriod {
        let value = try text(field, expected: "a date such as 2022, 2022-03 or 2022-03-15")
        do {
            return try TimePeriod(value)
        } catch {
            throw self.error(
                "\(field.name) \"\(value)\" is not a date such as 2022, 2022-03 or 2022-03-15", field.value)
        }
    }

    /// A list of distinct names, each with its place.
    func names(_ field: YAMLField, expected: String) throws(IndicatorsError) -> ([String], [InputLocation]) {
        var names: [String] = []
        var places: [InputLocation] = []
        for node in try items(field, expected: expected, example: "A, B") {
            let name = try text(YAMLField(name: "an item of \(field.name)", key: nil, value: node), expected: "a name")
            guard !names.contains(name) else { throw error("\(name) is listed twice in \(field.name)", node) }
            names.append(name)
            places.append(place(node))
        }
        return (names, places)
    }

    /// One text, or a list of texts.
    func texts(_ field: YAMLField, expected: String) throws(IndicatorsError) -> [String] {
        if case .scalar = field.value { return [try text(field, expected: expected)] }
        return try items(field, expected: expected, example: "report.pdf, https://…").map {
            node throws(IndicatorsError) in
            try text(YAMLField(name: "an item of \(field.name)", key: nil, value: node), expected: expected)
        }
    }

}
