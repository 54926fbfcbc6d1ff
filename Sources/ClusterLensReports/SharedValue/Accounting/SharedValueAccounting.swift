internal import ClusterLensCore
internal import ClusterLensScoring

/// The shared-value accounts: per outcome metric, per initiative and per cluster.
///
/// - A metric's change is its latest measured value minus its baseline; its improvement is that
///   change the right way round (−change when lower is better); per euro is the improvement divided
///   by the initiative's total investment (public + private; unknown when either is not given).
/// - Progress runs from the baseline to the measurements towards the target by Eurostat's SDG method
///   (``ClusterLensScoring/ProgressAssessment``), as the report's targets do.
/// - An initiative is shared value when both sides — the firms and the territory — have a metric
///   that improved; otherwise the verdict says which side falls short and why.
/// - Cluster totals add the improvements of measured metrics of one side, category and unit across
///   initiatives (never different units), per euro of the initiatives they come from.
public enum SharedValueAccounting {
    /// The account of one initiative (without the comparisons with other members, which need the survey).
    public static func account(_ initiative: Initiative) -> InitiativeAccount {
        let metrics = initiative.outcomes.map { account($0, investment: initiative.investment) }
        let firms = side(.firms, of: metrics)
        let territory = side(.territory, of: metrics)
        return InitiativeAccount(
            initiative: initiative.id, metrics: metrics, firms: firms, territory: territory,
            verdict: verdict(firms: firms, territory: territory))
    }

    /// The account of one metric of an initiative with `investment`.
    public static func account(_ metric: OutcomeMetric, investment: Investment) -> MetricAccount {
        var inputs = ["baseline \(metric.baseline.year): \(amount(metric.baseline.value, metric.unit))"]
        if let conversion = metric.conversion {
            inputs.append(
                "converted from \(conversion.metric) with factor \(conversion.factor.id) = \(conversion.factor.rate) "
                    + "(source: \(conversion.factor.source))")
        }
        guard let latest = metric.latest else {
            return MetricAccount(
                metric: metric, change: nil, improvement: nil, perEuro: nil, progress: nil,
                missing: "no value measured after the baseline year \(metric.baseline.year)", inputs: inputs)
        }
        let evidence = latest.evidence ?? metric.evidence.joined(separator: ", ")
        inputs.append("measured \(latest.year): \(amount(latest.value, metric.unit)) (evidence: \(evidence))")
        let change = latest.value - metric.baseline.value
        let improvement = metric.direction == .lower ? -change : change
        var perEuro: Double?
        var missing: String?
        if let total = investment.totalEUR {
            inputs.append(
                "investment EUR \(ReportText.number(total) ?? "") (public \(ReportText.number(investment.publicEUR) ?? ""), "
                    + "private \(ReportText.number(investment.privateEUR) ?? ""))")
            if total > 0 { perEuro = improvement / total } else { missing = "the investment is zero" }
        } else {
            missing = investment.missingReason
        }
        let points = [(metric.baseline.year, metric.baseline.value)] + metric.measured.map { ($0.year, $0.value) }
        let progress = ProgressAssessment.assess(
            points.map { (year: $0.0, value: $0.1) },
            target: metric.target.map { ProgressAssessment.Target(value: $0.value, year: $0.year) },
            direction: metric.direction, baseYear: metric.baseline.year)
        if let target = metric.target {
            inputs.append("target \(target.year): \(amount(target.value, metric.unit))")
        }
        return MetricAccount(
            metric: metric, change: change, improvement: improvement, perEuro: perEuro, progress: progress,
            missing: missing, inputs: inputs)
    }

    /// What one side shows among an initiative's metric accounts.
    static func side(_ side: OutcomeSide, of metrics: [MetricAccount]) -> SideResult {
        let own = metrics.filter { $0.metric.side == side }
        let improved = own.filter(\.improved).map(\.metric.id)
        let status: SideStatus =
            own.isEmpty
            ? .absent : !improved.isEmpty ? .improved : own.contains(where: \.isMeasured) ? .notImproved : .notMeasured
        return SideResult(status: status, metrics: own.map(\.metric.id), improved: improved)
    }

    /// `shared value: …` or `not shared value: …`, naming the metrics.
    static func verdict(firms: SideResult, territory: SideResult) -> String {
        if firms.status == .improved && territory.status == .improved {
            return "shared value: the firms (\(firms.improved.joined(separator: ", "))) and the territory "
                + "(\(territory.improved.joined(separator: ", "))) both improved"
        }
        let shortfalls = [(firms, "the firms' side"), (territory, "the territory's side")].compactMap {
            result, name -> String? in
            let metrics = result.metrics.joined(separator: ", ")
            switch result.status {
            case .improved: return nil
            case .absent: return "\(name) has no outcome metric"
            case .notMeasured: return "\(name) is not measured after its baseline yet (\(metrics))"
            case .notImproved: return "\(name) did not improve (\(metrics))"
            }
        }
        let shown = [(firms, "firms'"), (territory, "territory's")].filter { $0.0.status == .improved }.map(\.1)
        guard firms.status.isMeasured || territory.status.isMeasured else {
            return "not shared value yet: " + shortfalls.joined(separator: "; ")
        }
        let lead = shown.isEmpty ? "neither side shows an improvement" : "only the \(shown[0]) side improved"
        return "not shared value: \(lead); " + shortfalls.joined(separator: "; ")
    }

    /// The cluster totals by side, category and unit, in side, category and first-appearance order.
    public static func totals(_ accounts: [InitiativeAccount], initiatives: [Initiative]) -> [SideTotal] {
        let investments = Dictionary(
            initiatives.map { ($0.id, $0.investment) }, uniquingKeysWith: { first, _ in first })
        struct Key: Hashable {
            var side: OutcomeSide
            var category: OutcomeCategory
            var unit: String
        }
        var order: [Key] = []
        var groups: [Key: [(initiative: String, metric: MetricAccount, improvement: Double)]] = [:]
        for account in accounts {
            for metric in account.metrics where metric.isMeasured {
                // A measured metric has its improvement; one without is left out, never counted as 0.
                guard let improvement = metric.improvement else { continue }
                let key = Key(side: metric.metric.side, category: metric.metric.category, unit: metric.metric.unit)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append((account.initiative, metric, improvement))
            }
        }
        let sideOrder = OutcomeSide.allCases
        let categoryOrder = OutcomeCategory.allCases
        order.sort {
            let left = (sideOrder.firstIndex(of: $0.side) ?? 0, categoryOrder.firstIndex(of: $0.category) ?? 0)
            let right = (sideOrder.firstIndex(of: $1.side) ?? 0, categoryOrder.firstIndex(of: $1.category) ?? 0)
            return left < right
        }
        return order.map { key in
            let members = groups[key] ?? []
            let improvement = members.reduce(0) { $0 + $1.improvement }
            var seen: Set<String> = []
            var investment: Double? = 0
            var reasons: [String] = []
            for member in members where seen.insert(member.initiative).inserted {
                let known = investments[member.initiative]?.totalEUR
                if known == nil {
                    reasons.append(
                        "initiative \(member.initiative): "
                            + (investments[member.initiative]?.missingReason ?? "investment not given"))
                }
                investment = known.flatMap { total in investment.map { $0 + total } }
            }
            var perEuro: Double?
            if let investment {
                if investment > 0 {
                    perEuro = improvement / investment
                } else {
                    reasons.append("the investment is zero")
                }
            }
            let missing = reasons.isEmpty ? nil : reasons.joined(separator: "; ")
            return SideTotal(
                side: key.side, category: key.category, unit: key.unit, improvement: improvement,
                investmentEUR: investment, perEuro: perEuro, missing: missing,
                metrics: members.map { "\($0.initiative)/\($0.metric.metric.id)" })
        }
    }

    /// `3650000 m³`.
    static func amount(_ value: Double, _ unit: String) -> String {
        "\(ReportText.number(value) ?? "") \(unit)"
    }
}
