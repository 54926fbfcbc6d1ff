/// The answers of a cluster's member firms to the member survey, as read from one CSV file by
/// ``MemberSurveyLoader``.
public struct MemberSurvey: Sendable, Hashable {
    /// The file the survey was read from, as given to the loader.
    public var file: String
    /// The firms, one per row, in the order of the file.
    public var firms: [MemberFirm]

    /// Creates a survey.
    ///
    /// - Parameters:
    ///   - file: The file it came from, for provenance and messages.
    ///   - firms: The firms, one per row.
    public init(file: String = "", firms: [MemberFirm]) {
        self.file = file
        self.firms = firms
    }

    /// The distinct reporting years of the rows, in increasing order; empty without a `year` column.
    public var years: [Int] {
        Array(Set(firms.compactMap(\.year))).sorted()
    }

    /// The rows of one year: the members to aggregate for that period.
    ///
    /// - Parameter year: The reporting year.
    /// - Returns: The firms whose ``MemberFirm/year`` is `year`, in file order.
    public func firms(inYear year: Int) -> [MemberFirm] {
        firms.filter { $0.year == year }
    }
}
