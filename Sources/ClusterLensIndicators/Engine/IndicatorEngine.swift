public import ClusterLensCore

/// Computes indicators for clusters from an observation store and member surveys.
///
/// For each cluster and indicator the engine evaluates the indicator's formula with a context that
/// reads each input from its bindings (the first binding with data wins) in the scope and period the
/// formula asks for. The period is the one given, else the latest period any of the indicator's
/// dataflows holds. Every value carries the provenance of the observations read and their flags;
/// missing inputs give a missing result with the reason, never zero.
public struct IndicatorEngine: Sendable {
    /// The statistics.
    public var store: ObservationStore
    /// Member surveys by path (as the cluster definitions give them, resolved).
    public var surveys: [String: MemberSurvey]

    /// Creates an engine.
    public init(store: ObservationStore, surveys: [String: MemberSurvey] = [:]) {
        self.store = store
        self.surveys = surveys
    }

    /// Loads the member surveys the clusters name that are not loaded yet.
    public mutating func loadSurveys(for clusters: [ClusterDefinition]) throws(IndicatorsError) {
        for cluster in clusters {
            guard let path = cluster.membersPath, surveys[path] == nil else { continue }
            surveys[path] = try MemberSurveyLoader.load(file: path)
        }
    }

    /// Every indicator for one cluster, in the order given.
    public func compute(
        _ indicators: [IndicatorDefinition], for cluster: ClusterDefinition, period: TimePeriod? = nil
    ) -> [IndicatorResult] {
        indicators.map { compute($0, for: cluster, period: period) }
    }

    /// One indicator for one cluster.
    public func compute(_ indicator: IndicatorDefinition, for cluster: ClusterDefinition, period: TimePeriod?)
        -> IndicatorResult
    {
        guard let period = period ?? latestPeriod(of: indicator) else {
            return IndicatorResult(
                indicator: indicator, period: nil,
                value: .missing("no data for any input (\(indicator.inputs.map(\.name).joined(separator: ", ")))"),
                provenance: [])
        }
        let context = EngineContext(engine: self, indicator: indicator, cluster: cluster, period: period)
        let value: FormulaValue
        do {
            value = try indicator.formula.evaluate(context)
        } catch {
            value = .missing(error.message)
        }
        return IndicatorResult(
            indicator: indicator, period: period, value: value, provenance: context.log.provenance,
            memberCoverage: context.log.coverage)
    }

    /// The latest period in the dataflows the indicator's inputs bind to.
    public func latestPeriod(of indicator: IndicatorDefinition) -> TimePeriod? {
        var latest: TimePeriod?
        for input in indicator.inputs {
            for binding in input.bindings {
                if let dataflow = binding.dataflow {
                    for observation in store.observations(dataflow: dataflow)
                    where latest.map({ observation.period > $0 }) ?? true {
                        latest = observation.period
                    }
                } else if binding.memberMetric != nil {
                    for survey in surveys.values {
                        if let year = survey.years.max(), latest.map({ $0.start.date.year < year }) ?? true {
                            latest = try? TimePeriod(String(year))
                        }
                    }
                }
            }
        }
        return latest
    }
}

/// What a formula read while being evaluated (a class: the context is passed by value).
final class EvaluationLog: @unchecked Sendable {
    var provenance: [ValueProvenance] = []
    var coverage: [String: Double] = [:]
}

/// Reads formula inputs from the engine's store and surveys for one cluster, indicator and period.
struct EngineContext: FormulaContext {
    let engine: IndicatorEngine
    let indicator: IndicatorDefinition
    let cluster: ClusterDefinition
    let period: TimePeriod
    let log = EvaluationLog()

    func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError) -> FormulaValue {
        guard let declared = indicator.inputs.first(where: { $0.name == input }) else {
            throw IndicatorsError(.formulaEvaluation, "input \(input) is not declared by \(indicator.id)")
        }
        guard let when = PeriodArithmetic.shift(period, by: periodOffset) else {
            return .missing("no period \(periodOffset) from \(period.lexical)")
        }
        let statistics = declared.bindings.compactMap { binding -> StoreInput? in
            guard let dataflow = binding.dataflow else { return nil }
            var filters: [String: String] = [:]
            for filter in binding.filters { filters[filter.dimension] = filter.code }
            return StoreInput(dataflow: dataflow, filters: filters)
        }
        if !statistics.isEmpty {
            let result = engine.store.value(of: statistics, scope: scope, cluster: cluster, period: when)
            log.provenance.append(result.provenance)
            return result.value
        }
        guard let metric = declared.bindings.compactMap(\.memberMetric).first else {
            return .missing("input \(input) has no binding")
        }
        guard scope == .cluster else { return .missing("member data exist only for the cluster itself") }
        guard let path = cluster.membersPath, let survey = engine.surveys[path] else {
            return .missing("cluster \(cluster.id) has no member survey")
        }
        let firms = survey.years.isEmpty ? survey.firms : survey.firms(inYear: when.start.date.year)
        guard let aggregate = MemberAggregates.sum(column: metric, of: firms) else {
            return .missing("\(metric) is not a column of the member survey")
        }
        if let coverage = aggregate.coverage { log.coverage[input] = coverage }
        return aggregate.value
    }
}
