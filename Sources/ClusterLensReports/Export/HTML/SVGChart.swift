internal import ClusterLensCore

/// The report's SVG charts as markup: accessible (`role="img"`, `<title>`, `<desc>`), labelled with
/// text so that colour is never the only carrier of meaning, and self-contained.
enum SVGChart {
    /// The axes of the pillar radar, in order.
    static let radarAxes = ["economic", "social", "environmental", "green", "digital", "resilience"]

    /// A radar of pillar and transition scores (0–100), or `nil` when fewer than three have a value.
    static func radar(_ scores: [String: Double?], label: String) -> String? {
        let values = radarAxes.map { scores[$0] ?? nil }
        guard values.compactMap({ $0 }).count >= 3 else { return nil }
        let size = 300.0
        let center = SVGGeometry.Point(x: size / 2, y: size / 2)
        let radius = 100.0
        var svg = """
            <svg class="radar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(Int(size)) \(Int(size))" \
            width="\(Int(size))" height="\(Int(size))" role="img" aria-labelledby="\(label)-t \(label)-d">\
            <title id="\(label)-t">Pillar and transition scores</title>\
            <desc id="\(label)-d">\(HTMLText.escape(radarAxes.enumerated().map { "\($1) \(HTMLText.number(values[$0]))" }.joined(separator: ", ")))</desc>
            """
        for ring in [25.0, 50, 75, 100] {
            let points = radarAxes.indices.map { index in
                SVGGeometry.text(
                    SVGGeometry.radarPoint(
                        index: index, count: radarAxes.count, fraction: ring / 100, center: center, radius: radius))
            }
            svg += "<polygon class=\"grid\" points=\"\(points.joined(separator: " "))\"/>"
        }
        for (index, axis) in radarAxes.enumerated() {
            let end = SVGGeometry.radarPoint(
                index: index, count: radarAxes.count, fraction: 1, center: center, radius: radius)
            let label = SVGGeometry.radarPoint(
                index: index, count: radarAxes.count, fraction: 1.32, center: center, radius: radius)
            svg +=
                "<line class=\"axis\" x1=\"\(SVGGeometry.coordinate(center.x))\" y1=\"\(SVGGeometry.coordinate(center.y))\" "
            svg += "x2=\"\(SVGGeometry.coordinate(end.x))\" y2=\"\(SVGGeometry.coordinate(end.y))\"/>"
            svg += "<text x=\"\(SVGGeometry.coordinate(label.x))\" y=\"\(SVGGeometry.coordinate(label.y))\" "
            svg +=
                "text-anchor=\"middle\" dominant-baseline=\"middle\">\(axis) \(HTMLText.number(values[index]))</text>"
        }
        let polygon = SVGGeometry.radarPolygon(values, center: center, radius: radius).map(SVGGeometry.text)
        svg += "<polygon class=\"score\" points=\"\(polygon.joined(separator: " "))\"/>"
        for (index, value) in values.enumerated() where value != nil {
            let point = SVGGeometry.radarPoint(
                index: index, count: values.count, fraction: (value ?? 0) / 100, center: center, radius: radius)
            svg +=
                "<circle class=\"vertex\" cx=\"\(SVGGeometry.coordinate(point.x))\" cy=\"\(SVGGeometry.coordinate(point.y))\" r=\"3\"/>"
        }
        return svg + "</svg>"
    }

    /// Horizontal bars of the scores (0–100) that have a value: the fallback of ``radar(_:label:)``.
    static func bars(_ scores: [(String, Double?)], label: String) -> String {
        let present = scores.filter { $0.1 != nil }
        let height = 22 * max(1, present.count) + 8
        var svg = """
            <svg class="bars" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 \(height)" width="320" \
            height="\(height)" role="img" aria-labelledby="\(label)-t"><title id="\(label)-t">Scores (0–100)</title>
            """
        for (row, (name, value)) in present.enumerated() {
            let y = 4 + row * 22
            let width = 180 * min(1, max(0, (value ?? 0) / 100))
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(HTMLText.escape(name))</text>"
            svg += "<rect class=\"track\" x=\"100\" y=\"\(y + 3)\" width=\"180\" height=\"14\"/>"
            svg +=
                "<rect class=\"bar\" x=\"100\" y=\"\(y + 3)\" width=\"\(SVGGeometry.coordinate(width))\" height=\"14\"/>"
            svg += "<text x=\"286\" y=\"\(y + 14)\">\(HTMLText.number(value))</text>"
        }
        return svg + "</svg>"
    }

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
    /// marked), or `nil` with fewer than two numbers.
    static func sparkline(_ values: [Double?], periods: [String], label: String) -> String? {
        guard values.compactMap({ $0 }).count >= 2 else { return nil }
        let runs = SVGGeometry.sparkline(values, width: 120, height: 28)
        let numbers = values.compactMap { $0 }
        let title =
            "\(periods.first ?? "")–\(periods.last ?? ""): from \(HTMLText.number(numbers.first)) to "
            + "\(HTMLText.number(numbers.last)); low \(HTMLText.number(numbers.min())), high \(HTMLText.number(numbers.max()))"
        var svg = """
            <svg class="spark" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 28" width="120" height="28" \
            role="img" aria-label="\(HTMLText.escape(title))"><title>\(HTMLText.escape(title))</title>
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
        return svg + "</svg>"
    }

    /// The clusters' ranks on a strip, this one highlighted and labelled `rank of count`.
    static func rankStrip(rank: Int, count: Int, label: String) -> String {
        let width = 300.0
        var svg = """
            <svg class="ranks" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 40" width="300" height="40" \
            role="img" aria-labelledby="\(label)-t"><title id="\(label)-t">Rank \(rank) of \(count) (1 = best)</title>\
            <line class="scale" x1="8" y1="16" x2="292" y2="16"/>
            """
        for other in 1...max(1, count) where other != rank {
            let x = SVGGeometry.rankPosition(rank: other, count: count, width: width)
            svg += "<circle class=\"peer\" cx=\"\(SVGGeometry.coordinate(x))\" cy=\"16\" r=\"4\"/>"
        }
        let x = SVGGeometry.rankPosition(rank: rank, count: count, width: width)
        svg += "<rect class=\"self\" x=\"\(SVGGeometry.coordinate(x - 6))\" y=\"10\" width=\"12\" height=\"12\"/>"
        svg +=
            "<text x=\"\(SVGGeometry.coordinate(min(max(x, 40), 260)))\" y=\"36\" text-anchor=\"middle\">rank \(rank) of \(count)</text>"
        svg += "<text class=\"tick\" x=\"8\" y=\"6\" dominant-baseline=\"middle\">best</text>"
        svg += "<text class=\"tick\" x=\"292\" y=\"6\" text-anchor=\"end\" dominant-baseline=\"middle\">last</text>"
        return svg + "</svg>"
    }
}
