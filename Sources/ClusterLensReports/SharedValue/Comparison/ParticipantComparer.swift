internal import ClusterLensCore
internal import ClusterLensIndicators

/// Computes ``ParticipantComparison``s from a cluster's member survey with the report's indicator
/// engine: each group's indicator is the library's own formula (ratios of sums, employee-weighted
/// rates) evaluated over that group's firms alone.
struct ParticipantComparer {
    /// The engine with the report's member surveys loaded.
    var engine: IndicatorEngine
    /// The fewest firms per group below which a comparison gets a warning.
    var minimumFirms: Int

    /// The member-survey columns an indicator reads, `nil` when it reads anything else (it is then not
    /// a member-survey indicator).
    static func memberColumns(of definition: IndicatorDefinition) -> [String]? {
        let bindings = definition.inputs.flatMap(\.bindings)
        let columns = bindings.compactMap(\.memberMetric)
        guard !columns.isEmpty, columns.count == bindings.count else { return nil }
        return Array(Set(columns)).sorted()
    }

    /// Compares the participants of `initiative` with the cluster's other members on `indicator`.
    func compare(_ initiative: Initiative, on indicator: any Indicator, cluster: ClusterDefinition)
        -> ParticipantComparison
    {
        let definition = indicator.definition
        var comparison = ParticipantComparison(
            indicator: definition.id, name: definition.name, unit: definition.unit, direction: definition.direction,
            beforeYear: nil, afterYear: nil, participants: .empty, rest: .empty, difference: nil, improvement: nil,
            minimumFirms: minimumFirms, warning: nil, reason: nil)
        guard let path = cluster.membersPath, let survey = engine.surveys[path] else {
            comparison.reason = "the cluster has no member survey"
            return comparison
        }
        guard let columns = Self.memberColumns(of: definition) else {
            comparison.reason = "\(definition.id) is not computed from the member survey"
            return comparison
        }
        let years = survey.years
        let startYear = initiative.start.start.date.year
        guard let after = years.last, let before = years.last(where: { $0 <= startYear }) ?? years.first,
            before < after
        else {
            comparison.reason =
                "the member survey needs two years, one of them not after the start (\(initiative.start.lexical)); "
                + "it has \(years.isEmpty ? "no year column" : years.map(String.init).joined(separator: ", "))"
            return comparison
        }
        comparison.beforeYear = before
        comparison.afterYear = after
        let members = Set(initiative.members)
        let all = Set(survey.firms.map(\.id))
        comparison.participants = group(
            all.intersection(members), survey: survey, years: (before, after), columns: columns, indicator: indicator,
            cluster: cluster, label: "participants")
        comparison.rest = group(
            all.subtracting(members), survey: survey, years: (before, after), columns: columns, indicator: indicator,
            cluster: cluster, label: "rest")
        if let participants = comparison.participants.change, let rest = comparison.rest.change {
            let difference = participants - rest
            comparison.difference = difference
            comparison.improvement = definition.direction == .lower ? -difference : difference
        } else {
            comparison.reason = [
                comparison.participants.reason.map { "participants: \($0)" },
                comparison.rest.reason.map { "other members: \($0)" },
            ].compactMap { $0 }.joined(separator: "; ")
        }
        var warnings: [String] = []
        let smallest = min(comparison.participants.count, comparison.rest.count)
        if smallest < minimumFirms {
            warnings.append(
                "\(comparison.participants.count) participant(s) and \(comparison.rest.count) other member(s) reported "
                    + "the inputs of \(definition.id) in both \(before) and \(after): fewer than \(minimumFirms) firms "
                    + "on a side, the difference means little")
        }
        if before > startYear {
            warnings.append(
                "the member survey starts in \(before), after the initiative's start (\(initiative.start.lexical)): "
                    + "the change misses what happened before \(before)")
        }
        comparison.warning = warnings.isEmpty ? nil : warnings.joined(separator: "; ")
        return comparison
    }

    /// One group's balanced panel and its indicator in both years.
    private func group(
        _ ids: Set<String>, survey: MemberSurvey, years: (before: Int, after: Int), columns: [String],
        indicator: any Indicator, cluster: ClusterDefinition, label: String
    ) -> GroupChange {
        let rows = survey.firms.filter { ids.contains($0.id) && ($0.year == years.before || $0.year == years.after) }
        let complete = { (year: Int) in
            Set(rows.filter { $0.year == year && columns.allSatisfy($0.reported) }.map(\.id))
        }
        let panel = complete(years.before).intersection(complete(years.after))
        guard !panel.isEmpty else {
            return GroupChange(
                firms: [], before: nil, after: nil,
                reason: "no firm reported \(columns.joined(separator: ", ")) in both \(years.before) and \(years.after)"
            )
        }
        let key = "\(cluster.membersPath ?? cluster.id)#\(label)"
        var engine = self.engine
        engine.surveys[key] = MemberSurvey(file: key, firms: rows.filter { panel.contains($0.id) })
        var scoped = cluster
        scoped.membersPath = key
        func value(_ year: Int) -> (Double?, String?) {
            guard let period = try? TimePeriod(String(year)) else { return (nil, "no period \(year)") }
            let result = engine.compute(indicator, for: scoped, period: period)
            return (result.value.number, result.value.missingReason)
        }
        let (before, beforeReason) = value(years.before)
        let (after, afterReason) = value(years.after)
        return GroupChange(firms: panel.sorted(), before: before, after: after, reason: beforeReason ?? afterReason)
    }
}

extension MemberFirm {
    /// Whether the firm answered the survey column `column` (`employees` always is).
    func reported(_ column: String) -> Bool {
        if column == "employees" { return true }
        if column == "iso14001_or_emas" { return iso14001OrEMAS != nil }
        return MemberMetric(rawValue: column).map { self[$0] != nil } ?? false
    }
}
