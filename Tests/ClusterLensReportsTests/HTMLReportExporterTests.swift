import ClusterLensCore
import ClusterLensImport
import ClusterLensIndicators
import ClusterLensScoring
import ClusterLensSupport
import ClusterLensXML
import Foundation
import Testing

@testable import ClusterLensReports

/// The HTML page: text, chart geometry, and the page itself parsed as XML.
@Suite("HTML report")
struct HTMLReportExporterTests {
    @Test func textIsEscapedAndNumbersRead() {
        #expect(
            HTMLText.escape(#"<a href="x">Tom & Jerry's</a>"#)
                == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(HTMLText.number(12_345.6) == "12\u{2009}346")
        #expect(HTMLText.number(1_234.56) == "1\u{2009}234.6")
        #expect(HTMLText.number(4.1666) == "4.17")
        #expect(HTMLText.number(0.004595) == "0.0046", "three significant digits below 1")
        #expect(ReadableNumber.$decimals.withValue(1) { HTMLText.number(4.1666) } == "4.2", "decimals: 1")
        #expect(ReadableNumber.$decimals.withValue(1) { HTMLText.number(3) } == "3", "no trailing zeros")
        #expect(HTMLText.number(-2.5) == "−2.5")
        #expect(HTMLText.number(nil) == "–")
        #expect(HTMLText.number(.nan) == "–")
    }

    /// A bar chart's scale holds zero and every value: −50…200 for −50 and 200; 0…1 with nothing to
    /// show. On a plot from x = 100, 200 px wide, 0 of −50…150 lies at 100 + 200 × 50 / 200 = 150.
    @Test func barChartsScaleFromZero() {
        #expect(SVGBarChart.domain([-50, 200]) == (-50, 200))
        #expect(SVGBarChart.domain([3, 7]) == (0, 7))
        #expect(SVGBarChart.domain([]) == (0, 1))
        #expect(SVGBarChart.position(0, domain: (-50, 150), left: 100, width: 200) == 150)
        #expect(SVGBarChart.position(400, domain: (-50, 150), left: 100, width: 200) == 300, "clamped")
        let chart = SVGBarChart.values(
            [.init(label: "A", value: 3, text: "3"), .init(label: "B", value: nil, text: "–")],
            thresholds: [.init(label: "P90 2.6", value: 2.6)], title: "t", id: "x")
        #expect(chart.contains(">missing</text>"), "a missing value is said, not drawn as 0")
        #expect(chart.components(separatedBy: "class=\"bar\"").count == 2, "one bar: B has none")
        #expect(chart.contains("class=\"threshold\""))
    }

    /// Sparkline 120 × 28 with inset 2 over 5 values 10, 20, –, 40, 30: x step (120 − 4) / 4 = 29;
    /// y maps 10 → 26 (bottom) and 40 → 2 (top): 20 → 18, 30 → 10; the gap splits the line in two.
    @Test func sparklinesKeepGaps() {
        let runs = SVGGeometry.sparkline([10, 20, nil, 40, 30], width: 120, height: 28)
        #expect(runs.count == 2)
        #expect(runs[0] == [.init(x: 2, y: 26), .init(x: 31, y: 18)])
        #expect(runs[1] == [.init(x: 89, y: 2), .init(x: 118, y: 10)])
        #expect(SVGGeometry.sparkline([5, nil], width: 120, height: 28) == [[.init(x: 2, y: 14)]], "flat: the middle")
        #expect(SVGGeometry.rankPosition(rank: 1, count: 5, width: 300) == 8)
        #expect(SVGGeometry.rankPosition(rank: 5, count: 5, width: 300) == 292)
        #expect(SVGGeometry.rankPosition(rank: 3, count: 5, width: 300) == 150)
    }

    /// Counts elements and collects `href`/`src` attributes while parsing.
    final class PageCounter: XMLStreamHandler {
        var counts: [String: Int] = [:]
        var classes: [String: Int] = [:]
        var links: [String] = []

        func prepare(symbols: XMLSymbolTable) {}

        func startElement(_ localName: XMLSymbol, namespace: XMLSymbol, attributes: XMLAttributes, line: Int) throws {
            counts[localName.string, default: 0] += 1
            for index in 0..<attributes.count {
                let name = attributes.localName(at: index).string
                if name == "href" || name == "src" { links.append(attributes.string(at: index)) }
                if name == "class" && localName.string == "svg" {
                    classes[attributes.string(at: index), default: 0] += 1
                }
            }
        }

        func endElement(_ localName: XMLSymbol, namespace: XMLSymbol) throws {}
    }

    /// The demo-like fixture report with three clusters, scores and a range of years: the page parses
    /// as XML (after its `<!DOCTYPE html>` line), holds one radar or bar chart and one index band per
    /// scored cluster, sparklines, and links only to its own anchors.
    @Test func thePageIsWellFormedAndHoldsItsCharts() throws {
        let (model, folder) = try ReportScoringTests.model(extra: "periods: 2020-2021")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try HTMLReportExporter().export(model, folder: folder, name: "page")[0]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("<!DOCTYPE html>\n"))
        let body = String(text.dropFirst("<!DOCTYPE html>\n".count))
        let counter = PageCounter()
        try XMLStreamParser.parse(bytes: Array(body.utf8), name: path, handler: counter)
        #expect(
            counter.counts["section"] == model.clusters.count + 6,
            "overview, coverage, comparison, data quality, clusters, methods, sources")
        #expect(counter.classes["barchart"] ?? 0 >= 2 * model.clusters.count, "pillars and transitions apart")
        #expect(counter.classes["band"] == model.clusters.count)
        #expect(counter.classes["ranks"] == model.clusters.count)
        #expect((counter.classes["spark"] ?? 0) > 0, "employment 2020 → 2021 has a sparkline")
        #expect(counter.links.allSatisfy { $0.hasPrefix("#") }, "\(counter.links.filter { !$0.hasPrefix("#") })")
        #expect(!text.contains("<script"))
        #expect(text.contains("Catalonia C29") && text.contains("flag"))
    }

    /// A sparkline says its first and last period and its range; the rank strip puts "best" and "last"
    /// below the markers (y 42, markers between 16 and 28) and "rank k of n" above them.
    @Test func sparklinesAndRankStripsSayTheirScale() throws {
        let spark = try #require(SVGChart.sparkline([10, nil, 30.5], periods: ["2019", "2020", "2021"], label: "s"))
        #expect(spark.contains(">2019</text>") && spark.contains(">2021</text>"))
        #expect(spark.contains(">30.5</text>") && spark.contains(">10</text>"), "highest and lowest value")
        #expect(SVGChart.sparkline([10, nil, nil], periods: ["a", "b", "c"], label: "s") == nil)
        let strip = SVGChart.rankStrip(rank: 2, count: 5, label: "r")
        #expect(strip.contains(">rank 2 of 5</text>") && strip.contains("y=\"10\""))
        #expect(strip.contains("y=\"42\">best</text>") && strip.contains(">last</text>"))
        #expect(strip.components(separatedBy: "<circle class=\"peer\"").count - 1 == 4, "the other four")
        // 1 000 clusters: the quartiles (ranks 250, 500 and 750; 500 at 8 + 284 × 499 / 999), not a circle each.
        let wide = SVGChart.rankStrip(rank: 341, count: 1_000, label: "w")
        #expect(!wide.contains("<circle") && wide.count < 1_000 && wide.contains(">rank 341 of 1000</text>"))
        #expect(wide.components(separatedBy: "<line class=\"tick\"").count - 1 == 3 && wide.contains("x1=\"149.86\""))
        #expect(HTMLComparisonSection.heatLevel(0) == 0 && HTMLComparisonSection.heatLevel(59.9) == 2)
        #expect(HTMLComparisonSection.heatLevel(100) == 4)
    }

    /// On the three scored clusters (es52 has no local units): ranks read "k of n", the overview counts
    /// the values, the coverage matrix marks the missing cell with its reason, es52's table groups the
    /// missing indicator in one row without a period, and the methods speak plainly beside the parameters.
    @Test func thePageSaysRanksCoverageAndMissingValuesPlainly() throws {
        let (model, folder) = try ReportScoringTests.model(extra: "periods: 2020-2021")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = try HTMLReportExporter().export(model, folder: folder, name: "page")[0]
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // es52's (Valencia's) overview row: its index 66.67 ranks first of three.
        #expect(
            text.contains(
                "<tr><th scope=\"row\"><a href=\"#cluster-1\">Valencia C29</a></th><td class=\"where\">ES52</td>"
                    + "<td class=\"where\">C29</td><td class=\"num\">66.67<span class=\"rank\">1 of 3</span></td>"),
            "es52's index ranks first of three")
        #expect(text.contains("<td class=\"num\">3 of 4</td>"), "es52 has values for 3 of the 4 ranked indicators")
        // The star charts follow the stars' own rule: employment 1 000, 500, 1 000 → P90 1 000, earned by two.
        #expect(text.contains("Size: employment at or above P90 (2 of 3 clusters earn it)"))
        let coverage = try #require(text.components(separatedBy: "id=\"comparison\"").first)
        let reason = try #require(
            model.clusters.first { $0.definition.regions.codes.map(\.code) == ["ES52"] }?.headline("local_units")?
                .reason)
        #expect(
            coverage.contains("class=\"cov cov-missing\" title=\"" + HTMLText.escape(reason)),
            "es52's missing local units with the model's reason: \(reason)")
        let after = try #require(text.components(separatedBy: "<h2>Valencia C29</h2>").last)
        let es52 = try #require(after.components(separatedBy: "</section>").first)
        #expect(es52.contains("Missing (1)</span>: <span title=\"local_units\">Local units</span>"))
        #expect(!es52.contains("<code>local_units</code>"), "no row of its own")
        #expect(text.contains("<dd>Each indicator is put on a scale from 0 to 100"))
        #expect(text.contains("<span class=\"label\">Parameters</span> min-max onto"))
        #expect(!HTMLScoreCharts.greenEqualsEnvironmental(model), "no environmental indicator here")
        #expect(HTMLScoreCharts.transitions(model) == TransitionTag.allCases)
    }
}
