/// Observations per code per dimension, dimensions in order of first appearance: what
/// ``DataInspector`` and ``RecordInspector`` count.
struct CodeTally {
    /// Dimension ids in order of first appearance.
    private(set) var order: [String] = []
    /// Dimension id → code → observations.
    private(set) var counts: [String: [String: Int]] = [:]

    /// Adds `observations` to `code` of `dimension`; 0 notes the code only (a series without observations).
    mutating func add(_ dimension: String, _ code: String, observations: Int) {
        if counts[dimension] == nil { order.append(dimension) }
        counts[dimension, default: [:]][code, default: 0] += observations
    }

    /// Each dimension and its number of distinct codes.
    var usages: [DimensionUsage] {
        order.map { DimensionUsage(id: $0, codes: counts[$0]?.count ?? 0) }
    }

    /// Each dimension's codes and their observations.
    var codes: [DimensionCodes] {
        order.map { DimensionCodes(id: $0, observations: counts[$0] ?? [:]) }
    }
}
