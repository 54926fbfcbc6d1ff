/// Horizontal bar charts of the HTML report: a cluster's pillar or transition scores on a fixed 0–100
/// scale, and one indicator across the report's clusters on the scale of its values (zero included),
/// with the thresholds stars and classes are measured against. Labels sit in their own columns, left
/// of the bars and right of the plot, so they never overlap a bar; a missing value says "missing"
/// instead of drawing a bar of 0.
enum SVGBarChart {
    /// One bar.
    struct Row: Sendable {
        /// The label on the left (cut to fit; the full text is the row's tooltip).
        var label: String
        /// The value, `nil` when missing.
        var value: Double?
        /// The text on the right (the value as read, a rank).
        var text: String
        /// Whether to draw the bar in the highlight colour.
        var highlight = false
    }

    /// A vertical line across the plot, labelled at the top.
    struct Threshold: Sendable {
        /// The label (`P90 51 000`, `LQ 2`).
        var label: String
        /// Where it lies.
        var value: Double
    }

    /// The chart's sizes in pixels.
    struct Layout: Sendable {
        var labelWidth = 190.0
        var plotWidth = 160.0
        var valueWidth = 112.0
        var rowHeight = 18.0
        /// Room above the bars for threshold labels.
        var top = 8.0

        var width: Double { labelWidth + plotWidth + valueWidth }
    }

    /// Scores from 0 to 100 with grid lines at 0, 25, 50, 75 and 100.
    static func scores(_ rows: [Row], title: String, id: String, layout: Layout = Layout()) -> String {
        chart(
            rows, domain: (0, 100), ticks: stride(from: 0.0, through: 100, by: 25).map { ($0, String(Int($0))) },
            thresholds: [], title: title, id: id, layout: layout)
    }

    /// Values on the scale of the values and thresholds, zero included; the ends of the scale labelled.
    static func values(
        _ rows: [Row], thresholds: [Threshold] = [], title: String, id: String, layout: Layout = Layout()
    ) -> String {
        let domain = Self.domain(rows.compactMap(\.value) + thresholds.map(\.value))
        var ticks = [(domain.low, HTMLText.number(domain.low)), (domain.high, HTMLText.number(domain.high))]
        let zero = position(0, domain: domain, left: 0, width: layout.plotWidth)
        if domain.low < 0 && domain.high > 0 && zero > 48 && zero < layout.plotWidth - 48 { ticks.append((0, "0")) }
        return chart(rows, domain: domain, ticks: ticks, thresholds: thresholds, title: title, id: id, layout: layout)
    }

    /// The scale of a chart of `values`: from the smaller of 0 and the minimum to the larger of 0 and the
    /// maximum (0 to 1 without values or when all are 0).
    static func domain(_ values: [Double]) -> (low: Double, high: Double) {
        let finite = values.filter(\.isFinite)
        let low = min(0, finite.min() ?? 0)
        let high = max(0, finite.max() ?? 1)
        return low == high ? (low, low + 1) : (low, high)
    }

    /// The x position of `value` on a plot of `width` starting at `left`, for `domain`.
    static func position(_ value: Double, domain: (low: Double, high: Double), left: Double, width: Double) -> Double {
        let fraction = (value - domain.low) / (domain.high - domain.low)
        return left + width * min(1, max(0, fraction))
    }

    private static func chart(
        _ rows: [Row], domain: (low: Double, high: Double), ticks: [(Double, String)], thresholds: [Threshold],
        title: String, id: String, layout: Layout
    ) -> String {
        var layout = layout
        if !thresholds.isEmpty { layout.top = max(layout.top, 20) }
        let e = HTMLText.escape
        let c = SVGGeometry.coordinate
        let left = layout.labelWidth
        let bottom = layout.top + layout.rowHeight * Double(max(1, rows.count))
        let height = bottom + 16
        func x(_ value: Double) -> Double { position(value, domain: domain, left: left, width: layout.plotWidth) }
        let summary = rows.map { "\($0.label) \($0.text)" }.joined(separator: "; ")
        var svg = """
            <svg class="barchart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(c(layout.width)) \(c(height))" \
            width="\(c(layout.width))" height="\(c(height))" role="img" aria-labelledby="\(id)-t \(id)-d">\
            <title id="\(id)-t">\(e(title))</title><desc id="\(id)-d">\(e(summary))</desc>
            """
        for (value, label) in ticks {
            svg += "<line class=\"grid\" x1=\"\(c(x(value)))\" y1=\"\(c(layout.top))\" x2=\"\(c(x(value)))\" "
            svg += "y2=\"\(c(bottom + 2))\"/>"
            let anchor = value == domain.low ? "start" : value == domain.high ? "end" : "middle"
            svg += "<text class=\"tick\" x=\"\(c(x(value)))\" y=\"\(c(bottom + 12))\" text-anchor=\"\(anchor)\">"
            svg += "\(e(label))</text>"
        }
        for (index, row) in rows.enumerated() {
            let y = layout.top + layout.rowHeight * Double(index)
            let characters = Int(layout.labelWidth / 5.4) - 1
            let label = row.label.count > characters ? row.label.prefix(characters - 1) + "…" : row.label
            svg += "<g><title>\(e(row.label)): \(e(row.text))</title>"
            svg += "<text class=\"label\" x=\"\(c(left - 6))\" y=\"\(c(y + 12.5))\" text-anchor=\"end\">"
            svg += "\(e(label))</text>"
            if let value = row.value {
                let start = min(x(0), x(value))
                let width = max(1, abs(x(value) - x(0)))
                svg += "<rect class=\"\(row.highlight ? "bar self" : "bar")\" x=\"\(c(start))\" y=\"\(c(y + 3))\" "
                svg += "width=\"\(c(width))\" height=\"12\"/>"
            } else {
                svg += "<text class=\"missing\" x=\"\(c(left + 4))\" y=\"\(c(y + 12.5))\">missing</text>"
            }
            svg += "<text x=\"\(c(left + layout.plotWidth + 6))\" y=\"\(c(y + 12.5))\">\(e(row.text))</text></g>"
        }
        if domain.low < 0 && domain.high > 0 {
            svg += "<line class=\"axis zero\" x1=\"\(c(x(0)))\" y1=\"\(c(layout.top - 2))\" x2=\"\(c(x(0)))\" "
            svg += "y2=\"\(c(bottom))\"/>"
        }
        for threshold in thresholds {
            let position = x(threshold.value)
            let anchor = position > left + layout.plotWidth * 0.8 ? "end" : position < left + 30 ? "start" : "middle"
            svg += "<line class=\"threshold\" x1=\"\(c(position))\" y1=\"\(c(layout.top - 4))\" x2=\"\(c(position))\" "
            svg += "y2=\"\(c(bottom))\"/>"
            svg += "<text class=\"threshold-label\" x=\"\(c(position))\" y=\"\(c(layout.top - 8))\" "
            svg += "text-anchor=\"\(anchor)\">\(e(threshold.label))</text>"
        }
        return svg + "</svg>"
    }
}
