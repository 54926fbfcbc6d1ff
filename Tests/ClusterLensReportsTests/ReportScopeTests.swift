import ClusterLensCore
import ClusterLensIndicators
import ClusterLensScoring
import Foundation
import Testing

@testable import ClusterLensReports

/// Cluster performance apart from regional context, by hand.
///
/// The clusters and the four cluster-scope indicators of ``ReportScoringTests`` (economic pillar
/// es51 37.5, es52 66.67, es51-c 37.5), plus the unemployment rate, a region indicator, from
/// Eurostat's `lfst_r_lfu3rt` (the published rate of one region): ES51 10 %, ES52 15 %. Lower is
/// better, so min-max gives ES51 100 and ES52 0 — and es51 and es51-c share ES51's value, whatever
/// their sectors do.
///
/// - scope cluster (default): the index is the economic pillar alone (37.5, 66.67, 37.5; ranks 2, 1, 2);
///   the context score is the unemployment score (100, 0, 100), never ranked.
/// - scope all: the social pillar is the unemployment score, the index the mean of the two pillars:
///   es51 (37.5 + 100) / 2 = 68.75, es52 (66.67 + 0) / 2 = 33.33, es51-c 68.75; ranks 1, 3, 1 — the
///   ranking turns on the region.
@Suite("Report scope: the cluster's performance apart from its region and country")
struct ReportScopeTests {
    /// An SDMX-CSV 1.0 extract of `lfst_r_lfu3rt` in Eurostat's shape.
    static let unemploymentCSV = """
        DATAFLOW,freq,unit,sex,isced11,age,geo,TIME_PERIOD,OBS_VALUE,OBS_FLAG
        ESTAT:LFST_R_LFU3RT(1.0),A,PC,T,TOTAL,Y15-74,ES51,2021,10.0,
        ESTAT:LFST_R_LFU3RT(1.0),A,PC,T,TOTAL,Y15-74,ES52,2021,15.0,

        """

    /// The model of the three clusters with the four cluster indicators and the unemployment rate.
    static func model(composite: String = "") throws -> (ReportModel, String) {
        try ReportScoringTests.model(
            extra: composite.isEmpty ? "" : "composite: \(composite)", data: ["lfst_r_lfu3rt.csv"],
            indicators: "employment, cluster_focus, location_quotient, local_units, unemployment_rate"
        ) { folder in
            try unemploymentCSV.write(toFile: folder + "/lfst_r_lfu3rt.csv", atomically: true, encoding: .utf8)
        }
    }

    private static func score(_ model: ReportModel, _ cluster: String, _ node: ScoreNode) -> ReportScore? {
        model.clusters.first { $0.id == cluster }?.score(node)
    }

    private static func close(_ value: Double?, _ expected: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) < 1e-9
    }

    @Test("By default the composite ranks the cluster's own indicators; the region's get an unranked context score")
    func clusterScopeByDefault() throws {
        let (model, folder) = try Self.model()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(model.scoring == ScoringScope(indicators: .cluster, contextScore: true))
        #expect(model.contextIndicators.map(\.id) == ["unemployment_rate"])
        #expect(model.indicator("unemployment_rate")?.scope == .region)
        #expect(model.performanceIndicators.map(\.id).contains("unemployment_rate") == false)
        let ids = ["es51", "es52", "es51-c"]
        let index = ids.map { Self.score(model, $0, .index) }
        #expect(Self.close(index[0]?.value, 37.5) && Self.close(index[1]?.value, 200.0 / 3))
        #expect(Self.close(index[2]?.value, 37.5))
        #expect(index.map { $0?.rank } == [2, 1, 2])
        #expect(ids.map { Self.score(model, $0, .pillar(.social))?.value } == [nil, nil, nil])
        let context = ids.map { Self.score(model, $0, .context) }
        #expect(context.map { $0?.value } == [100, 0, 100])
        #expect(context.map { $0?.rank } == [nil, nil, nil], "the context is never ranked")
        #expect(context.map { $0?.coverage } == [1, 1, 1])
        let unemployment = model.clusters.compactMap { $0.headline("unemployment_rate") }
        #expect(unemployment.map(\.value) == [10, 15, 10])
        #expect(unemployment.allSatisfy { $0.score == nil && $0.rank == nil && $0.percentile == nil })
        let scope = try #require(model.methods.first { $0.name == "scope" })
        #expect(
            scope.description
                == "the composite and the benchmarks score the 4 cluster-scope indicator(s) only; the 1 context "
                + "indicator(s) describe the cluster's region or country, which clusters in one place share, and "
                + "are shown apart, never ranked, with an unranked context score: unemployment_rate (region)")
        #expect(model.methods.contains { $0.name == "context score" })
        #expect(
            model.clusters.allSatisfy { !$0.strengths.contains("unemployment_rate") }
                && model.clusters.allSatisfy { !$0.weaknesses.contains("unemployment_rate") })
    }

    @Test("scope: all mixes the region's indicators into the ranking, and the methods say so")
    func scopeAllMixes() throws {
        let (model, folder) = try Self.model(composite: "{scope: all}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(model.scoring.indicators == .all)
        #expect(model.contextIndicators.isEmpty)
        let index = ["es51", "es52", "es51-c"].map { Self.score(model, $0, .index) }
        #expect(Self.close(index[0]?.value, 68.75) && Self.close(index[1]?.value, 100.0 / 3))
        #expect(Self.close(index[2]?.value, 68.75))
        #expect(index.map { $0?.rank } == [1, 3, 1], "the ranking now turns on the region")
        #expect(Self.score(model, "es51", .context) == nil)
        let unemployment = try #require(model.clusters.first { $0.id == "es52" }?.headline("unemployment_rate"))
        #expect(unemployment.score == 0 && unemployment.rank == 3)
        let scope = try #require(model.methods.first { $0.name == "scope" })
        #expect(scope.description.hasPrefix("scope: all — the composite and the benchmarks mix"))
        #expect(scope.description.contains("partly reflect where they are"))
    }

    @Test("context_score: false leaves the context unscored but still shown apart")
    func noContextScore() throws {
        let (model, folder) = try Self.model(composite: "{context_score: false}")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        #expect(model.clusters.allSatisfy { $0.score(.context) == nil })
        #expect(model.contextIndicators.map(\.id) == ["unemployment_rate"])
        #expect(Self.close(Self.score(model, "es52", .index)?.value, 200.0 / 3))
    }

    @Test("Goalposts and weights of a context indicator go to the context score, not to the composite")
    func settingsSplitBetweenRuns() throws {
        let (model, folder) = try Self.model(
            composite:
                "{normalisation: {method: goalposts, scale: 100}, goalposts: {unemployment_rate: {low: 0, high: 20}, "
                + "employment: {low: 0, high: 2000}, cluster_focus: {low: 0, high: 10}, location_quotient: "
                + "{low: 0, high: 2}, local_units: {low: 0, high: 100}}, weights: {method: explicit, indicators: "
                + "{unemployment_rate: 2, employment: 2}}}"
        )
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Lower is better: mirrored goalposts −20…0, so 10 % scores 50 and 15 % scores 25.
        let context = ["es51", "es52", "es51-c"].map { Self.score(model, $0, .context)?.value }
        #expect(Self.close(context[0], 50) && Self.close(context[1], 25) && Self.close(context[2], 50))
        // es52's economic pillar: employment 500 of 2000 → 25 (weight 2), focus 4.167 of 10 → 41.67, LQ 0.934
        // of 2 → 46.7, no local units: (2 × 25 + 41.67 + 46.7) / 4.
        let focus = 100.0 * 500 / 12000 / 10 * 100
        let quotient = try #require(model.clusters.first { $0.id == "es52" }?.headline("location_quotient")?.value)
        #expect(
            Self.close(
                Self.score(model, "es52", .index)?.value, (2 * 25 + focus + quotient / 2 * 100) / 4))
    }

    @Test("An unknown scope is an error at its line and column")
    func unknownScope() throws {
        let error = try #require(throws: IndicatorsError.self) { try Self.model(composite: "{scope: everything}") }
        #expect(error.code == .compositeSettings)
        #expect(error.line == 5 && error.column == 20, "\(error)")
        #expect(error.message.hasPrefix("unknown scope \"everything\" (allowed: cluster"))
    }

    @Test("Every format says each indicator's scope and writes the context score without a rank")
    func everyFormatShowsScope() throws {
        let (model, folder) = try Self.model()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let validator = ReportValidator(schemaFolder: ReportFixtures.schemaFolder)
        let json = try JSONReportExporter().export(model, folder: folder, name: "r")[0]
        let xml = try XMLReportExporter().export(model, folder: folder, name: "r")[0]
        #expect(try validator.validate(file: json).issues.isEmpty)
        #expect(try validator.validate(file: xml).issues.isEmpty)
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json)))
        let root = try #require(object as? [String: Any])
        #expect((root["scoring"] as? [String: Any])?["indicators"] as? String == "cluster")
        let indicators = try #require(root["indicators"] as? [[String: Any]])
        #expect(indicators.map { $0["scope"] as? String } == ["cluster", "cluster", "cluster", "cluster", "region"])
        let clusters = try #require(root["clusters"] as? [[String: Any]])
        let scores = try #require(clusters.first?["scores"] as? [[String: Any]])
        let context = try #require(scores.first { $0["kind"] as? String == "context" })
        #expect(context["value"] as? Double == 100 && context["rank"] is NSNull)
        #expect(try String(contentsOfFile: xml, encoding: .utf8).contains("scope=\"region\""))
        let csv = try CSVReportExporter().export(model, folder: folder, name: "r")
        let values = try String(contentsOfFile: csv[0], encoding: .utf8).split(separator: "\r\n")
        #expect(values.first?.hasPrefix("cluster_id,cluster_name,indicator_id,indicator_name,pillar,scope,") == true)
        #expect(
            values.contains { $0.hasPrefix("es51,Catalonia C29,unemployment_rate,Unemployment rate,social,region,") })
        let scoreRows = try String(contentsOfFile: csv[1], encoding: .utf8).split(separator: "\r\n")
        #expect(scoreRows.contains("es52,Valencia C29,context,context,0,1,,,,,,,,"))
        let html = try String(
            contentsOfFile: try HTMLReportExporter().export(model, folder: folder, name: "r")[0], encoding: .utf8)
        #expect(html.contains("<h3>The cluster's region and country</h3>"))
        #expect(html.contains("Context score 100 of 100 (coverage 100 %), not ranked."))
        #expect(html.contains("<td>region ES51 Cataluña</td>"))
        #expect(html.contains("title=\"the region and country indicators, not ranked\">Context</th>"))
    }

    @Test("The modelled share of a pillar is the weight of its modelled indicators with data over all with data")
    func modelledShares() throws {
        // Environmental: ghg (modelled, weight 0.5), waste (0.25), energy (modelled, 0.25; no value here).
        // Economic: employment (1). Pillars weigh 0.5 each.
        let result = CompositeResult(
            indicators: ["ghg", "waste", "energy", "employment"],
            units: [
                UnitResult(
                    unit: "a", included: true, dataAvailability: 0.75,
                    values: [
                        IndicatorValue(raw: 1, treated: 1, directionAdjusted: -1, normalised: 40),
                        IndicatorValue(raw: 2, treated: 2, directionAdjusted: -2, normalised: 60),
                        IndicatorValue(raw: nil, treated: nil, directionAdjusted: nil, normalised: nil),
                        IndicatorValue(raw: 5, treated: 5, directionAdjusted: 5, normalised: 100),
                    ],
                    pillars: [
                        .environmental: NodeScore(score: 140.0 / 3, coverage: 0.75),
                        .economic: NodeScore(score: 100, coverage: 1),
                    ],
                    transitions: [:], index: NodeScore(score: 73.3, coverage: 1), rank: 1, pillarRanks: [:])
            ],
            droppedIndicators: [],
            indicatorWeights: ["ghg": 0.5, "waste": 0.25, "energy": 0.25, "employment": 1],
            pillarWeights: [.environmental: 0.5, .economic: 0.5], treatments: [], methods: [], messages: [])
        func value(_ id: String, modelled: Bool) -> ReportValue {
            var value = ReportValue(
                IndicatorResult(
                    indicator: IndicatorDefinition(
                        id: id, name: id, description: "", pillar: .environmental, tags: [], unit: "",
                        direction: .lower,
                        inputs: [], scope: .cluster, method: "", references: []),
                    period: nil, value: FormulaValue(1), provenance: []),
                isHeadline: true)
            if modelled { value.flag(.modelled) }
            return value
        }
        let cluster = ReportCluster(
            definition: ClusterDefinition(
                id: "a", name: "a", regions: try RegionSet(parsing: ["ES51"]), sectors: try SectorSet(parsing: ["C29"]),
                reference: try NUTSCode("ES")),
            values: [
                value("ghg", modelled: true), value("waste", modelled: false), value("energy", modelled: true),
                value("employment", modelled: false),
            ])
        let shares = ReportScoring.modelledShares(
            of: result.units[0], in: result, cluster: cluster,
            pillars: [
                "ghg": .environmental, "waste": .environmental, "energy": .environmental, "employment": .economic,
            ])
        // Environmental: 0.5 / (0.5 + 0.25) = 2/3 (energy has no score); economic 0; index (0.5 × 2/3) / 1 = 1/3.
        #expect(Self.close(shares.pillars[.environmental], 2.0 / 3))
        #expect(shares.pillars[.economic] == 0)
        #expect(Self.close(shares.index, 1.0 / 3))
    }
}
