internal import ClusterLensCore
internal import ClusterLensIndicators
internal import ClusterLensSupport

extension ReportBuilder {
    /// The shared-value stage: reads the ledgers the clusters name and the scorecard, checks them
    /// against the member surveys and the catalogue, and adds the accounts, the comparisons of
    /// participants with the other members and the scorecard to `model` (nothing when no cluster names
    /// a ledger). Problems that do not change a number's meaning are diagnostics.
    ///
    /// - Throws: ``ClusterLensIndicators/IndicatorsError`` — `initiativeLedger` at the line and column of
    ///   a member that is not in the survey or a `compare:` id that is not a member-survey indicator,
    ///   `scorecard` for an unknown evidence indicator, and the readers' errors.
    func addSharedValue(
        to model: inout ReportModel, definition: ReportDefinition, engine: IndicatorEngine, diagnostics: Diagnostics
    ) throws(IndicatorsError) {
        let withLedgers = definition.clusters.filter { $0.initiativesPath != nil }
        guard !withLedgers.isEmpty else { return }
        guard let file = definition.sharedValue.scorecardFile ?? RecommendationScorecardReader.bundledFile else {
            throw IndicatorsError(
                .unreadable,
                "the shipped scorecard Reports/scorecards/eegc.yaml is not found: set CLUSTERLENS_REPORTS or "
                    + "name one with shared-value: {scorecard: FILE}", file: definition.file)
        }
        let scorecard = try RecommendationScorecardReader.load(file: file)
        try checkIndicators(of: scorecard)
        let computed = Set(model.indicators.map(\.id))
        let absent = Set(scorecard.recommendations.flatMap(\.indicators)).subtracting(computed).sorted()
        if !absent.isEmpty {
            diagnostics.report(
                .note(
                    .report, code: "evidence-indicator-not-computed",
                    "the scorecard's evidence indicators \(absent.joined(separator: ", ")) are not among the report's "
                        + "indicators: the scorecard shows them without values",
                    location: InputLocation(file: definition.file)))
        }
        let comparer = ParticipantComparer(engine: engine, minimumFirms: definition.sharedValue.minimumFirms)
        var clusters: [ClusterSharedValue] = []
        for cluster in withLedgers {
            guard let path = cluster.initiativesPath else { continue }
            let ledger = try InitiativeLedgerReader.load(file: path, cluster: cluster.id)
            let indicators = try compared(in: ledger)
            try checkMembers(of: ledger, cluster: cluster, engine: engine, diagnostics: diagnostics)
            var accounts: [InitiativeAccount] = []
            for initiative in ledger.initiatives {
                var account = SharedValueAccounting.account(initiative)
                account.comparisons = initiative.compare.compactMap { id in
                    indicators[id].map { comparer.compare(initiative, on: $0, cluster: cluster) }
                }
                Self.report(account, of: initiative, cluster: cluster.id, to: diagnostics)
                accounts.append(account)
            }
            Self.reportUnusedFactors(of: ledger, cluster: cluster.id, to: diagnostics)
            let entries = ScorecardAssessment.entries(
                scorecard, ledger: ledger, accounts: accounts, cluster: model.clusters.first { $0.id == cluster.id },
                reportIndicators: computed)
            clusters.append(
                ClusterSharedValue(
                    cluster: cluster.id, ledger: ledger, accounts: accounts,
                    totals: SharedValueAccounting.totals(accounts, initiatives: ledger.initiatives),
                    scorecard: entries))
        }
        model.sharedValue = SharedValueReport(
            scorecard: scorecard, minimumFirms: definition.sharedValue.minimumFirms, clusters: clusters)
        model.methods += Self.sharedValueMethods(scorecard, minimumFirms: definition.sharedValue.minimumFirms)
    }

    /// Every evidence indicator of the scorecard must be one of the catalogue's.
    private func checkIndicators(of scorecard: RecommendationScorecard) throws(IndicatorsError) {
        let known = catalogue.indicators.map(\.definition.id)
        for recommendation in scorecard.recommendations {
            for (index, id) in recommendation.indicators.enumerated() where catalogue.indicator(id) == nil {
                let place =
                    recommendation.indicatorLocations.indices.contains(index)
                    ? recommendation.indicatorLocations[index] : InputLocation(file: scorecard.file.path)
                throw IndicatorsError(
                    .scorecard,
                    "recommendation \(recommendation.number): no indicator \"\(id)\" in the library"
                        + Suggestion.phrase(for: id, among: known),
                    file: place.file, line: place.line, column: place.column)
            }
        }
    }

    /// The indicators of the ledger's `compare:` lists; each must be a member-survey indicator.
    private func compared(in ledger: InitiativeLedger) throws(IndicatorsError) -> [String: any Indicator] {
        var result: [String: any Indicator] = [:]
        let members = catalogue.indicators.filter { ParticipantComparer.memberColumns(of: $0.definition) != nil }
        for initiative in ledger.initiatives {
            for (index, id) in initiative.compare.enumerated() {
                let place =
                    initiative.locations.compare.indices.contains(index)
                    ? initiative.locations.compare[index] : initiative.locations.initiative
                guard let indicator = members.first(where: { $0.definition.id == id }) else {
                    let reason =
                        catalogue.indicator(id) == nil
                        ? "no indicator \"\(id)\" in the library"
                        : "\(id) is not computed from the member survey, so participants cannot be told from the rest"
                    throw IndicatorsError(
                        .initiativeLedger,
                        "compare: \(reason)" + Suggestion.phrase(for: id, among: members.map(\.definition.id)),
                        file: place.file, line: place.line, column: place.column)
                }
                result[id] = indicator
            }
        }
        return result
    }

    /// Every participating member must be a firm of the cluster's member survey; without a survey they
    /// cannot be checked (a warning).
    private func checkMembers(
        of ledger: InitiativeLedger, cluster: ClusterDefinition, engine: IndicatorEngine, diagnostics: Diagnostics
    ) throws(IndicatorsError) {
        guard let path = cluster.membersPath, let survey = engine.surveys[path] else {
            diagnostics.report(
                .warning(
                    .report, code: "members-unchecked",
                    "the cluster has no member survey: the ledger's participating members cannot be checked and "
                        + "participants cannot be compared with the other members",
                    location: InputLocation(file: ledger.file.path), cluster: cluster.id))
            return
        }
        let firms = Set(survey.firms.map(\.id))
        for initiative in ledger.initiatives {
            for (index, member) in initiative.members.enumerated() where !firms.contains(member) {
                let place =
                    initiative.locations.members.indices.contains(index)
                    ? initiative.locations.members[index] : initiative.locations.initiative
                throw IndicatorsError(
                    .initiativeLedger,
                    "member \"\(member)\" of initiative \(initiative.id) is not a firm of the member survey \(path) "
                        + "(firm_id)" + Suggestion.phrase(for: member, among: firms),
                    file: place.file, line: place.line, column: place.column)
            }
        }
    }

    /// The diagnostics of one initiative's account: what leaves a figure missing, a one-sided result,
    /// a transition that none of its recommendations belongs to, small or impossible comparisons.
    static func report(
        _ account: InitiativeAccount, of initiative: Initiative, cluster: String, to diagnostics: Diagnostics
    ) {
        let place = initiative.locations.initiative
        func warn(_ code: String, _ message: String, at location: InputLocation? = nil, indicator: String? = nil) {
            diagnostics.report(
                .warning(
                    .report, code: code, "initiative \(initiative.id): " + message, location: location ?? place,
                    cluster: cluster, indicator: indicator))
        }
        if let reason = initiative.investment.missingReason, !initiative.outcomes.isEmpty {
            warn("investment-unknown", "\(reason): its results have no figure per euro invested")
        }
        if initiative.outcomes.isEmpty { warn("no-outcomes", "no outcome metric: nothing shows what it changes") }
        // Years that cannot show what the initiative changed: a slip (2032 for 2023), or a change that
        // came before the initiative and is reported as its result.
        let startYear = initiative.start.start.date.year
        for outcome in initiative.outcomes {
            if outcome.baseline.year > startYear {
                warn(
                    "baseline-after-start",
                    "outcome \(outcome.id) has its baseline in \(outcome.baseline.year), after the initiative started "
                        + "(\(initiative.start.lexical)): the change from the baseline leaves out the first years",
                    at: outcome.location)
            }
            if let latest = outcome.measured.last, latest.year < startYear {
                warn(
                    "outcome-before-start",
                    "outcome \(outcome.id) is last measured in \(latest.year), before the initiative started "
                        + "(\(initiative.start.lexical)): its change is not the initiative's result",
                    at: outcome.location)
            }
        }
        for metric in account.metrics where !metric.isMeasured {
            warn(
                "outcome-not-measured",
                "outcome \(metric.metric.id) has no value measured after its baseline year "
                    + "\(metric.metric.baseline.year): it shows nothing yet", at: metric.metric.location)
        }
        if !account.isSharedValue {
            diagnostics.report(
                .note(
                    .report, code: "not-shared-value", "initiative \(initiative.id): \(account.verdict)",
                    location: place, cluster: cluster))
        }
        let groups = Set(initiative.recommendations.compactMap(Recommendation.eegcGroup(of:)))
        for transition in initiative.transitions where !groups.contains(transition) {
            let numbers = initiative.recommendations.map(String.init).joined(separator: ", ")
            warn(
                "transition-mismatch",
                "transition \(transition.rawValue), but none of its recommendations (\(numbers)) is in the "
                    + "\(transition.rawValue) group")
        }
        for comparison in account.comparisons {
            if let reason = comparison.reason {
                warn(
                    "comparison-not-computed", "participants against the rest on \(comparison.indicator): \(reason)",
                    indicator: comparison.indicator)
            }
            if let warning = comparison.warning {
                warn("few-firms", warning, indicator: comparison.indicator)
            }
        }
    }

    /// A factor that no metric uses is a warning: it may be a slip in a `from:`.
    static func reportUnusedFactors(of ledger: InitiativeLedger, cluster: String, to diagnostics: Diagnostics) {
        let used = Set(ledger.initiatives.flatMap { $0.outcomes.compactMap(\.conversion?.factor.id) })
        for factor in ledger.factors where !used.contains(factor.id) {
            diagnostics.report(
                .warning(
                    .report, code: "factor-unused", "factor \(factor.id) is declared but no outcome converts with it",
                    location: factor.location, cluster: cluster))
        }
    }

    /// The methods entries of the shared-value stage.
    static func sharedValueMethods(_ scorecard: RecommendationScorecard, minimumFirms: Int) -> [ReportMethod] {
        [
            ReportMethod(
                name: "shared value",
                description:
                    "from the clusters' initiative ledgers (initiatives: in the cluster definition): per outcome metric, "
                    + "change = latest measured value − baseline, improvement = the change with the metric's direction "
                    + "applied, per euro = improvement / (public + private investment), missing when either amount is "
                    + "not given; progress from the baseline towards the metric's target by Eurostat's SDG method, as "
                    + "for the report's targets; a converted metric is another metric times a declared factor with "
                    + "its source; an initiative is shared value only when a firm-side and a territory-side metric "
                    + "both improved; cluster totals add the improvements of one side, category and unit, per euro "
                    + "of the initiatives they come from (a firm taking part in two initiatives counts in both)"),
            ReportMethod(
                name: "participants against the rest",
                description:
                    "difference in differences on member-survey indicators: each group (participating members, other "
                    + "members) is the firms that reported every input of the indicator in both the latest survey "
                    + "year not after the initiative's start and the latest survey year; the indicator is the "
                    + "library's formula over the group; difference = participants' change − the other members' "
                    + "change, positive improvement = participants did better; a warning below \(minimumFirms) firms "
                    + "per group; participants chose to take part, so the difference is a description, not a causal "
                    + "effect"),
            ReportMethod(
                name: "recommendation scorecard",
                description:
                    "\(scorecard.title) (\(scorecard.file.path), SHA-256 \(scorecard.file.sha256)); \(scorecard.source). "
                    + "Per cluster and recommendation: addressed with evidence when an initiative serving it "
                    + "(recommendations: in the ledger) has an outcome measured after its baseline, addressed "
                    + "without evidence when none has yet, not addressed when no initiative serves it; the evidence "
                    + "indicators are shown beside the status, not counted as an initiative's result"),
        ]
    }
}
