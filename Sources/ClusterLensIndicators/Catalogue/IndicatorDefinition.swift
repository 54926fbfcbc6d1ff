public import ClusterLensCore

/// Where an input's values come from: a dataflow filtered on some dimensions, or a member-survey metric.
public struct DataBinding: Sendable, Hashable, Codable {
    /// The dataflow id, e.g. `sbs_r_nuts2021` (compared case-insensitively, without agency or version).
    public var dataflow: String?
    /// Dimension filters, e.g. `indic_sbs = EMP_LOC_NR`, sorted by dimension id.
    public var filters: [Filter]
    /// A member-survey metric (a column of the survey template) instead of a dataflow.
    public var memberMetric: String?
    /// The code of the dataflow's all-sector total, read by the all-sector scopes (`region(x)`,
    /// `referenceTotal(x)`, `nationalTotal(x)`): each dataflow names its own (`sbs_r_nuts2021`'s
    /// business economy is `B-S_X_O_S94`, `sbs_r_nuts06_r2`'s `B-N_S95_X_K`); `nil` for `TOTAL`. A
    /// report's `total-sector:` overrides it.
    public var total: String?
    /// Why the codes of this binding are not confirmed against Eurostat's published data (`nil` when
    /// they are): shown by `indicators show` and in README's indicator table.
    public var unconfirmed: String?

    /// One dimension filter.
    public struct Filter: Sendable, Hashable, Codable {
        /// The dimension id.
        public var dimension: String
        /// The code it must take.
        public var code: String

        /// Creates a filter.
        public init(dimension: String, code: String) {
            self.dimension = dimension
            self.code = code
        }
    }

    /// Creates a binding.
    public init(
        dataflow: String? = nil, filters: [Filter] = [], memberMetric: String? = nil, total: String? = nil,
        unconfirmed: String? = nil
    ) {
        self.dataflow = dataflow
        self.filters = filters.sorted { $0.dimension < $1.dimension }
        self.memberMetric = memberMetric
        self.total = total
        self.unconfirmed = unconfirmed
    }

    /// `sbs_r_nuts2021[indic_sbs=EMP_LOC_NR]` or `members:energy_mwh`.
    public var summary: String {
        if let memberMetric { return "members:\(memberMetric)" }
        let filterText = filters.map { "\($0.dimension)=\($0.code)" }.joined(separator: ",")
        return (dataflow ?? "") + (filterText.isEmpty ? "" : "[\(filterText)]")
    }

    /// The store input of a statistics binding (`nil` for a member-survey binding).
    ///
    /// - Parameter additive: Whether the values add up across cells.
    public func storeInput(additive: Bool) -> StoreInput? {
        guard let dataflow else { return nil }
        var byDimension: [String: String] = [:]
        for filter in filters { byDimension[filter.dimension] = filter.code }
        return StoreInput(dataflow: dataflow, filters: byDimension, additive: additive, total: total)
    }
}

/// An input of an indicator: a name the formula uses and the bindings it can be read from, in order
/// of preference (the first with data wins: e.g. `sbs_r_nuts2021`, then `sbs_r_nuts06_r2`).
public struct IndicatorInput: Sendable, Hashable, Codable {
    /// The name used in the formula.
    public var name: String
    /// The bindings, preferred first.
    public var bindings: [DataBinding] { didSet { storeInputs = Self.storeInputs(bindings, additive) } }
    /// Whether the values add up across regions and sectors (`aggregation: sum`, the default), or are
    /// rates, ratios or per-inhabitant levels read for one cell only (`aggregation: none`; see
    /// ``StoreInput/additive``).
    public var additive: Bool { didSet { storeInputs = Self.storeInputs(bindings, additive) } }
    /// The statistics bindings as store inputs, preferred first (member-survey bindings left out);
    /// kept in step with ``bindings``, since the engine reads them for every value.
    public private(set) var storeInputs: [StoreInput]

    private enum CodingKeys: String, CodingKey {
        case name, bindings, additive
    }

    /// Creates an input.
    public init(name: String, bindings: [DataBinding], additive: Bool = true) {
        self.name = name
        self.bindings = bindings
        self.additive = additive
        storeInputs = Self.storeInputs(bindings, additive)
    }

    /// Decodes an input (name, bindings, additive).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            bindings: try container.decode([DataBinding].self, forKey: .bindings),
            additive: try container.decode(Bool.self, forKey: .additive))
    }

    private static func storeInputs(_ bindings: [DataBinding], _ additive: Bool) -> [StoreInput] {
        bindings.compactMap { $0.storeInput(additive: additive) }
    }

    /// An input bound to store inputs (a compiled indicator's), preferred first.
    public init(name: String, storeInputs: [StoreInput]) {
        self.init(
            name: name,
            bindings: storeInputs.map { input in
                DataBinding(
                    dataflow: input.dataflow,
                    filters: input.filters.map { DataBinding.Filter(dimension: $0.key, code: $0.value) },
                    total: input.total)
            },
            additive: storeInputs.first?.additive ?? true)
    }

}

/// What an indicator is: identity, classification, unit, direction, inputs and formula.
///
/// Every indicator states its formula, unit, direction and sources, whether it is a compiled Swift
/// type or a declarative file in `Indicators/`.
public struct IndicatorDefinition: Sendable {
    /// The stable snake_case id, e.g. `location_quotient`.
    public var id: String
    /// A short name.
    public var name: String
    /// What it measures and how to read it.
    public var description: String
    /// The pillar.
    public var pillar: Pillar
    /// The transitions it informs.
    public var tags: [TransitionTag]
    /// The unit, e.g. `persons`, `ratio`, `%`, `EUR per person`.
    public var unit: String
    /// Which way is better.
    public var direction: Direction
    /// The inputs the formula reads.
    public var inputs: [IndicatorInput]

    /// The normalised ids of the dataflows its inputs bind to, each once, in input order.
    public var dataflows: [String] {
        var seen: Set<String> = []
        return inputs.flatMap(\.storeInputs).map { DataflowID.normalised($0.dataflow) }.filter {
            seen.insert($0).inserted
        }
    }
    /// What its value describes: the cluster, its region or its country (derived from the formula's
    /// scopes and bindings for a declarative indicator, see ``derivedScope(formula:inputs:)``).
    public var scope: IndicatorScope
    /// The formula; `nil` for a compiled indicator whose method a formula cannot express.
    public var formula: Formula?
    /// The method in words: the formula's text, or a compiled indicator's description of it.
    public var method: String
    /// Methodological references.
    public var references: [String]
    /// The file it was read from; `nil` for a compiled indicator.
    public var file: String?

    /// Creates a definition.
    public init(
        id: String, name: String, description: String, pillar: Pillar, tags: [TransitionTag], unit: String,
        direction: Direction, inputs: [IndicatorInput], formula: Formula, references: [String], file: String? = nil
    ) {
        self.init(
            id: id, name: name, description: description, pillar: pillar, tags: tags, unit: unit,
            direction: direction, inputs: inputs, scope: Self.derivedScope(formula: formula, inputs: inputs),
            formula: formula, method: formula.text, references: references, file: file)
    }

    /// Creates the definition of a compiled indicator, whose `method` states how it is computed and
    /// `scope` what its value describes.
    public init(
        id: String, name: String, description: String, pillar: Pillar, tags: [TransitionTag], unit: String,
        direction: Direction, inputs: [IndicatorInput], scope: IndicatorScope, method: String, references: [String]
    ) {
        self.init(
            id: id, name: name, description: description, pillar: pillar, tags: tags, unit: unit,
            direction: direction, inputs: inputs, scope: scope, formula: nil, method: method, references: references,
            file: nil)
    }

    private init(
        id: String, name: String, description: String, pillar: Pillar, tags: [TransitionTag], unit: String,
        direction: Direction, inputs: [IndicatorInput], scope: IndicatorScope, formula: Formula?, method: String,
        references: [String], file: String?
    ) {
        self.scope = scope
        self.id = id
        self.name = name
        self.description = description
        self.pillar = pillar
        self.tags = tags
        self.unit = unit
        self.direction = direction
        self.inputs = inputs
        self.formula = formula
        self.method = method
        self.references = references
        self.file = file
    }
}

extension IndicatorDefinition {
    /// What a formula's value describes, from the scopes it reads its inputs in:
    ///
    /// - `cluster` when it reads an input of the cluster's sectors — a bare name or `cluster(x)`,
    ///   `reference(x)`, `peers(x)` or `national(x)` — from a member survey or from a dataflow whose
    ///   binding does not fix the sector dimension itself;
    /// - else `region` when it reads `region(x)` or `referenceTotal(x)`, or an input whose binding
    ///   fixes the sector (`nace_r2: HTC`: a regional aggregate) in a regional scope;
    /// - else `country` (`nationalTotal(x)`, or a sector-fixed input read nationally).
    public static func derivedScope(formula: Formula, inputs: [IndicatorInput]) -> IndicatorScope {
        let byName = Dictionary(inputs.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var scopes: Set<IndicatorScope> = []
        for reference in formula.references {
            let input = byName[reference.input]
            if input?.bindings.contains(where: { $0.memberMetric != nil }) == true {
                scopes.insert(.cluster)
                continue
            }
            let fixesSector =
                input?.bindings.contains { binding in
                    binding.filters.contains { DimensionRoles.standard.isSector($0.dimension) }
                } ?? false
            switch reference.scope {
            case .cluster, .reference, .peers:
                scopes.insert(fixesSector ? .region : .cluster)
            case .national:
                scopes.insert(fixesSector ? .country : .cluster)
            case .region, .referenceTotal:
                scopes.insert(.region)
            case .nationalTotal:
                scopes.insert(.country)
            }
        }
        if scopes.contains(.cluster) { return .cluster }
        return scopes.contains(.region) ? .region : .country
    }
}

/// An indicator: a plug-in that the engine computes for each cluster and period.
///
/// Built-in indicators are Swift types conforming to this protocol, listed explicitly in
/// ``IndicatorCatalogue``; declarative indicators are files read at run time
/// (``DeclarativeIndicator``).
public protocol Indicator: Sendable {
    /// The indicator's definition.
    var definition: IndicatorDefinition { get }

    /// The value for one cluster and period. The default evaluates the definition's formula, reading
    /// inputs through `request`; compiled indicators compute what a formula cannot express.
    func evaluate(_ request: IndicatorRequest) -> FormulaValue
}

extension Indicator {
    /// Evaluates the definition's formula (missing, with the reason, when it has none or fails).
    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        guard let formula = definition.formula else {
            return .missing("\(definition.id) has no formula and no compiled method")
        }
        do {
            return try formula.evaluate(request.formulaContext(for: definition))
        } catch {
            return .missing(error.message)
        }
    }
}

/// An indicator read from a YAML file in `Indicators/` (or a folder given with `--indicators`).
public struct DeclarativeIndicator: Indicator {
    /// The definition read from the file.
    public let definition: IndicatorDefinition

    /// Wraps a definition.
    public init(_ definition: IndicatorDefinition) {
        self.definition = definition
    }
}
