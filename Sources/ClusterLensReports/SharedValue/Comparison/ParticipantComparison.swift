public import ClusterLensCore

/// The participants of an initiative against the cluster's other members on one member-survey
/// indicator: the change of each group between a year before (or at) the start and the survey's latest
/// year, and the difference of the two changes (difference in differences).
///
/// Each group is a balanced panel: the firms that reported every input of the indicator in both years,
/// so that firms entering or leaving the survey do not make the change. With fewer firms than the
/// report's minimum on either side the figure is kept, with a warning that it means little.
public struct ParticipantComparison: Sendable, Equatable {
    /// The indicator id (`member_water_intensity`).
    public var indicator: String
    /// Its name.
    public var name: String
    /// Its unit.
    public var unit: String
    /// Which way is better.
    public var direction: Direction
    /// The year before: the latest survey year not after the initiative's start year.
    public var beforeYear: Int?
    /// The year after: the survey's latest year.
    public var afterYear: Int?
    /// The participating members.
    public var participants: GroupChange
    /// The other members of the survey.
    public var rest: GroupChange
    /// (participants' change) − (the rest's change), in the indicator's unit; `nil` when either change is
    /// missing (``reason`` says why).
    public var difference: Double?
    /// ``difference`` with the indicator's direction applied: positive when the participants did better.
    public var improvement: Double?
    /// The fewest firms per group below which a warning is given.
    public var minimumFirms: Int
    /// The warning when a group is smaller than ``minimumFirms``.
    public var warning: String?
    /// Why the difference could not be computed.
    public var reason: String?

    /// Creates a comparison.
    public init(
        indicator: String, name: String, unit: String, direction: Direction, beforeYear: Int?, afterYear: Int?,
        participants: GroupChange, rest: GroupChange, difference: Double?, improvement: Double?, minimumFirms: Int,
        warning: String?, reason: String?
    ) {
        self.indicator = indicator
        self.name = name
        self.unit = unit
        self.direction = direction
        self.beforeYear = beforeYear
        self.afterYear = afterYear
        self.participants = participants
        self.rest = rest
        self.difference = difference
        self.improvement = improvement
        self.minimumFirms = minimumFirms
        self.warning = warning
        self.reason = reason
    }
}

/// One group of firms in a comparison: who, and the indicator before and after.
public struct GroupChange: Sendable, Equatable {
    /// The firms of the balanced panel (reported every input in both years), sorted.
    public var firms: [String]
    /// The indicator over those firms in the year before.
    public var before: Double?
    /// The indicator over those firms in the year after.
    public var after: Double?
    /// Why a value is missing (no firm, a zero denominator), `nil` when both are there.
    public var reason: String?

    /// Creates a group.
    public init(firms: [String], before: Double?, after: Double?, reason: String? = nil) {
        self.firms = firms
        self.before = before
        self.after = after
        self.reason = reason
    }

    /// The number of firms.
    public var count: Int { firms.count }

    /// after − before, `nil` when either is missing.
    public var change: Double? {
        guard let before, let after else { return nil }
        return after - before
    }

    /// A group without firms or values.
    public static let empty = GroupChange(firms: [], before: nil, after: nil)
}
