internal import ClusterLensCore
internal import ClusterLensScoring
internal import Foundation

/// The methods section written for a policy reader: each ``ReportMethod`` gets a ``ReportMethod/plain``
/// text in plain words, made from the report's own settings, while its ``ReportMethod/description``
/// stays beside it as the parameters (the HTML report and the workbook show both).
enum MethodsInPlainWords {
    /// Fills ``ReportMethod/plain`` of every method of `model` that has a plain text.
    static func annotate(_ model: inout ReportModel, definition: ReportDefinition) {
        let writer = Writer(model: model, definition: definition)
        for index in model.methods.indices {
            model.methods[index].plain = writer.plain(model.methods[index])
        }
    }

    /// Writes the plain texts of one report.
    struct Writer {
        var model: ReportModel
        var definition: ReportDefinition
        var settings: CompositeSettings { definition.composite }

        /// The plain text of `method`, `nil` for a method this writer does not know.
        func plain(_ method: ReportMethod) -> String? {
            switch method.name {
            case "periods": periods
            case "aggregation" where method.description.hasPrefix("indicators"): composite
            case "aggregation":
                "A cluster's figures add up its industries in its regions, counting each person once. Rates and "
                    + "ratios are worked out from the added-up counts, never by averaging rates; where only a rate is "
                    + "published, it is used for clusters of one region only."
            case "missing values":
                "A figure that is missing, suppressed or confidential in the source stays missing in the report, "
                    + "with the reason; it is never read as zero. Quality flags of the data (estimated, provisional, "
                    + "break in series, …) are carried over to every figure computed from them."
            case "scope": scope
            case "panel imputation": panel
            case "screening": screening
            case "imputation": imputation
            case "outliers": outliers
            case "normalisation": normalisation
            case "weights": weights
            case "ranks":
                "Rank 1 is the best. Clusters with the same score share the better rank (1, 2, 2, 4); \"rank k of "
                    + "n\" counts only the clusters with a value for that indicator or score."
            case "outliers treated": treated(method.description)
            case "context score":
                "The region and country indicators are scored the same way as the cluster's own into a context "
                    + "score from 0 to 100. Clusters in the same place share it, so it is never ranked."
            case "uncertainty": uncertainty
            case "benchmarks": benchmarks
            case "progress towards targets": progress
            case "composite": "No scores or ranks: they compare clusters, and this report has too few to compare."
            default: nil
            }
        }

        private func percent(_ share: Double) -> String {
            (ReadableNumber.text((share * 1000).rounded() / 10, fixed: .some(1)) ?? "0") + " %"
        }

        private func name(_ id: String) -> String { model.indicator(id)?.name ?? id }

        private var periods: String {
            switch definition.periods {
            case .latest: "Each indicator shows its latest year with data."
            case .period(let period): "Every indicator is computed for \(period.lexical)."
            case .years(let years):
                "Every indicator is computed for each year from \(years.lowerBound) to \(years.upperBound). The "
                    + "headline value, the one compared and scored, is each cluster's latest year with a value."
            }
        }

        private var scope: String {
            let context = model.indicators.filter { $0.scope.isContext }
            let own = model.indicators.filter { !$0.scope.isContext }
            let ranked = own.filter { $0.direction != .none }.count
            let descriptive = own.count - ranked
            let shown = descriptive > 0 ? " (\(descriptive) more, without a better direction, are shown only)" : ""
            switch definition.scoring.indicators {
            case .cluster:
                return "Scores and ranks compare the clusters on \(ranked) of their own indicators\(shown). The "
                    + "\(context.count) indicators that describe a cluster's region or country, the same for every "
                    + "cluster in the same place, are shown beside them as context"
                    + (definition.scoring.contextScore
                        ? "; those with a better direction are summed up in a context score that is not ranked." : ".")
            case .all:
                let contextRanked = context.filter { $0.direction != .none }.count
                return "Scores and ranks mix \(ranked) of the clusters' own indicators with \(contextRanked) "
                    + "indicators of their region or country. Clusters in the same place share these values, so the "
                    + "ranks partly reflect where the clusters are."
            }
        }

        private var panel: String {
            let year = settings.referenceYear.map { "\($0)" } ?? "each indicator's latest year with data"
            switch settings.panel {
            case .none:
                return "Clusters are compared in \(year); a cluster without a value in that year is missing for "
                    + "that indicator."
            case .latest:
                return "Clusters are compared in \(year). A cluster without a value in that year is compared on its "
                    + "latest earlier value, flagged \"carried forward\"."
            case .linear:
                return "Clusters are compared in \(year). A cluster without a value in that year gets one estimated "
                    + "between the years around it (flagged \"interpolated\"), or else its latest earlier value."
            }
        }

        private var screening: String {
            let units = settings.screening.minimumUnitAvailability
            let indicators = settings.screening.minimumIndicatorAvailability
            var text =
                "A cluster is scored only when it has values for at least \(percent(units)) of the ranked "
                + "indicators; the others are named in the overview, unscored."
            text +=
                indicators > 0
                ? " An indicator is used only when at least \(percent(indicators)) of the clusters have a value."
                : " Every indicator with at least one value is used."
            return text
        }

        private var imputation: String {
            switch settings.imputation {
            case .none: "Missing values are not filled in: a score rests on the values that exist."
            case .mean, .median:
                "For the scores only, a missing value is filled in with the \(settings.imputation.rawValue) of the "
                    + "other clusters; such scores are flagged \"imputed\"."
            }
        }

        private var outliers: String {
            let treatment = settings.outliers
            guard treatment.enabled else { return "Extreme values are used as they are." }
            return "When a few clusters lie far from the rest on an indicator (its values are lopsided: skewness "
                + "of \(ReadableNumber.text(treatment.skewThreshold, fixed: .some(2)) ?? "") or more and kurtosis "
                + "of \(ReadableNumber.text(treatment.kurtosisThreshold, fixed: .some(2)) ?? "") or more), the most "
                + "extreme values are pulled in to the next one, up to \(treatment.winsorisationLimit) of them, so "
                + "that one cluster does not squeeze the others together; if that is not enough, the indicator is "
                + "put on a logarithmic scale instead. Treated values are flagged."
        }

        private var normalisation: String {
            let turn = " Where lower is better, the scale is turned round: a higher score is always better."
            let text: String
            switch settings.normalisation {
            case .minMax(let low, let high):
                text =
                    "Each indicator is put on a scale from \(number(low)) to \(number(high)): the weakest cluster "
                    + "gets \(number(low)), the strongest \(number(high)), the others in proportion."
            case .zScore(let mean, let sd):
                text =
                    "Each indicator is measured as the distance from the clusters' average in standard deviations, "
                    + "shown on a scale where the average is \(number(mean)) and one standard deviation "
                    + "\(number(sd))."
            case .goalposts(let scale):
                text =
                    "Each indicator is placed between fixed goalposts: the low goalpost scores 0, the high one "
                    + "\(number(scale)); values beyond them are capped."
            case .distanceToTarget(let scale, let cap):
                text =
                    "Each indicator is measured as the way travelled towards its target: reaching the target scores "
                    + "\(number(scale))" + (cap ? " (going beyond it scores no more)." : ".")
            case .distanceToBest(let scale):
                text = "Each indicator is measured against the best cluster, which scores \(number(scale))."
            case .percentileRank(let scale):
                text =
                    "Each indicator becomes the share of the other clusters a cluster does better than, from 0 to "
                    + "\(number(scale))."
            case .rank:
                text = "Each indicator becomes a rank counted from the weakest cluster."
            }
            return text + turn
        }

        private var weights: String {
            switch settings.weighting {
            case .equal:
                "Every indicator counts the same within its pillar, and every pillar the same in the index."
            case .explicit:
                "Indicators and pillars weigh as the report definition sets them; the ones it does not list weigh 1."
            case .importance:
                "Indicators and pillars weigh by the importance ratings (0 to 10) the report definition gives them; "
                    + "the ones it does not rate count as 5."
            case .principalComponent:
                "The weights come from the data: each indicator weighs by how much it carries the main pattern "
                    + "that sets the clusters apart (the first principal component)."
            }
        }

        private var composite: String {
            "Indicator scores are combined into pillar and transition scores by \(mean(settings.indicatorAggregation)), "
                + "and pillar scores into the index by \(mean(settings.pillarAggregation)). An indicator without a "
                + "value is left out and the others' weights scaled up; a score's coverage says how much of its "
                + "weight had data."
                + (settings.minimumCoverage > 0
                    ? " A score with less than \(percent(settings.minimumCoverage)) of its weight covered is left out."
                    : "")
        }

        private func mean(_ aggregation: CompositeSettings.Aggregation) -> String {
            switch aggregation {
            case .arithmetic: "a weighted average (a strong part fully makes up for a weak one)"
            case .geometric: "a geometric mean (a strong part makes up for a weak one only in part)"
            case .harmonic: "a harmonic mean (a weak part weighs heavily)"
            case .power(let order):
                "a power mean of order \(number(order))"
                    + (order < 1 ? " (a strong part makes up for a weak one only in part)" : "")
            case .mazziottaPareto: "the Mazziotta–Pareto index (an average lowered where the parts are uneven)"
            case .copeland: "counting, for each pair of clusters, which one does better on more of the weight"
            }
        }

        private func treated(_ description: String) -> String {
            let names = Dictionary(model.clusters.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
            let entries = description.split(separator: ";").map { entry -> String in
                let text = entry.trimmingCharacters(in: .whitespaces)
                guard let open = text.range(of: " (", options: .backwards) else { return text }
                let kind = text[open.upperBound...].dropLast()
                let what =
                    switch kind {
                    case "winhi": "highest value pulled in"
                    case "winlo": "lowest value pulled in"
                    default: "put on a logarithmic scale"
                    }
                if let colon = text.range(of: ": ") {  // many: a count per indicator (ReportScoring.treatedText)
                    let indicator = String(text[..<colon.lowerBound])
                    return "\(name(indicator)): \(text[colon.upperBound..<open.lowerBound]), \(what)"
                }
                guard let of = text.range(of: " of ") else { return text }
                let indicator = String(text[..<of.lowerBound])
                let cluster = String(text[of.upperBound..<open.lowerBound])
                return "\(name(indicator)) of \(names[cluster] ?? cluster) (\(what))"
            }
            return "Extreme values treated before scoring: " + entries.joined(separator: "; ")
                + ". Each treated value carries its flag (winsorised or log_transformed)."
        }

        private var uncertainty: String {
            guard let analysis = definition.uncertainty else { return "" }
            var varied: [String] = []
            if analysis.normalisations.count > 1 { varied.append("the way indicators are rescaled") }
            if analysis.aggregations.count > 1 { varied.append("the way scores are combined") }
            if analysis.weightNoise > 0 {
                varied.append("the weights (each up or down by as much as \(percent(analysis.weightNoise)))")
            }
            if analysis.varyImputation { varied.append("whether missing values are filled in") }
            return "The index was computed again many times with other reasonable choices: "
                + varied.joined(separator: ", ") + ". The band shown with each index holds 90 % of these "
                + "results (from the 5th to the 95th percentile); the same is said of the ranks. A narrow band "
                + "means the result does not hang on those choices; the parameters say which choice moves the "
                + "ranks most (sensitivity indices: the share of the variation each choice explains on its own, "
                + "and with the others)."
        }

        private var benchmarks: String {
            let count = model.clusters.count
            return "Percentiles, stars and classes compare the report's \(count) clusters with one another, not "
                + "with all of Europe. Stars (European Cluster Observatory, 2008): one for employment among the top "
                + "10 % of these clusters, one for a location quotient of 2 or more (twice as concentrated in the "
                + "region as in the reference area), one for a share of the region's jobs among the top 10 %. "
                + "Classes (U.S. Cluster Mapping): from strong10 to qualifying by how high the location quotient "
                + "stands among these clusters (top 10 %, top quarter and at least 1, above the median, above the "
                + "lowest quarter), each also needing employment and local units above the lowest quarter. "
                + "Strengths and weaknesses are a cluster's three best and worst scores; similar clusters have the "
                + "closest score profiles over at least three shared indicators."
        }

        private var progress: String {
            let targets = model.targets.map { target in
                let unit = model.indicator(target.indicator)?.unit ?? ""
                return target.target.map {
                    "\(name(target.indicator)) \(number($0.value))\(unit.isEmpty ? "" : " \(unit)") by \($0.year)"
                } ?? "\(name(target.indicator)) (the trend, no target)"
            }
            return "Progress is judged as Eurostat judges the Sustainable Development Goals: the growth seen since "
                + "the base year is compared with the growth needed to reach the target in time. At least 95 % of "
                + "the pace needed is significant progress, 60 to 95 % moderate, 0 to 60 % insufficient, and below "
                + "0 movement away. Without a target the trend itself is judged: more than 1 % a year the right "
                + "way is significant progress. Targets: " + targets.joined(separator: "; ") + "."
        }

        private func number(_ value: Double) -> String { ReadableNumber.text(value) ?? "" }
    }
}
