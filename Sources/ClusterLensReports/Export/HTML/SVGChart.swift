internal import ClusterLensCore

/// The report's SVG charts as markup: accessible (`role="img"`, `<title>`, `<desc>`), labelled with
/// text so that colour is never the only carrier of meaning, and self-contained.
enum SVGChart {
    /// The index on a 0–100 scale, with its 5th–95th percentile band when known.
    static func indexBand(value: Double?, low: Double?, high: Double?, label: String) -> String {
        func x(_ score: Double) -> String { SVGGeometry.coordinate(10 + 280 * min(1, max(0, score / 100))) }
        var svg = """
            <svg class="band" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 44" width="300" height="44" \
            role="img" aria-labelledby="\(label)-t"><title id="\(label)-t">Index \(HTMLText.number(value))\
            \(low != nil && high != nil ? ", 90 % band \(HTMLText.number(low)) to \(HTMLText.number(high))" : "")</title>\
            <line class="scale" x1="10" y1="30" x2="290" y2="30"/>
            """
        for tick in stride(from: 0.0, through: 100, by: 25) {
            svg += "<line class=\"tick\" x1=\"\(x(tick))\" y1=\"27\" x2=\"\(x(tick))\" y2=\"33\"/>"
            svg += "<text class=\"tick\" x=\"\(x(tick))\" y=\"43\" text-anchor=\"middle\">\(Int(tick))</text>"
        }
        if let low, let high {
            svg +=
                "<rect class=\"interval\" x=\"\(x(low))\" y=\"12\" width=\"\(SVGGeometry.coordinate(280 * max(0, high - low) / 100))\" height=\"12\"/>"
        }
        if let value {
            svg += "<path class=\"marker\" d=\"M\(x(value)),8 l-5,-7 h10 z\"/>"
            svg += "<line class=\"value\" x1=\"\(x(value))\" y1=\"8\" x2=\"\(x(value))\" y2=\"28\"/>"
        }
        return svg + "</svg>"
    }

    /// A sparkline of an indicator's values over the periods (gaps where missing, the last point
    /// marked), labelled with its first and last period below and its highest and lowest value on the
    /// right, so that each line, scaled on its own range, says what that range is; `nil` with fewer
    /// than two numbers.
    static func sparkline(_ values: [Double?], periods: [String], label: String) -> String? {
        guard values.compactMap({ $0 }).count >= 2 else { return nil }
        let runs = SVGGeometry.sparkline(values, width: 96, height: 26)
        let numbers = values.compactMap { $0 }
        let title =
            "\(periods.first ?? "")–\(periods.last ?? ""): from \(HTMLText.number(numbers.first)) to "
            + "\(HTMLText.number(numbers.last)); low \(HTMLText.number(numbers.min())), high \(HTMLText.number(numbers.max()))"
        var svg = """
            <svg class="spark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 150 38" width="150" height="38" \
            role="img" aria-label="\(HTMLText.escape(title))"><title>\(HTMLText.escape(title))</title>\
            <line class="frame" x1="0" y1="1.5" x2="96" y2="1.5"/><line class="frame" x1="0" y1="24.5" x2="96" y2="24.5"/>
            """
        for run in runs {
            if run.count == 1, let point = run.first {
                svg +=
                    "<circle class=\"dot\" cx=\"\(SVGGeometry.coordinate(point.x))\" cy=\"\(SVGGeometry.coordinate(point.y))\" r=\"1.5\"/>"
            } else {
                svg += "<polyline points=\"\(run.map(SVGGeometry.text).joined(separator: " "))\"/>"
            }
        }
        if let last = runs.last?.last {
            svg +=
                "<circle class=\"last\" cx=\"\(SVGGeometry.coordinate(last.x))\" cy=\"\(SVGGeometry.coordinate(last.y))\" r=\"2.5\"/>"
        }
        svg += "<text class=\"spark-label\" x=\"100\" y=\"8\">\(HTMLText.number(numbers.max()))</text>"
        svg += "<text class=\"spark-label\" x=\"100\" y=\"26\">\(HTMLText.number(numbers.min()))</text>"
        svg += "<text class=\"spark-label\" x=\"0\" y=\"36\">\(HTMLText.escape(periods.first ?? ""))</text>"
        svg += "<text class=\"spark-label\" x=\"96\" y=\"36\" text-anchor=\"end\">"
        svg += "\(HTMLText.escape(periods.last ?? ""))</text>"
        return svg + "</svg>"
    }

    /// Up to this many clusters the rank strip draws each of them; beyond, the quartiles.
    static let rankStripPeers = 40

    /// The clusters' ranks on a strip, this one highlighted and labelled `rank k of n` above it; `best`
    /// and `last` below the ends, clear of the markers.
    static func rankStrip(rank: Int, count: Int, label: String) -> String {
        let width = 300.0
        var svg = """
            <svg class="ranks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 46" width="300" height="46" \
            role="img" aria-labelledby="\(label)-t"><title id="\(label)-t">Rank \(rank) of \(count) (1 = best)</title>\
            <line class="scale" x1="8" y1="22" x2="292" y2="22"/>
            """
        if count <= Self.rankStripPeers {
            for other in 1...max(1, count) where other != rank {
                let x = SVGGeometry.rankPosition(rank: other, count: count, width: width)
                svg += "<circle class=\"peer\" cx=\"\(SVGGeometry.coordinate(x))\" cy=\"22\" r=\"4\"/>"
            }
        } else {
            // Too many to tell apart (and a circle each would weigh 50 KB for 1,000 clusters): the quartiles.
            for quarter in 1...3 {
                let x = SVGGeometry.rankPosition(rank: 1 + (count - 1) * quarter / 4, count: count, width: width)
                let at = SVGGeometry.coordinate(x)
                svg += "<line class=\"tick\" x1=\"\(at)\" y1=\"17\" x2=\"\(at)\" y2=\"27\"/>"
            }
        }
        let x = SVGGeometry.rankPosition(rank: rank, count: count, width: width)
        svg += "<rect class=\"self\" x=\"\(SVGGeometry.coordinate(x - 6))\" y=\"16\" width=\"12\" height=\"12\"/>"
        svg +=
            "<text x=\"\(SVGGeometry.coordinate(min(max(x, 34), 266)))\" y=\"10\" text-anchor=\"middle\">rank \(rank) of \(count)</text>"
        svg += "<text class=\"tick\" x=\"2\" y=\"42\">best</text>"
        svg += "<text class=\"tick\" x=\"298\" y=\"42\" text-anchor=\"end\">last</text>"
        return svg + "</svg>"
    }
}
