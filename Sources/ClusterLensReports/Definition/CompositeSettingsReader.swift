internal import ClusterLensCore
public import ClusterLensIndicators
public import ClusterLensScoring
package import Yams

/// Reads ``CompositeSettings`` from YAML, reporting unknown keys and bad values at their file, line
/// and column (errors have the code ``IndicatorsError/Code/compositeSettings``).
///
/// Every key is optional; what is left out keeps COINr's default. Keys:
///
/// ```yaml
/// composite:
///   screening:
///     unit_availability: 0.66        # share of indicators a unit needs (0…1)
///     indicator_availability: 0      # share of units an indicator needs (0…1)
///   imputation: none                 # none | mean | median
///   panel: latest                   # none | latest | linear: which year of each cluster's series
///   year: 2021                      # optional: the year compared (default: the latest with data)
///   outliers:                        # or `outliers: false`
///     enabled: true
///     skew: 2                        # |skew| threshold
///     kurtosis: 3.5                  # kurtosis threshold
///     winmax: 5                      # most winsorised points (distinct points, as COINr counts)
///     transform: log_CT              # log_CT (COINr's default) | log_CT_plus, when winsorising is not enough
///   normalisation:
///     method: minmax                 # minmax | zscore | goalposts | target | best | prank | rank
///     low: 0                         # minmax
///     high: 100                      # minmax
///     mean: 0                        # zscore
///     sd: 1                          # zscore
///     scale: 100                     # goalposts, target, best, prank
///     cap: true                      # target
///   goalposts:                       # per indicator, for normalisation method goalposts
///     employment_rate: {low: 50, high: 85}
///   weights:
///     method: explicit               # equal | explicit | importance (0–10) | pca
///     indicators: {emp_growth: 2}    # explicit and importance only
///     pillars: {environmental: 2}    # economic | social | environmental
///   aggregation:
///     indicators: arithmetic         # arithmetic | geometric | harmonic | mpi | copeland | power
///     pillars: {method: power, order: 0.5}
///     shift: 1                       # optional: lets geometric/harmonic/power means take zeros
///     minimum_coverage: 0.5          # 0…1
///   scope: cluster                   # cluster (default): the cluster's own indicators | all: context too
///   context_score: true              # an unranked score of the region and country context (scope cluster)
/// ```
public struct CompositeSettingsReader: YAMLReader {
    /// The file, as errors name it.
    public let file: String
    /// The code of the errors it throws.
    public let errorCode = IndicatorsError.Code.compositeSettings

    /// The keys of `composite:`.
    static let keys = [
        "screening", "imputation", "panel", "year", "outliers", "normalisation", "goalposts", "weights",
        "aggregation", "scope", "context_score",
    ]

    /// Creates a reader for a file name (used in messages only).
    public init(file: String) {
        self.file = file
    }

    /// The settings of a YAML document whose top level holds `composite:`.
    /// - Throws: ``IndicatorsError`` with code ``IndicatorsError/Code/compositeSettings`` at the line
    ///   and column of the first problem.
    public func settings(fromYAML text: String) throws(IndicatorsError) -> CompositeSettings {
        guard let root = try YAMLSource.compose(text, file: file, errorCode: errorCode) else {
            throw IndicatorsError(errorCode, "the file is empty: expected `composite:`", file: file, line: 1, column: 1)
        }
        guard case .mapping(let top) = root else {
            throw error("expected `composite:` at the top of the file, found \(kind(root))", root)
        }
        let fields = try keyedValues(of: top, allowed: ["composite"], in: "at the top of the file")
        guard let composite = fields["composite"] else { throw error("no `composite:` at the top of the file", root) }
        return try settings(from: composite.value)
    }

    /// Which indicators the composite ranks: `scope:` and `context_score:` of the mapping under
    /// `composite:` (read by ``settings(from:)`` as known keys, used by reports).
    package func scoringScope(from node: Node) throws(IndicatorsError) -> ScoringScope {
        var scope = ScoringScope()
        guard !isNull(node) else { return scope }
        let fields = try keyedValues(
            of: try mapping(node, "composite"),
            allowed: Self.keys,
            in: "in composite")
        if let field = fields["scope"] {
            let name = try text(field, expected: "cluster or all")
            guard let indicators = ScoringScope.Indicators(rawValue: name) else {
                throw error(
                    "unknown scope \"\(name)\" (allowed: cluster — the cluster's own indicators only; all — "
                        + "region and country context too)", field.value)
            }
            scope.indicators = indicators
        }
        if let field = fields["context_score"] { scope.contextScore = try flag(field) }
        return scope
    }

    /// The settings of the mapping under `composite:`.
    package func settings(from node: Node) throws(IndicatorsError) -> CompositeSettings {
        var settings = CompositeSettings()
        if isNull(node) { return settings }
        let fields = try keyedValues(
            of: try mapping(node, "composite"),
            allowed: Self.keys,
            in: "in composite")
        if let field = fields["screening"] {
            let keys = try keyedValues(
                of: try mapping(field.value, "screening"), allowed: ["unit_availability", "indicator_availability"],
                in: "in screening")
            if let value = keys["unit_availability"] {
                settings.screening.minimumUnitAvailability = try share(value)
            }
            if let value = keys["indicator_availability"] {
                settings.screening.minimumIndicatorAvailability = try share(value)
            }
        }
        if let field = fields["imputation"] {
            let name = try text(field, expected: "none, mean or median")
            guard let imputation = CompositeSettings.Imputation(rawValue: name) else {
                throw error("unknown imputation \"\(name)\" (allowed: none, mean, median)", field.value)
            }
            settings.imputation = imputation
        }
        if let field = fields["panel"] {
            let name = try text(field, expected: "none, latest or linear")
            guard let panel = CompositeSettings.PanelImputation(rawValue: name) else {
                throw error("unknown panel imputation \"\(name)\" (allowed: none, latest, linear)", field.value)
            }
            settings.panel = panel
        }
        if let field = fields["year"] {
            let text = try text(field, expected: "a year such as 2021")
            guard let year = Int(text), (1900...2200).contains(year) else {
                throw error("year must be a year such as 2021, not \"\(text)\"", field.value)
            }
            settings.referenceYear = year
        }
        if let field = fields["outliers"] {
            settings.outliers = try outliers(field)
        }
        if let field = fields["normalisation"] {
            settings.normalisation = try normalisation(field)
        }
        if let field = fields["goalposts"] {
            settings.goalposts = try goalposts(field)
        }
        if let field = fields["weights"] {
            settings.weighting = try weighting(field)
        }
        if let field = fields["aggregation"] {
            let keys = try keyedValues(
                of: try mapping(field.value, "aggregation"),
                allowed: ["indicators", "pillars", "shift", "minimum_coverage"], in: "in aggregation")
            if let value = keys["indicators"] { settings.indicatorAggregation = try aggregation(value) }
            if let value = keys["pillars"] { settings.pillarAggregation = try aggregation(value) }
            if let value = keys["shift"] {
                let shift = try number(value)
                guard shift >= 0 else { throw error("shift must be 0 or more, not \(shift)", value.value) }
                settings.shift = shift
            }
            if let value = keys["minimum_coverage"] { settings.minimumCoverage = try share(value) }
        }
        return settings
    }

    func mapping(_ node: Node, _ name: String) throws(IndicatorsError) -> Node.Mapping {
        guard case .mapping(let mapping) = node else {
            throw error("\(name) must be a mapping, not \(kind(node))", node)
        }
        return mapping
    }

    private func share(_ field: YAMLField) throws(IndicatorsError) -> Double {
        let value = try number(field)
        guard value >= 0 && value <= 1 else {
            throw error("\(field.name) must be a share from 0 to 1, not \(value)", field.value)
        }
        return value
    }

    func flag(_ field: YAMLField) throws(IndicatorsError) -> Bool {
        let string = try text(field, expected: "true or false")
        switch string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("\(field.name) must be true or false, not \"\(string)\"", field.value)
        }
    }

    private func outliers(_ field: YAMLField) throws(IndicatorsError) -> CompositeSettings.OutlierTreatment {
        var treatment = CompositeSettings.OutlierTreatment()
        if case .scalar = field.value {
            treatment.enabled = try flag(field)
            return treatment
        }
        let keys = try keyedValues(
            of: try mapping(field.value, "outliers"), allowed: ["enabled", "skew", "kurtosis", "winmax", "transform"],
            in: "in outliers")
        if let value = keys["enabled"] { treatment.enabled = try flag(value) }
        if let value = keys["skew"] { treatment.skewThreshold = try number(value) }
        if let value = keys["kurtosis"] { treatment.kurtosisThreshold = try number(value) }
        if let value = keys["winmax"] {
            let string = try text(value, expected: "a whole number ≥ 0")
            guard let limit = Int(string), limit >= 0 else {
                throw error("winmax must be a whole number ≥ 0, not \"\(string)\"", value.value)
            }
            treatment.winsorisationLimit = limit
        }
        if let value = keys["transform"] {
            let names = CompositeSettings.OutlierTreatment.Transform.allCases.map(\.rawValue).joined(separator: ", ")
            let name = try text(value, expected: "one of \(names)")
            guard let transform = CompositeSettings.OutlierTreatment.Transform(rawValue: name) else {
                throw error("unknown outlier transform \"\(name)\" (allowed: \(names))", value.value)
            }
            treatment.transform = transform
        }
        return treatment
    }

    func normalisation(_ field: YAMLField) throws(IndicatorsError) -> CompositeSettings.Normalisation {
        let methods = "minmax, zscore, goalposts, target, best, prank, rank"
        let keys = try keyedValues(
            of: try mapping(field.value, "normalisation"),
            allowed: ["method", "low", "high", "mean", "sd", "scale", "cap"], in: "in normalisation")
        guard let methodField = keys["method"] else {
            throw error("normalisation has no `method` (one of \(methods))", field.value)
        }
        func value(_ key: String, _ fallback: Double) throws(IndicatorsError) -> Double {
            guard let field = keys[key] else { return fallback }
            return try number(field)
        }
        let method = try text(methodField, expected: "one of \(methods)")
        let allowed: [String]
        let result: CompositeSettings.Normalisation
        switch method {
        case "minmax":
            allowed = ["low", "high"]
            let low = try value("low", 0)
            let high = try value("high", 100)
            guard low < high else { throw error("low must be below high", keys["high"]?.value ?? methodField.value) }
            result = .minMax(low: low, high: high)
        case "zscore":
            allowed = ["mean", "sd"]
            let sd = try value("sd", 1)
            guard sd > 0 else { throw error("sd must be above 0", keys["sd"]?.value ?? methodField.value) }
            result = .zScore(mean: try value("mean", 0), sd: sd)
        case "goalposts":
            allowed = ["scale"]
            result = .goalposts(scale: try value("scale", 100))
        case "target":
            allowed = ["scale", "cap"]
            let cap = try keys["cap"].map { (field) throws(IndicatorsError) -> Bool in try flag(field) } ?? true
            result = .distanceToTarget(scale: try value("scale", 100), cap: cap)
        case "best":
            allowed = ["scale"]
            result = .distanceToBest(scale: try value("scale", 100))
        case "prank":
            allowed = ["scale"]
            result = .percentileRank(scale: try value("scale", 100))
        case "rank":
            allowed = []
            result = .rank
        default:
            throw error("unknown normalisation method \"\(method)\" (allowed: \(methods))", methodField.value)
        }
        for (key, field) in keys where key != "method" && !allowed.contains(key) {
            throw error("\(key) does not apply to normalisation method \(method)", field.key ?? field.value)
        }
        return result
    }

    /// `goalposts:` — per indicator id, `{low: 50, high: 85}` with low < high.
    private func goalposts(_ field: YAMLField) throws(IndicatorsError) -> [String: Goalposts] {
        var result: [String: Goalposts] = [:]
        for (key, value) in try mapping(field.value, "goalposts") {
            guard case .scalar(let id) = key, !isNull(key) else {
                throw error("goalposts are given per indicator id, not \(kind(key))", key)
            }
            let place = "goalposts of \(id.string)"
            let bounds = try keyedValues(of: try mapping(value, place), allowed: ["low", "high"], in: "in \(place)")
            guard let low = bounds["low"], let high = bounds["high"] else {
                throw error("\(place) need low and high, such as {low: 50, high: 85}", value)
            }
            let goalposts = Goalposts(low: try number(low), high: try number(high))
            guard goalposts.low < goalposts.high else {
                throw error("\(place): low \(goalposts.low) must be below high \(goalposts.high)", low.value)
            }
            result[id.string] = goalposts
        }
        return result
    }

    private func weighting(_ field: YAMLField) throws(IndicatorsError) -> CompositeSettings.Weighting {
        let keys = try keyedValues(
            of: try mapping(field.value, "weights"), allowed: ["method", "indicators", "pillars"], in: "in weights")
        guard let methodField = keys["method"] else {
            throw error("weights has no `method` (one of equal, explicit, importance, pca)", field.value)
        }
        let method = try text(methodField, expected: "equal, explicit, importance or pca")
        var indicators: [String: Double] = [:]
        var pillars: [Pillar: Double] = [:]
        if let listField = keys["indicators"] {
            for (key, value) in try mapping(listField.value, "weights.indicators") {
                guard case .scalar(let id) = key else { throw error("indicator ids must be names", key) }
                indicators[id.string] = try number(YAMLField(name: id.string, key: key, value: value))
            }
        }
        if let listField = keys["pillars"] {
            for (key, value) in try mapping(listField.value, "weights.pillars") {
                guard case .scalar(let name) = key, let pillar = Pillar(rawValue: name.string) else {
                    throw error("\(kind(key)) is not a pillar (economic, social, environmental)", key)
                }
                pillars[pillar] = try number(YAMLField(name: name.string, key: key, value: value))
            }
        }
        switch method {
        case "equal", "pca":
            if let extra = keys["indicators"] ?? keys["pillars"] {
                throw error("\(extra.name) does not apply to weights method \(method)", extra.key ?? extra.value)
            }
            return method == "equal" ? .equal : .principalComponent
        case "explicit":
            return .explicit(indicators: indicators, pillars: pillars)
        case "importance":
            return .importance(indicators: indicators, pillars: pillars)
        default:
            throw error(
                "unknown weights method \"\(method)\" (allowed: equal, explicit, importance, pca)", methodField.value)
        }
    }

    func aggregation(_ field: YAMLField) throws(IndicatorsError) -> CompositeSettings.Aggregation {
        let methods = "arithmetic, geometric, harmonic, power, mpi, copeland"
        var methodField = field
        var order: YAMLField?
        if case .mapping(let mapping) = field.value {
            let keys = try keyedValues(of: mapping, allowed: ["method", "order"], in: "in \(field.name)")
            guard let method = keys["method"] else { throw error("\(field.name) has no `method`", field.value) }
            methodField = method
            order = keys["order"]
        }
        let method = try text(methodField, expected: "one of \(methods)")
        if method != "power", let order {
            throw error("order applies to the power mean only", order.key ?? order.value)
        }
        switch method {
        case "arithmetic": return .arithmetic
        case "geometric": return .geometric
        case "harmonic": return .harmonic
        case "mpi": return .mazziottaPareto
        case "copeland": return .copeland
        case "power":
            guard let order else {
                throw error("the power mean needs an order: write {method: power, order: 0.5}", methodField.value)
            }
            return .power(order: try number(order))
        default:
            throw error("unknown aggregation \"\(method)\" (allowed: \(methods))", methodField.value)
        }
    }
}
