extension UncertaintyAnalysis {
    /// What a run's target value is: one unit's index score, or the mean absolute shift of the
    /// ranks from the nominal ranks.
    struct RunTarget {
        /// The unit whose score is the target; `nil` for the mean absolute rank shift.
        let unit: Int?
        /// The nominal rank of each unit.
        let nominalRanks: [Int?]

        /// The target of `target` among `units`.
        /// - Throws: ``CompositeError/Code/invalidSettings`` for an unknown unit.
        init(_ target: Target, units: [String], nominal: CompositeResult) throws(CompositeError) {
            nominalRanks = nominal.units.map(\.rank)
            guard case .score(let id) = target else {
                unit = nil
                return
            }
            guard let position = units.firstIndex(of: id) else {
                throw CompositeError(.invalidSettings, "sensitivity target: unknown unit \(id)")
            }
            unit = position
        }

        /// The target of a run from its index scores and its ranks (`ranks[base + unit]`); NaN
        /// when no unit has both a rank and a nominal rank.
        func value(index: [Double], ranks: [Double], base: Int) -> Double {
            if let unit { return index[unit] }
            var sum = 0.0
            var count = 0
            for unit in nominalRanks.indices {
                guard let nominalRank = nominalRanks[unit], !ranks[base + unit].isNaN else { continue }
                sum += abs(ranks[base + unit] - Double(nominalRank))
                count += 1
            }
            return count > 0 ? sum / Double(count) : .nan
        }
    }

    /// The mean and the (population) variance of the target over the independent runs.
    struct Moments {
        /// The mean; y_B is centred on it.
        var centre = 0.0
        /// The variance V.
        var variance = 0.0
    }

    /// The outputs of every run, run-major: index scores and ranks per unit (NaN: none), the target.
    struct Runs {
        /// The number of units.
        let units: Int
        /// Index scores, `run * units + unit`.
        var scores: [Double]
        /// Ranks (1 = best), `run * units + unit`.
        var ranks: [Double]
        /// The target of each run.
        var targets: [Double]

        /// Room for `count` runs of `units` units.
        init(count: Int, units: Int) {
            self.units = units
            scores = Array(repeating: .nan, count: count * units)
            ranks = scores
            targets = Array(repeating: .nan, count: count)
        }

        /// Runs every sample of every block of `design`: the variant and aggregation it picks, the
        /// weights perturbed by its noise, aggregation on `kernel`, and the outputs recorded.
        /// - Throws: ``CompositeError`` when an aggregation cannot take a run's values.
        mutating func simulate(
            _ design: Design, variants: Variants, samples: Samples, target: RunTarget, kernel: inout CompositeKernel
        ) throws(CompositeError) {
            let noisy = design.factors.contains(.weights)
            var order = Array(0..<units)
            var weights = variants.weights[0]
            for block in 0..<design.blocks {
                for sample in 0..<design.samples {
                    let choice = design.choice(block: block, sample: sample, samples: samples)
                    if noisy {
                        samples.perturb(
                            variants.weights[choice.variant], sample: sample, fromB: choice.noiseFromB,
                            spread: design.weightNoise, into: &weights)
                    } else {
                        weights = variants.weights[choice.variant]
                    }
                    let method = design.aggregations[choice.aggregation]
                    try kernel.run(
                        normalised: variants.normalised[choice.variant], weights: weights,
                        indicatorAggregation: method, pillarAggregation: method, transitions: false)
                    record(run: block * design.samples + sample, index: kernel.index, target: target, order: &order)
                }
            }
        }

        /// Stores one run's index scores, their ranks (`order` as the ranking's scratch) and its target.
        mutating func record(run: Int, index: [Double], target: RunTarget, order: inout [Int]) {
            let base = run * units
            for unit in 0..<units { scores[base + unit] = index[unit] }
            PeerRanking.competitionRanks(index, direction: .higher, order: &order, into: &ranks, at: base)
            targets[run] = target.value(index: index, ranks: ranks, base: base)
        }

        /// The spread of each unit's score and rank over the first `independent` runs.
        func summaries(units names: [String], independent: Int, nominal: CompositeResult) -> [UnitSummary] {
            var column = [Double]()
            column.reserveCapacity(independent)
            var summaries: [UnitSummary] = []
            for unit in 0..<units {
                let score = percentiles(scores, unit: unit, runs: independent, column: &column)
                let place = percentiles(ranks, unit: unit, runs: independent, column: &column)
                summaries.append(
                    UnitSummary(
                        unit: names[unit], nominalScore: nominal.units[unit].index.score,
                        nominalRank: nominal.units[unit].rank, medianScore: score.median, lowScore: score.low,
                        highScore: score.high, medianRank: place.median, lowRank: place.low, highRank: place.high))
            }
            return summaries
        }

        /// The median, 5th and 95th percentiles (R type 7) of one unit's non-NaN values over the
        /// first `runs` runs, sorting in `column`.
        private func percentiles(
            _ values: [Double], unit: Int, runs: Int, column: inout [Double]
        ) -> (median: Double?, low: Double?, high: Double?) {
            column.removeAll(keepingCapacity: true)
            for run in 0..<runs where !values[run * units + unit].isNaN {
                column.append(values[run * units + unit])
            }
            column.sort()
            return (
                CompositeStatistics.quantile(column, 0.5), CompositeStatistics.quantile(column, 0.05),
                CompositeStatistics.quantile(column, 0.95)
            )
        }

        /// The mean and variance of the target over the first `independent` runs (NaN skipped).
        func targetMoments(independent: Int) -> Moments {
            let base = (0..<independent).map { targets[$0] }.filter { !$0.isNaN }
            guard let mean = CompositeStatistics.mean(base) else { return Moments() }
            return Moments(
                centre: mean, variance: base.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(base.count))
        }

        /// The first-order and total index of each factor of `design`.
        func indices(_ design: Design, moments: Moments) -> [Sensitivity] {
            design.factors.enumerated().map { position, factor in
                index(factor, block: position + 2, samples: design.samples, moments: moments)
            }
        }

        /// Saltelli's first-order index mean((y_B − centre)(y_ABi − y_A)) / V and Jansen's total index
        /// mean((y_A − y_ABi)²) / (2V) of the factor whose AB block is `block`, over the samples
        /// where y_A, y_B and y_ABi exist; `nil` when V is 0 or no sample counts.
        private func index(_ factor: Factor, block: Int, samples n: Int, moments: Moments) -> Sensitivity {
            var first = 0.0
            var total = 0.0
            var count = 0
            for sample in 0..<n {
                let yA = targets[sample]
                let yB = targets[n + sample]
                let yAB = targets[block * n + sample]
                guard !yA.isNaN, !yB.isNaN, !yAB.isNaN else { continue }
                first += (yB - moments.centre) * (yAB - yA)
                total += (yA - yAB) * (yA - yAB)
                count += 1
            }
            let valid = moments.variance > 1e-300 && count > 0
            return Sensitivity(
                assumption: factor.name, firstOrder: valid ? first / Double(count) / moments.variance : nil,
                total: valid ? total / Double(count) / (2 * moments.variance) : nil)
        }
    }
}
