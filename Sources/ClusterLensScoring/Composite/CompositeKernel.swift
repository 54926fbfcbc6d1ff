internal import ClusterLensCore

/// The aggregation stage on flat, preallocated arrays (NaN = missing), shared by
/// ``CompositeEngine`` and ``UncertaintyAnalysis`` so a Monte Carlo run allocates almost nothing.
struct CompositeKernel {
    let framework: CompositeFramework
    let unitNames: [String]
    let indicatorCount: Int
    let included: [Bool]
    let shift: Double?
    let minimumCoverage: Double

    /// Pillar scores, unit-major (`unit * pillars + pillar`).
    var pillarScores: [Double]
    var pillarCoverage: [Double]
    /// Transition scores, unit-major.
    var transitionScores: [Double]
    var transitionCoverage: [Double]
    /// Index scores per unit.
    var index: [Double]
    var indexCoverage: [Double]
    private var scratchValues: [Double]
    private var scratchWeights: [Double]
    private var eligible: [Bool]

    init(
        framework: CompositeFramework, unitNames: [String], indicatorCount: Int, included: [Bool], shift: Double?,
        minimumCoverage: Double
    ) {
        self.framework = framework
        self.unitNames = unitNames
        self.indicatorCount = indicatorCount
        self.included = included
        self.shift = shift
        self.minimumCoverage = minimumCoverage
        let units = unitNames.count
        pillarScores = Array(repeating: .nan, count: units * framework.pillars.count)
        pillarCoverage = pillarScores
        transitionScores = Array(repeating: .nan, count: units * framework.transitions.count)
        transitionCoverage = transitionScores
        index = Array(repeating: .nan, count: units)
        indexCoverage = index
        let widest = max(indicatorCount, framework.pillars.count, 1)
        scratchValues = Array(repeating: 0, count: widest)
        scratchWeights = scratchValues
        eligible = Array(repeating: false, count: units)
    }

    /// Aggregates normalised values (unit-major, `unit * indicatorCount + indicator`).
    mutating func run(
        normalised: [Double], weights: CompositeWeights, indicatorAggregation: CompositeSettings.Aggregation,
        pillarAggregation: CompositeSettings.Aggregation, transitions: Bool
    ) throws(CompositeError) {
        let pillarCount = framework.pillars.count
        for (position, members) in framework.pillarMembers.enumerated() {
            try node(
                normalised, stride: indicatorCount, columns: members, weights: weights.pillarMembers[position],
                method: indicatorAggregation, output: .pillar(position),
                name: "pillar \(framework.pillars[position].rawValue)")
        }
        if transitions {
            for (position, members) in framework.transitionMembers.enumerated() {
                try node(
                    normalised, stride: indicatorCount, columns: members,
                    weights: weights.transitionMembers[position], method: indicatorAggregation,
                    output: .transition(position), name: "transition \(framework.transitions[position].rawValue)")
            }
        }
        let source = pillarScores
        try node(
            source, stride: pillarCount, columns: Array(0..<pillarCount), weights: weights.pillars,
            method: pillarAggregation, output: .index, name: "the index")
    }

    enum Output {
        case pillar(Int)
        case transition(Int)
        case index
    }

    private mutating func store(_ output: Output, unit: Int, score: Double, coverage: Double) {
        switch output {
        case .pillar(let column):
            pillarScores[unit * framework.pillars.count + column] = score
            pillarCoverage[unit * framework.pillars.count + column] = coverage
        case .transition(let column):
            transitionScores[unit * framework.transitions.count + column] = score
            transitionCoverage[unit * framework.transitions.count + column] = coverage
        case .index:
            index[unit] = score
            indexCoverage[unit] = coverage
        }
    }

    private mutating func node(
        _ source: [Double], stride: Int, columns: [Int], weights: [Double], method: CompositeSettings.Aggregation,
        output: Output, name: String
    ) throws(CompositeError) {
        var total = 0.0
        for weight in weights { total += weight }
        for unit in 0..<unitNames.count {
            eligible[unit] = false
            guard included[unit] else {
                store(output, unit: unit, score: .nan, coverage: 0)
                continue
            }
            var count = 0
            var present = 0.0
            for (position, column) in columns.enumerated() {
                let value = source[unit * stride + column]
                guard !value.isNaN else { continue }
                scratchValues[count] = value
                scratchWeights[count] = weights[position]
                present += weights[position]
                count += 1
            }
            let coverage = total > 0 ? present / total : 0
            guard count > 0, coverage > 0, coverage >= minimumCoverage - 1e-12 else {
                store(output, unit: unit, score: .nan, coverage: coverage)
                continue
            }
            if method == .copeland {
                eligible[unit] = true
                store(output, unit: unit, score: .nan, coverage: coverage)
                continue
            }
            let shift = self.shift
            let result = scratchValues.withUnsafeBufferPointer { values in
                scratchWeights.withUnsafeBufferPointer { weights in
                    Aggregator.kernel(values, weights, count: count, method: method, shift: shift)
                }
            }
            let failed = result.isNaN || result == -.infinity
            let score =
                failed
                ? try Aggregator.checked(
                    result, method: method, shift: shift, where: " (unit \(unitNames[unit]), \(name))")
                : result
            store(output, unit: unit, score: score, coverage: coverage)
        }
        if method == .copeland {
            var scores = [Double](repeating: .nan, count: unitNames.count)
            Aggregator.copeland(
                source, stride: stride, columns: columns, weights: weights, eligible: eligible, into: &scores)
            for unit in 0..<unitNames.count where eligible[unit] {
                let coverage: Double =
                    switch output {
                    case .pillar(let column): pillarCoverage[unit * framework.pillars.count + column]
                    case .transition(let column): transitionCoverage[unit * framework.transitions.count + column]
                    case .index: indexCoverage[unit]
                    }
                store(output, unit: unit, score: scores[unit], coverage: coverage)
            }
        }
    }
}
