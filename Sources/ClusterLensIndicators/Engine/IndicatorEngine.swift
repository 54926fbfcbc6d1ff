public import ClusterLensCore
internal import ClusterLensImport
internal import Synchronization

/// Computes indicators for clusters from an observation store and member surveys.
///
/// For each cluster and indicator the engine evaluates the indicator's formula with a context that
/// reads each input from its bindings (the first binding with data wins) in the scope and period the
/// formula asks for. The period is the one given, else the latest period any of the indicator's
/// dataflows holds. Every value carries the provenance of the observations read and their flags;
/// missing inputs give a missing result with the reason, never zero. An indicator (formula or
/// compiled) that reads one input from different dataflows in different periods (a growth rate from `sbs_r_nuts06_r2` in 2016 to
/// `sbs_r_nuts2021` in 2021) is flagged `b`, Eurostat's break-in-series flag.
public struct IndicatorEngine: Sendable {
    /// The statistics.
    public var store: ObservationStore
    /// Member surveys by path (as the cluster definitions give them, resolved).
    public var surveys: [String: MemberSurvey]
    /// Binding overrides by input name (`employment`, `national_employment`, …): they replace the
    /// bindings of every indicator's input of that name, files and compiled indicators alike (a
    /// report definition's `bindings:`).
    public var bindings: [String: [StoreInput]] = [:]

    /// Values of the cluster's own scope read by more than one indicator, while one cluster is
    /// computed (see ``sharingClusterValues()``); `nil` otherwise.
    var clusterMemo: QueryMemo?

    /// A copy that remembers the values of the cluster's own scope it reads, for computing every
    /// indicator of one cluster: employment is read once, not once per indicator. Use one copy per
    /// cluster.
    public func sharingClusterValues() -> IndicatorEngine {
        var copy = self
        copy.clusterMemo = QueryMemo()
        return copy
    }

    /// The store inputs of the input `name`: the override if there is one, else `fallback`.
    public func inputs(_ name: String, default fallback: [StoreInput]) -> [StoreInput] {
        guard let override = bindings[name] else { return fallback }
        let additive = fallback.first?.additive ?? true
        return override.map {
            StoreInput(dataflow: $0.dataflow, filters: $0.filters, additive: additive, total: $0.total)
        }
    }

    /// Creates an engine.
    public init(store: ObservationStore, surveys: [String: MemberSurvey] = [:]) {
        self.store = store
        self.surveys = surveys
    }

    /// Loads the member surveys the clusters name that are not loaded yet.
    public mutating func loadSurveys(for clusters: [ClusterDefinition]) throws(IndicatorsError) {
        for cluster in clusters {
            guard let path = cluster.membersPath, surveys[path] == nil else { continue }
            do {
                surveys[path] = try MemberSurveyLoader.load(file: path)
            } catch {
                throw IndicatorsError(
                    .data, error.message, file: error.file, line: error.line, column: error.column, underlying: error)
            }
        }
    }

    /// Every indicator for one cluster, in the order given.
    public func compute(_ indicators: [any Indicator], for cluster: ClusterDefinition, period: TimePeriod? = nil)
        -> [IndicatorResult]
    {
        indicators.map { compute($0, for: cluster, period: period) }
    }

    /// One indicator for one cluster.
    ///
    /// With `period` `nil` the period is the latest one with a value: the periods the indicator's
    /// inputs hold are tried from the latest down (at most ``latestPeriodAttempts``), so an
    /// indicator whose inputs end in different years (GDP published for 2022, R&D only to 2021) gets
    /// its latest complete year. When none has a value, the result is the latest period's, with its
    /// reason.
    public func compute(_ indicator: any Indicator, for cluster: ClusterDefinition, period: TimePeriod?)
        -> IndicatorResult
    {
        let definition = indicator.definition
        if let period { return evaluate(indicator, for: cluster, period: period) }
        let candidates = periods(of: definition).suffix(Self.latestPeriodAttempts).reversed()
        guard let latest = candidates.first else {
            return IndicatorResult(
                indicator: definition, period: nil,
                value: .missing("no data for any input (\(definition.inputs.map(\.name).joined(separator: ", ")))"),
                provenance: [])
        }
        let first = evaluate(indicator, for: cluster, period: latest)
        guard first.value.isMissing else { return first }
        for period in candidates.dropFirst() {
            let result = evaluate(indicator, for: cluster, period: period)
            if !result.value.isMissing { return result }
        }
        return first
    }

    /// How many of the latest periods ``compute(_:for:period:)`` tries when no period is given.
    public static let latestPeriodAttempts = 10

    private func evaluate(_ indicator: any Indicator, for cluster: ClusterDefinition, period: TimePeriod)
        -> IndicatorResult
    {
        let request = IndicatorRequest(engine: self, cluster: cluster, period: period)
        var value = indicator.evaluate(request)
        if request.log.crossesDataflows { value.flags.insert(FormulaValue.seriesBreakFlag) }
        return IndicatorResult(
            indicator: indicator.definition, period: period, value: value, provenance: request.log.provenance,
            memberCoverage: request.log.coverage)
    }

    /// The latest period in the dataflows the indicator's inputs bind to (or the member surveys' latest year).
    public func latestPeriod(of indicator: IndicatorDefinition) -> TimePeriod? {
        periods(of: indicator).last
    }

    /// Every period the indicator's inputs hold, sorted.
    private func periods(of indicator: IndicatorDefinition) -> [TimePeriod] {
        var dataflows: [String] = []
        var members = false
        for input in indicator.inputs {
            for statistics in inputs(input.name, default: input.storeInputs) { dataflows.append(statistics.dataflow) }
            if input.bindings.contains(where: { $0.memberMetric != nil }) { members = true }
        }
        let stored = store.periods(dataflows: dataflows)
        guard members else { return stored }
        var periods = Set(stored)
        for survey in surveys.values {
            for year in survey.years {
                if let period = try? TimePeriod(String(year)) { periods.insert(period) }
            }
        }
        return periods.sorted()
    }
}

/// What an indicator read while being computed: a reference type because requests and formula
/// contexts are values that share it; `Sendable` through a lock, since a compiled indicator may hand
/// its request to other tasks.
final class EvaluationLog: Sendable {
    private struct Record {
        var provenance: [ValueProvenance] = []
        var coverage: [String: Double] = [:]
        /// The dataflows each formula input was read from, over all the periods the formula asked for.
        var dataflowsByInput: [String: Set<String>] = [:]
    }

    private let record = Mutex(Record())

    /// The provenance of every value read, in order.
    var provenance: [ValueProvenance] { record.withLock { $0.provenance } }

    /// Member-survey coverage per input.
    var coverage: [String: Double] { record.withLock { $0.coverage } }

    /// Whether some input was read from different dataflows in different periods (a series break,
    /// such as `sbs_r_nuts06_r2` up to 2020 and `sbs_r_nuts2021` from 2021).
    var crossesDataflows: Bool { record.withLock { $0.dataflowsByInput.values.contains { $0.count > 1 } } }

    /// Records a value read for `input` (a formula input's name, or a compiled indicator's bindings):
    /// its provenance, and the dataflow that served it.
    func record(_ result: AggregatedValue, input: String) {
        record.withLock { record in
            record.provenance.append(result.provenance)
            if !result.provenance.inputs.isEmpty {
                record.dataflowsByInput[input, default: []].insert(result.provenance.dataflow)
            }
        }
    }

    /// Records the member-survey coverage of `input`.
    func record(coverage: Double, input: String) {
        record.withLock { $0.coverage[input] = coverage }
    }
}

/// What an indicator is computed for: the engine's data, the cluster and the period; everything it
/// reads through here is recorded for the result's provenance.
public struct IndicatorRequest: Sendable {
    /// The engine (store and member surveys).
    public let engine: IndicatorEngine
    /// The cluster.
    public let cluster: ClusterDefinition
    /// The period computed.
    public let period: TimePeriod
    let log = EvaluationLog()

    /// The value of statistics bound by `inputs` in `scope` and `sectors` override, recorded for provenance.
    public func statistics(
        _ inputs: [StoreInput], sectors: SectorSet?, regions: RegionSet, period: TimePeriod
    ) -> AggregatedValue {
        let result = engine.store.value(of: inputs, sectors: sectors, regions: regions, period: period)
        log.record(result, input: inputs.map(\.description).joined(separator: " | "))
        return result
    }

    /// The formula context that reads `definition`'s inputs for this request.
    func formulaContext(for definition: IndicatorDefinition) -> EngineContext {
        EngineContext(request: self, indicator: definition)
    }
}

/// Reads formula inputs from the engine's store and surveys for one request and indicator.
struct EngineContext: FormulaContext {
    let request: IndicatorRequest
    let indicator: IndicatorDefinition

    func value(of input: String, scope: FormulaScope, periodOffset: Int) throws(IndicatorsError) -> FormulaValue {
        guard let declared = indicator.inputs.first(where: { $0.name == input }) else {
            throw IndicatorsError(.formulaEvaluation, "input \(input) is not declared by \(indicator.id)")
        }
        guard let when = PeriodArithmetic.shift(request.period, by: periodOffset) else {
            return .missing("no period \(periodOffset) from \(request.period.lexical)")
        }
        let statistics = request.engine.inputs(input, default: declared.storeInputs)
        let cluster = request.cluster
        if !statistics.isEmpty {
            let result = request.engine.store.value(
                of: statistics, scope: scope, cluster: cluster, period: when, clusterMemo: request.engine.clusterMemo)
            request.log.record(result, input: input)
            return result.value
        }
        guard let metric = declared.bindings.compactMap(\.memberMetric).first else {
            return .missing("input \(input) has no binding")
        }
        guard scope == .cluster else { return .missing("member data exist only for the cluster itself") }
        guard let path = cluster.membersPath, let survey = request.engine.surveys[path] else {
            return .missing("cluster \(cluster.id) has no member survey")
        }
        let firms = survey.years.isEmpty ? survey.firms : survey.firms(inYear: when.start.date.year)
        guard let aggregate = MemberAggregates.sum(column: metric, of: firms) else {
            return .missing("\(metric) is not a column of the member survey")
        }
        if let coverage = aggregate.coverage { request.log.record(coverage: coverage, input: input) }
        return aggregate.value
    }
}
