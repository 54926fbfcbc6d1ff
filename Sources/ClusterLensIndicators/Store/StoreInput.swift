public import ClusterLensCore

/// Where an indicator input is read in the observation store: a dataflow and the filters that pick
/// the measure, such as persons employed from `sbs_r_nuts2021` with `indic_sbs=EMP_LOC_NR`.
public struct StoreInput: Sendable, Hashable, CustomStringConvertible {
    /// The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public var dataflow: String { didSet { identity = Self.identity(dataflow, filters, additive, total) } }
    /// Dimension id → code for the dimensions other than geography and time. A filter on the sector
    /// dimension (such as `nace_r2=HTC`, an aggregate that is not one NACE code) makes the input
    /// regional: its cells count as the all-sector total.
    public var filters: [String: String] { didSet { identity = Self.identity(dataflow, filters, additive, total) } }
    /// Whether values add up across cells (counts, money). A rate, a ratio or a per-inhabitant level
    /// (an unemployment rate, GDP per inhabitant) is not additive: it is read only where the scope
    /// is exactly one cell, and a scope spanning several cells gives a missing value, never a sum.
    public var additive: Bool { didSet { identity = Self.identity(dataflow, filters, additive, total) } }
    /// The code of the dataflow's all-sector total (`B-S_X_O_S94` in `sbs_r_nuts2021`), read by the
    /// all-sector scopes; `nil` for `TOTAL`. The store's ``ObservationStore/totalSectorOverride``
    /// (a report's `total-sector:`) wins over it.
    public var total: String? { didSet { identity = Self.identity(dataflow, filters, additive, total) } }
    /// Everything above in one text, kept up to date: equality and hashing compare this one string
    /// (the store remembers values by their inputs, so inputs are hashed on every shared read).
    private var identity: String

    /// Creates an input binding.
    ///
    /// - Parameters:
    ///   - dataflow: The dataflow.
    ///   - filters: Dimension id → code, ids compared case-insensitively.
    ///   - additive: `false` for rates, ratios and per-inhabitant levels.
    ///   - total: The dataflow's all-sector code, `nil` for `TOTAL`.
    public init(dataflow: String, filters: [String: String] = [:], additive: Bool = true, total: String? = nil) {
        self.dataflow = dataflow
        self.filters = filters
        self.additive = additive
        self.total = total
        identity = Self.identity(dataflow, filters, additive, total)
    }

    private static func identity(
        _ dataflow: String, _ filters: [String: String], _ additive: Bool, _ total: String?
    ) -> String {
        let pairs = filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "\u{1}")
        return [dataflow, pairs, additive ? "+" : "-", total ?? "\u{2}"].joined(separator: "\u{0}")
    }

    /// Equal when dataflow, filters, additivity and total are.
    public static func == (left: StoreInput, right: StoreInput) -> Bool { left.identity == right.identity }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(identity) }

    /// The all-sector code of `sbs_r_nuts2021`: the business economy, sections B to S except O and
    /// group S94 (Eurostat's label "Total business economy; repair of computers, personal and household
    /// goods; except financial and insurance activities" differs between the two SBS series).
    public static let sbsTotal2021 = "B-S_X_O_S94"
    /// The all-sector code of `sbs_r_nuts06_r2`: sections B to N and division S95, except K.
    public static let sbsTotal2008 = "B-N_S95_X_K"

    /// Persons employed, from Eurostat's structural business statistics by NUTS 2 region: the current
    /// `sbs_r_nuts2021` (`indic_sbs=EMP_LOC_NR`), else the older `sbs_r_nuts06_r2` (`indic_sb=V16110`).
    public static let personsEmployed: [StoreInput] = [
        StoreInput(dataflow: "sbs_r_nuts2021", filters: ["indic_sbs": "EMP_LOC_NR"], total: sbsTotal2021),
        StoreInput(dataflow: "sbs_r_nuts06_r2", filters: ["indic_sb": "V16110"], total: sbsTotal2008),
    ]

    /// Local units, from `sbs_r_nuts2021` (`indic_sbs=LOC_NR`), else `sbs_r_nuts06_r2` (`indic_sb=V11210`).
    public static let localUnits: [StoreInput] = [
        StoreInput(dataflow: "sbs_r_nuts2021", filters: ["indic_sbs": "LOC_NR"], total: sbsTotal2021),
        StoreInput(dataflow: "sbs_r_nuts06_r2", filters: ["indic_sb": "V11210"], total: sbsTotal2008),
    ]

    /// `dataflow[id=code,…]`, filters sorted by id; `(not additive)` after a rate.
    public var description: String {
        let pairs = filters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return "\(dataflow)[\(pairs.joined(separator: ","))]" + (additive ? "" : " (not additive)")
    }
}

extension ObservationStore {
    /// The value of the first of several alternative inputs that has data for the query.
    ///
    /// The alternatives are tried in order; the first one with at least one observation for the
    /// cluster's cells in `period` gives the result, even a missing one (a confidential cell in the
    /// current dataflow is not silently replaced by an older dataflow's number). When none has an
    /// observation, the result is missing and the reason lists what was tried.
    ///
    /// - Parameters:
    ///   - alternatives: The inputs in order of preference, such as ``StoreInput/personsEmployed``.
    ///   - sectors: The cluster's sectors; `nil` for all sectors (the binding's total, or the store's override).
    ///   - regions: The cluster's regions.
    ///   - period: The period.
    /// - Returns: The value as ``value(dataflow:filters:sectors:regions:period:)`` computes it.
    public func value(
        of alternatives: [StoreInput], sectors: SectorSet?, regions: RegionSet, period: TimePeriod
    ) -> AggregatedValue {
        var reasons: [String] = []
        var last: AggregatedValue?
        for input in alternatives {
            let result = value(
                dataflow: input.dataflow, filters: input.filters, sectors: sectors, regions: regions, period: period,
                additive: input.additive, total: input.total)
            if !result.provenance.inputs.isEmpty { return result }
            reasons.append(result.missingReason ?? "no observation of \(input)")
            last = result
        }
        let reason = reasons.isEmpty ? "no input to read" : reasons.joined(separator: "; ")
        return AggregatedValue(
            value: .missing(reason),
            provenance: last?.provenance ?? ValueProvenance(dataflow: alternatives.first?.dataflow ?? ""))
    }
}
