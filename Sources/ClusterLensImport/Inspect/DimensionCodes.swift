import ClusterLensCore

/// The distinct codes of one dimension in a data file, and how many observations carry each.
///
/// A series-key code counts the observations of its series; a code of a series without observations
/// is listed with 0. An observation-level code (the time period, a cross-sectional dimension) counts the
/// observations that carry it.
public struct DimensionCodes: Sendable, Hashable {
    /// The dimension id, as spelled in the file.
    public var id: String
    /// Observations per code.
    public var observations: [String: Int]

    /// Creates the codes of a dimension.
    public init(id: String, observations: [String: Int]) {
        self.id = id
        self.observations = observations
    }

    /// The codes in a stable order: time periods in time order (by start, then end, then as written;
    /// a code that is not a period after them), other codes sorted by their characters.
    ///
    /// - Parameter asTime: Whether the dimension is the time dimension.
    public func orderedCodes(asTime: Bool) -> [String] {
        let codes = observations.keys.sorted()
        guard asTime else { return codes }
        let periods = codes.map { code in (code: code, period: try? TimePeriod(code)) }
        return periods.sorted { left, right in
            switch (left.period, right.period) {
            case (let first?, let second?): return first < second || (!(second < first) && left.code < right.code)
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return left.code < right.code
            }
        }.map(\.code)
    }
}
