internal import Foundation

/// The aggregation functions of ``CompositeSettings/Aggregation``, usable on their own.
public enum Aggregator {
    /// Aggregates one unit's values in one node.
    /// - Parameters:
    ///   - values: the children's values (missing children left out).
    ///   - weights: one weight per value; they need not sum to 1 (they are renormalised).
    ///   - method: any method but ``CompositeSettings/Aggregation/copeland``, which compares units
    ///     (use ``copeland(_:weights:)``).
    ///   - shift: see ``CompositeSettings/shift``.
    /// - Returns: the aggregate.
    /// - Throws: ``CompositeError/Code/nonPositiveInput`` for a zero or negative value under a
    ///   geometric, harmonic or non-positive-order power mean without a shift (negative under a
    ///   positive order), ``CompositeError/Code/undefined`` for a Mazziotta–Pareto mean ≤ 0,
    ///   ``CompositeError/Code/invalidInput`` for no values, mismatched counts or Copeland.
    public static func aggregate(
        _ values: [Double], weights: [Double], method: CompositeSettings.Aggregation, shift: Double? = nil
    ) throws(CompositeError) -> Double {
        guard !values.isEmpty, values.count == weights.count else {
            throw CompositeError(.invalidInput, "aggregation needs as many weights as values, and at least one value")
        }
        guard method != .copeland else {
            throw CompositeError(.invalidInput, "Copeland compares units: use Aggregator.copeland")
        }
        let result = values.withUnsafeBufferPointer { values in
            weights.withUnsafeBufferPointer { weights in
                kernel(values, weights, count: values.count, method: method, shift: shift)
            }
        }
        return try checked(result, method: method, shift: shift, where: "")
    }

    /// Copeland scores of units in one node: wins − losses in pairwise outranking.
    /// - Parameters:
    ///   - rows: per unit, the children's values (`nil` for missing); a row that is `nil` takes no part.
    ///   - weights: one weight per child.
    /// - Returns: per unit, the score, `nil` for a `nil` row.
    public static func copeland(_ rows: [[Double?]?], weights: [Double]) -> [Double?] {
        let count = weights.count
        var flat = [Double](repeating: .nan, count: rows.count * count)
        var eligible = [Bool](repeating: false, count: rows.count)
        for (unit, row) in rows.enumerated() {
            guard let row else { continue }
            eligible[unit] = true
            for (child, value) in row.prefix(count).enumerated() { flat[unit * count + child] = value ?? .nan }
        }
        var scores = [Double](repeating: .nan, count: rows.count)
        copeland(flat, stride: count, columns: Array(0..<count), weights: weights, eligible: eligible, into: &scores)
        return scores.map { $0.isNaN ? nil : $0 }
    }

    /// Copeland on a flat unit-major matrix (NaN missing); writes a score for every eligible unit.
    static func copeland(
        _ source: [Double], stride: Int, columns: [Int], weights: [Double], eligible: [Bool],
        into scores: inout [Double]
    ) {
        let units = eligible.count
        for a in 0..<units where eligible[a] {
            var score = 0.0
            for b in 0..<units where b != a && eligible[b] {
                var total = 0.0
                var better = 0.0
                for (position, column) in columns.enumerated() {
                    let x = source[a * stride + column]
                    let y = source[b * stride + column]
                    guard !x.isNaN, !y.isNaN else { continue }
                    let w = weights[position]
                    total += w
                    if x > y { better += w } else if x == y { better += w / 2 }
                }
                guard total > 0 else { continue }
                let share = better / total
                if share > 0.5 + 1e-12 { score += 1 } else if share < 0.5 - 1e-12 { score -= 1 }
            }
            scores[a] = score
        }
    }

    /// Turns the kernel's signals (NaN: non-positive input, −∞: undefined) into errors.
    static func checked(
        _ result: Double, method: CompositeSettings.Aggregation, shift: Double?, where place: String
    ) throws(CompositeError) -> Double {
        if result.isNaN {
            let hint = shift == nil ? "; set a shift, or normalise onto a range above zero (e.g. [1, 100])" : ""
            throw CompositeError(
                .nonPositiveInput, "\(describe(method)) cannot take a zero or negative value\(place)\(hint)")
        }
        if result == -.infinity {
            throw CompositeError(.undefined, "Mazziotta–Pareto index undefined: mean ≤ 0\(place)")
        }
        return result
    }

    /// The aggregate of `count` values; NaN when an input is out of the method's domain, −∞ when
    /// undefined. Never allocates.
    static func kernel(
        _ values: UnsafeBufferPointer<Double>, _ weights: UnsafeBufferPointer<Double>, count: Int,
        method: CompositeSettings.Aggregation, shift: Double?
    ) -> Double {
        var weightSum = 0.0
        for index in 0..<count { weightSum += weights[index] }
        guard weightSum > 0 else { return .nan }
        let offset = shift ?? 0
        switch method {
        case .arithmetic, .copeland:
            var sum = 0.0
            for index in 0..<count { sum += weights[index] * values[index] }
            return sum / weightSum
        case .geometric:
            return powerMean(values, weights, count: count, weightSum: weightSum, order: 0, offset: offset)
        case .harmonic:
            return powerMean(values, weights, count: count, weightSum: weightSum, order: -1, offset: offset)
        case .power(let order):
            return powerMean(values, weights, count: count, weightSum: weightSum, order: order, offset: offset)
        case .mazziottaPareto:
            var sum = 0.0
            for index in 0..<count { sum += weights[index] * values[index] }
            let mean = sum / weightSum
            guard mean > 0 else { return -.infinity }
            var squares = 0.0
            for index in 0..<count {
                let d = values[index] - mean
                squares += weights[index] * d * d
            }
            let variance = squares / weightSum
            return mean - variance / mean
        }
    }

    /// The weighted power mean of order `order` (0: geometric) of the values plus `offset`, minus
    /// `offset`; NaN when a value is outside the domain.
    static func powerMean(
        _ values: UnsafeBufferPointer<Double>, _ weights: UnsafeBufferPointer<Double>, count: Int, weightSum: Double,
        order: Double, offset: Double
    ) -> Double {
        var sum = 0.0
        for index in 0..<count {
            let x = values[index] + offset
            if order <= 0 ? x <= 0 : x < 0 { return .nan }
            if order == 0 {
                sum += weights[index] * log(x)
            } else if order == 1 {
                sum += weights[index] * x
            } else if order == -1 {
                sum += weights[index] / x
            } else {
                sum += weights[index] * pow(x, order)
            }
        }
        let mean = sum / weightSum
        if order == 0 { return exp(mean) - offset }
        if order == 1 { return mean - offset }
        if order == -1 { return 1 / mean - offset }
        return pow(mean, 1 / order) - offset
    }

    /// One phrase naming an aggregation.
    static func describe(_ method: CompositeSettings.Aggregation) -> String {
        switch method {
        case .arithmetic: "arithmetic mean"
        case .geometric: "geometric mean"
        case .harmonic: "harmonic mean"
        case .power(let order): "power mean of order \(order)"
        case .mazziottaPareto: "Mazziotta–Pareto index (M − S × cv, classic form, population S)"
        case .copeland: "Copeland outranking (wins − losses)"
        }
    }
}
