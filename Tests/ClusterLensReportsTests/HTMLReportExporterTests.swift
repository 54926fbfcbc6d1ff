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

    /// Radar: centre (150, 150), radius 100; axis 0 points up, axis 1 of 6 lies at 30° below the
    /// horizontal on the right: (150 + 100 cos(−30°), 150 + 100 sin(−30°)) = (236.6, 100) at full score.
    @Test func radarVerticesLieOnTheirAxes() {
        let center = SVGGeometry.Point(x: 150, y: 150)
        let top = SVGGeometry.radarPoint(index: 0, count: 6, fraction: 0.5, center: center, radius: 100)
        #expect(abs(top.x - 150) < 1e-9 && abs(top.y - 100) < 1e-9)
        let second = SVGGeometry.radarPoint(index: 1, count: 6, fraction: 1, center: center, radius: 100)
        #expect(abs(second.x - (150 + 100 * 3.0.squareRoot() / 2)) < 1e-9 && abs(second.y - 100) < 1e-9)
        let polygon = SVGGeometry.radarPolygon([100, nil, 50], center: center, radius: 100)
        #expect(polygon.count == 2, "a missing score is left out, not drawn as 0")
        #expect(abs(polygon[0].y - 50) < 1e-9 && abs(polygon[1].y - 175) < 1e-9, "axes 0 and 2 of 3 keep their angles")
        #expect(SVGGeometry.text(second) == "236.6,100")
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
            counter.counts["section"] == model.clusters.count + 4, "overview, data quality, clusters, methods, sources")
        #expect((counter.classes["radar"] ?? 0) + (counter.classes["bars"] ?? 0) == model.clusters.count)
        #expect(counter.classes["band"] == model.clusters.count)
        #expect(counter.classes["ranks"] == model.clusters.count)
        #expect((counter.classes["spark"] ?? 0) > 0, "employment 2020 → 2021 has a sparkline")
        #expect(counter.links.allSatisfy { $0.hasPrefix("#") }, "\(counter.links.filter { !$0.hasPrefix("#") })")
        #expect(!text.contains("<script"))
        #expect(text.contains("Catalonia C29") && text.contains("flag"))
    }
}
