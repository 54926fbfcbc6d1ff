internal import Foundation

/// The geometry of the report's SVG charts, as pure functions (tested with hand-computed
/// coordinates); ``SVGChart`` turns it into markup.
enum SVGGeometry {
    /// A point.
    struct Point: Equatable, Sendable {
        var x: Double
        var y: Double
    }

    /// The runs of a sparkline: the values mapped into a `width` × `height` box (x evenly spaced over
    /// the series, y from the minimum at the bottom to the maximum at the top, a flat series in the
    /// middle), split at missing values so gaps stay gaps.
    static func sparkline(_ values: [Double?], width: Double, height: Double, inset: Double = 2) -> [[Point]] {
        let numbers = values.compactMap { $0 }
        guard let low = numbers.min(), let high = numbers.max(), values.count >= 2 else { return [] }
        let step = (width - 2 * inset) / Double(values.count - 1)
        var runs: [[Point]] = []
        var current: [Point] = []
        for (index, value) in values.enumerated() {
            guard let value else {
                if !current.isEmpty { runs.append(current) }
                current = []
                continue
            }
            let fraction = high > low ? (value - low) / (high - low) : 0.5
            current.append(
                Point(x: inset + step * Double(index), y: height - inset - fraction * (height - 2 * inset)))
        }
        if !current.isEmpty { runs.append(current) }
        return runs
    }

    /// The x position of rank `rank` of `count` on a strip of `width` with `inset` margins, rank 1 on
    /// the left.
    static func rankPosition(rank: Int, count: Int, width: Double, inset: Double = 8) -> Double {
        guard count > 1 else { return width / 2 }
        return inset + (width - 2 * inset) * Double(rank - 1) / Double(count - 1)
    }

    /// `x,y` with at most two decimals, for SVG attributes.
    static func text(_ point: Point) -> String {
        "\(coordinate(point.x)),\(coordinate(point.y))"
    }

    /// A coordinate with at most two decimals.
    static func coordinate(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let whole = abs(hundredths) / 100
        var fraction = abs(hundredths) % 100
        guard fraction != 0 else { return sign + String(whole) }
        var digits = fraction < 10 ? "0\(fraction)" : String(fraction)
        if fraction % 10 == 0 {
            fraction /= 10
            digits = String(fraction)
        }
        return "\(sign)\(whole).\(digits)"
    }
}
