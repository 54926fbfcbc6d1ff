/// The scorecard of one cluster: for every recommendation, the initiatives of its ledger that serve it
/// (their `recommendations:`), the measured outcomes among them, the evidence indicators' headline
/// values from the report, and the status.
///
/// The status rests on the initiatives: "addressed with evidence" when one of the initiatives serving
/// the recommendation has an outcome measured after its baseline (every outcome names its evidence);
/// "addressed without evidence" when initiatives serve it but none has measured one yet; "not
/// addressed" when none serves it. The evidence indicators describe the cluster as statistics see it —
/// they are shown beside the status, never counted as an initiative's result.
enum ScorecardAssessment {
    /// The cluster's entries, one per recommendation in scorecard order.
    static func entries(
        _ scorecard: RecommendationScorecard, ledger: InitiativeLedger, accounts: [InitiativeAccount],
        cluster: ReportCluster?, reportIndicators: Set<String>
    ) -> [ScorecardEntry] {
        scorecard.recommendations.map { recommendation in
            let serving = ledger.initiatives.filter { $0.recommendations.contains(recommendation.number) }
            let evidence = serving.flatMap { initiative in
                (accounts.first { $0.initiative == initiative.id }?.metrics ?? []).filter(\.isMeasured).map {
                    "\(initiative.id)/\($0.metric.id)"
                }
            }
            let status: ScorecardStatus =
                serving.isEmpty ? .notAddressed : evidence.isEmpty ? .addressedWithoutEvidence : .addressedWithEvidence
            let indicators = recommendation.indicators.map { id in
                guard reportIndicators.contains(id) else {
                    return EvidenceIndicator(id: id, inReport: false, reason: "not among the report's indicators")
                }
                guard let value = cluster?.headline(id) else {
                    return EvidenceIndicator(id: id, inReport: true, reason: "no headline value for this cluster")
                }
                return EvidenceIndicator(
                    id: id, inReport: true, value: value.value, period: value.period?.lexical, score: value.score,
                    progress: value.progress?.summary,
                    reason: value.value == nil ? (value.reason ?? "missing, no reason given") : nil)
            }
            return ScorecardEntry(
                recommendation: recommendation.number, status: status, initiatives: serving.map(\.id),
                evidence: evidence, indicators: indicators)
        }
    }
}
