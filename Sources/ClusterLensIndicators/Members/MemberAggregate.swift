/// A cluster value computed from its member firms: the value (or missing, with the reason), how much
/// of the members' employment it rests on, and how many firms reported.
///
/// Non-reporting members are left out, never counted as zero; ``coverage`` says how representative
/// the value is.
public struct MemberAggregate: Sendable, Equatable, CustomStringConvertible {
    /// The value, or missing with the reason (such as `no member reported energy_mwh`).
    public var value: FormulaValue
    /// The share of the members' employment in the firms the value rests on (those that reported every
    /// answer it needs), from 0 to 1; `nil` when the members have no employees at all (or there are
    /// no members).
    public var coverage: Double?
    /// The number of firms the value rests on.
    public var reportingFirms: Int
    /// The number of member firms.
    public var memberFirms: Int

    /// Creates an aggregate.
    ///
    /// - Parameters:
    ///   - value: The value or missing.
    ///   - coverage: The reporting firms' share of the members' employment, 0…1.
    ///   - reportingFirms: The number of firms the value rests on.
    ///   - memberFirms: The number of member firms.
    public init(value: FormulaValue, coverage: Double?, reportingFirms: Int, memberFirms: Int) {
        self.value = value
        self.coverage = coverage
        self.reportingFirms = reportingFirms
        self.memberFirms = memberFirms
    }

    /// `VALUE (n of N firms, coverage C)`.
    public var description: String {
        let share = coverage.map { formatFormulaNumber(($0 * 1000).rounded() / 10) + " %" } ?? "none"
        return "\(value) (\(reportingFirms) of \(memberFirms) firms, coverage \(share))"
    }
}
