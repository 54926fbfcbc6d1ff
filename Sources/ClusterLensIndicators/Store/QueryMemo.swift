internal import ClusterLensCore
internal import Synchronization

/// Values of the store computed once and reused: the scopes many clusters share (a region's total,
/// the reference area's cluster sectors and total, a country's total). Twelve thousand clusters in
/// 240 regions read 240 region totals, not twelve thousand.
///
/// A reference type behind a lock, so that a `Sendable` store value can fill it from concurrent
/// queries; the store replaces it with an empty one whenever it changes, so a copy of the store
/// never sees values of other data.
final class QueryMemo: Sendable {
    /// What a value is computed from.
    struct Key: Hashable, Sendable {
        var inputs: [StoreInput]
        var sectors: SectorSet?
        var regions: RegionSet
        var period: TimePeriod
    }

    private let values = Mutex<[Key: AggregatedValue]>([:])

    private let dimensions = Mutex<[String: (geography: [Int], sector: [Int])]>([:])

    /// The geography and sector dimension numbers of a dataflow's table, or the ones `compute` gives.
    func roleDimensions(
        of dataflow: String, compute: () -> (geography: [Int], sector: [Int])
    ) -> (geography: [Int], sector: [Int]) {
        if let known = dimensions.withLock({ $0[dataflow] }) { return known }
        let found = compute()
        dimensions.withLock { $0[dataflow] = found }
        return found
    }

    private struct SectorKey: Hashable {
        var dataflow: String
        var sectors: SectorSet
    }

    private let sectorCodes = Mutex<[SectorKey: [Int32]]>([:])

    /// The numbers of a dataflow's sector codes inside `sectors`, or the ones `compute` gives.
    func sectorCodes(of dataflow: String, in sectors: SectorSet, compute: () -> [Int32]) -> [Int32] {
        let key = SectorKey(dataflow: dataflow, sectors: sectors)
        if let known = sectorCodes.withLock({ $0[key] }) { return known }
        let found = compute()
        sectorCodes.withLock { $0[key] = found }
        return found
    }

    private let periods = Mutex<[[String]: [TimePeriod]]>([:])

    /// The periods of a list of dataflows, or the ones `compute` gives.
    func periods(of dataflows: [String], compute: () -> [TimePeriod]) -> [TimePeriod] {
        if let known = periods.withLock({ $0[dataflows] }) { return known }
        let found = compute()
        periods.withLock { $0[dataflows] = found }
        return found
    }

    private let periodSectors = Mutex<[String: Set<NACECode>]>([:])

    /// The NACE codes a dataflow holds in a period, or the ones `compute` gives.
    func sectorCodes(of dataflow: String, period: TimePeriod, compute: () -> Set<NACECode>) -> Set<NACECode> {
        let key = dataflow + "\u{0}" + period.lexical
        if let known = periodSectors.withLock({ $0[key] }) { return known }
        let found = compute()
        periodSectors.withLock { $0[key] = found }
        return found
    }

    /// Whether nothing has been remembered yet.
    var isEmpty: Bool {
        values.withLock { $0.isEmpty } && dimensions.withLock { $0.isEmpty }
            && sectorCodes.withLock { $0.isEmpty } && periods.withLock { $0.isEmpty }
            && periodSectors.withLock { $0.isEmpty }
    }

    /// The value remembered for `key`, or the one `compute` gives, remembered.
    func value(for key: Key, compute: () -> AggregatedValue) -> AggregatedValue {
        if let known = values.withLock({ $0[key] }) { return known }
        let value = compute()
        values.withLock { $0[key] = value }
        return value
    }
}
