public import ClusterLensCore

/// Where an input's values come from: a dataflow filtered on some dimensions, or a member-survey metric.
public struct DataBinding: Sendable, Hashable, Codable {
    /// The dataflow id, e.g. `sbs_r_nuts2021` (compared case-insensitively, without agency or version).
    public var dataflow: String?
    /// Dimension filters, e.g. `indic_sbs = EMP_LOC_NR`, sorted by dimension id.
    public var filters: [Filter]
    /// A member-survey metric (a column of the survey template) instead of a dataflow.
    public var memberMetric: String?

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
    public init(dataflow: String? = nil, filters: [Filter] = [], memberMetric: String? = nil) {
        self.dataflow = dataflow
        self.filters = filters.sorted { $0.dimension < $1.dimension }
        self.memberMetric = memberMetric
    }

    /// `sbs_r_nuts2021[indic_sbs=EMP_LOC_NR]` or `members:energy_mwh`.
    public var summary: String {
        if let memberMetric { return "members:\(memberMetric)" }
        let filterText = filters.map { "\($0.dimension)=\($0.code)" }.joined(separator: ",")
        return (dataflow ?? "") + (filterText.isEmpty ? "" : "[\(filterText)]")
    }
}

/// An input of an indicator: a name the formula uses and the bindings it can be read from, in order
/// of preference (the first with data wins: e.g. `sbs_r_nuts2021`, then `sbs_r_nuts06_r2`).
public struct IndicatorInput: Sendable, Hashable, Codable {
    /// The name used in the formula.
    public var name: String
    /// The bindings, preferred first.
    public var bindings: [DataBinding]
    /// Whether the values add up across regions and sectors (`aggregation: sum`, the default), or are
    /// rates, ratios or per-inhabitant levels read for one cell only (`aggregation: none`; see
    /// ``StoreInput/additive``).
    public var additive: Bool

    /// Creates an input.
    public init(name: String, bindings: [DataBinding], additive: Bool = true) {
        self.name = name
        self.bindings = bindings
        self.additive = additive
    }

    /// An input bound to store inputs (a compiled indicator's), preferred first.
    public init(name: String, storeInputs: [StoreInput]) {
        self.init(
            name: name,
            bindings: storeInputs.map { input in
                DataBinding(
                    dataflow: input.dataflow,
                    filters: input.filters.map { DataBinding.Filter(dimension: $0.key, code: $0.value) })
            },
            additive: storeInputs.first?.additive ?? true)
    }

    /// The statistics bindings as store inputs, preferred first (member-survey bindings left out).
    public var storeInputs: [StoreInput] {
        bindings.compactMap { binding in
            guard let dataflow = binding.dataflow else { return nil }
            var filters: [String: String] = [:]
            for filter in binding.filters { filters[filter.dimension] = filter.code }
            return StoreInput(dataflow: dataflow, filters: filters, additive: additive)
        }
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
            direction: direction, inputs: inputs, formula: formula, method: formula.text, references: references,
            file: file)
    }

    /// Creates the definition of a compiled indicator, whose `method` states how it is computed.
    public init(
        id: String, name: String, description: String, pillar: Pillar, tags: [TransitionTag], unit: String,
        direction: Direction, inputs: [IndicatorInput], method: String, references: [String]
    ) {
        self.init(
            id: id, name: name, description: description, pillar: pillar, tags: tags, unit: unit,
            direction: direction, inputs: inputs, formula: nil, method: method, references: references, file: nil)
    }

    private init(
        id: String, name: String, description: String, pillar: Pillar, tags: [TransitionTag], unit: String,
        direction: Direction, inputs: [IndicatorInput], formula: Formula?, method: String, references: [String],
        file: String?
    ) {
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
