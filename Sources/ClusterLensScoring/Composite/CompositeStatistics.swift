/// Small statistics used across the composite engine, on the non-missing values only.
enum CompositeStatistics {
    /// The arithmetic mean, `nil` for no values.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation (n − 1), as R's `sd()`; `nil` below 2 values.
    static func standardDeviation(_ values: [Double]) -> Double? {
        guard values.count > 1, let mean = mean(values) else { return nil }
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count - 1)).squareRoot()
    }

    /// The median, `nil` for no values.
    static func median(_ values: [Double]) -> Double? {
        quantile(values.sorted(), 0.5)
    }

    /// A quantile of sorted values with linear interpolation between order statistics (R's type 7).
    static func quantile(_ sorted: [Double], _ probability: Double) -> Double? {
        guard let first = sorted.first else { return nil }
        guard sorted.count > 1 else { return first }
        let position = probability * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        let fraction = position - Double(lower)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * fraction
    }

    /// Skewness as e1071 type 2 (COINr's `skew()`): g1 × √(n(n − 1)) / (n − 2), with
    /// g1 = √n Σ d³ / (Σ d²)^{3/2}; `nil` below 3 values or for constant values.
    static func skewness(_ values: [Double]) -> Double? {
        let n = Double(values.count)
        guard values.count >= 3, let mean = mean(values) else { return nil }
        var sum2 = 0.0
        var sum3 = 0.0
        for value in values {
            let d = value - mean
            sum2 += d * d
            sum3 += d * d * d
        }
        guard sum2 > 0 else { return nil }
        let g1 = n.squareRoot() * sum3 / (sum2 * sum2.squareRoot())
        return g1 * (n * (n - 1)).squareRoot() / (n - 2)
    }

    /// Excess kurtosis as e1071 type 2 (COINr's `kurt()`): ((n + 1)(r − 3) + 6)(n − 1) / ((n − 2)(n − 3)),
    /// with r = n Σ d⁴ / (Σ d²)²; `nil` below 4 values or for constant values.
    static func kurtosis(_ values: [Double]) -> Double? {
        let n = Double(values.count)
        guard values.count >= 4, let mean = mean(values) else { return nil }
        var sum2 = 0.0
        var sum4 = 0.0
        for value in values {
            let d = value - mean
            sum2 += d * d
            sum4 += d * d * d * d
        }
        guard sum2 > 0 else { return nil }
        let r = n * sum4 / (sum2 * sum2)
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2) * (n - 3))
    }

}
