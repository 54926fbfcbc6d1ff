/// Which dimension of a dataflow holds the geography, the economic activity and the time.
///
/// Providers name these dimensions differently: Eurostat writes `geo`, `nace_r2` and `TIME_PERIOD`,
/// the OECD `REF_AREA` and `ACTIVITY`, the ECB `REF_AREA`. A role is found by the first candidate id
/// the data has, ids compared case-insensitively; a per-dataflow override replaces the candidates of
/// that dataflow for that role.
///
/// Defaults (in order of preference):
///
/// | role | candidates |
/// |---|---|
/// | geography | `geo`, `REF_AREA`, `GEO`, `COUNTRY` |
/// | sector | `nace_r2`, `NACE_R2`, `ACTIVITY`, `ECON_ACTIVITY`, `NACE` |
/// | time | `TIME_PERIOD`, `TIME`, `PERIOD`, `YEAR` |
///
/// (`TIME`, `PERIOD` and `YEAR` are for tidy CSV files; SDMX data always says `TIME_PERIOD`.)
public struct DimensionRoles: Sendable, Hashable {
    /// A role a dimension can play.
    public enum Role: String, Sendable, Hashable, CaseIterable {
        /// The region (`geo`, `REF_AREA`).
        case geography
        /// The economic activity (`nace_r2`, `ACTIVITY`).
        case sector
        /// The time period (`TIME_PERIOD`).
        case time
    }

    /// Candidate ids per role, used for every dataflow without an override.
    public var defaults: [Role: [String]]
    /// Per-dataflow overrides: normalised dataflow id (see ``DataflowID/normalised(_:)``)
    /// → role → the one dimension id to use.
    public private(set) var overrides: [String: [Role: String]] = [:]

    /// The defaults for Eurostat, OECD and ECB conventions (see the type's documentation).
    public static let standard = DimensionRoles()

    /// Creates roles with the standard candidates and no overrides.
    public init() {
        defaults = [
            .geography: ["geo", "REF_AREA", "GEO", "COUNTRY"],
            .sector: ["nace_r2", "NACE_R2", "ACTIVITY", "ECON_ACTIVITY", "NACE"],
            .time: ["TIME_PERIOD", "TIME", "PERIOD", "YEAR"],
        ]
    }

    /// Makes `dimension` play `role` in `dataflow`, whatever the defaults say.
    ///
    /// - Parameters:
    ///   - role: The role.
    ///   - dimension: The dimension id (compared case-insensitively).
    ///   - dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public mutating func override(_ role: Role, dimension: String, dataflow: String) {
        overrides[DataflowID.normalised(dataflow), default: [:]][role] = dimension
    }

    /// The candidate ids of `role` in `dataflow`: the override alone if there is one, else the defaults.
    ///
    /// - Parameters:
    ///   - role: The role.
    ///   - dataflow: The dataflow, in any form ``DataflowID/normalised(_:)`` accepts.
    public func candidates(for role: Role, dataflow: String) -> [String] {
        if let dimension = overrides[DataflowID.normalised(dataflow)]?[role] {
            return [dimension]
        }
        return defaults[role] ?? []
    }

    /// The id, among `dimensions`, that plays `role` in `dataflow`: the first candidate present,
    /// compared case-insensitively; returned as spelled in `dimensions`.
    ///
    /// - Parameters:
    ///   - role: The role.
    ///   - dimensions: The dimension ids the data has.
    ///   - dataflow: The dataflow.
    /// - Returns: The dimension id, or `nil` when no candidate is present.
    public func dimension(for role: Role, among dimensions: [String], dataflow: String) -> String? {
        for candidate in candidates(for: role, dataflow: dataflow) {
            let folded = candidate.lowercased()
            if let match = dimensions.first(where: { $0.lowercased() == folded }) { return match }
        }
        return nil
    }

    /// Whether `dimension` is one of the standard sector dimensions (`nace_r2`, `ACTIVITY`, …),
    /// compared case-insensitively: a binding that filters it reads a fixed aggregate, not the
    /// cluster's sectors.
    public func isSector(_ dimension: String) -> Bool {
        let folded = dimension.lowercased()
        return (defaults[.sector] ?? []).contains { $0.lowercased() == folded }
    }
}
