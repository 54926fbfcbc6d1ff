/// The stages before aggregation: validation, screening, imputation, outlier treatment and
/// normalisation. Columns are per indicator, over all units; screened-out units hold `nil`.
struct CompositePreparation {
    /// Whether each unit passed screening.
    var included: [Bool]
    /// The share of aggregated indicators with a raw value, per unit.
    var availability: [Double]
    /// Whether each indicator is aggregated (a direction, not dropped by screening).
    var aggregated: [Bool]
    /// The indicators dropped by screening.
    var dropped: [Int]
    /// Whether each value was imputed, per indicator then unit.
    var imputed: [[Bool]]
    /// Treated values, per indicator then unit.
    var treated: [[Double?]]
    /// Outlier treatments, per indicator then unit.
    var kinds: [[OutlierTreatmentRecord.Kind?]]
    /// Normalised values, per indicator then unit.
    var normalised: [[Double?]]

    /// Checks the input and settings and runs every stage before aggregation.
    init(_ input: CompositeInput, settings: CompositeSettings) throws(CompositeError) {
        try Self.validate(input, settings)
        let unitCount = input.units.count
        let indicators = input.indicators
        let directed = indicators.map(\.isAggregated)
        let directedCount = directed.filter { $0 }.count
        guard directedCount > 0 else {
            throw CompositeError(.invalidInput, "no indicator has a direction (higher or lower): nothing to aggregate")
        }
        availability = input.values.map { row in
            Double(zip(row, directed).filter { $0.0 != nil && $0.1 }.count) / Double(directedCount)
        }
        included = availability.map { $0 >= settings.screening.minimumUnitAvailability - 1e-12 }
        let includedCount = included.filter { $0 }.count
        aggregated = directed
        dropped = []
        imputed = []
        treated = []
        kinds = []
        normalised = []
        for (column, indicator) in indicators.enumerated() {
            var values = (0..<unitCount).map { included[$0] ? input.values[$0][column] : nil }
            let present = values.compactMap { $0 }
            let share = includedCount > 0 ? Double(present.count) / Double(includedCount) : 0
            if directed[column] && share < settings.screening.minimumIndicatorAvailability - 1e-12 {
                aggregated[column] = false
                dropped.append(column)
            }
            var flags = [Bool](repeating: false, count: unitCount)
            let fill: Double? =
                switch settings.imputation {
                case .none: nil
                case .mean: CompositeStatistics.mean(present)
                case .median: CompositeStatistics.median(present)
                }
            if let fill {
                for unit in 0..<unitCount where included[unit] && values[unit] == nil {
                    values[unit] = fill
                    flags[unit] = true
                }
            }
            let outcome = OutlierTreater.treat(values, settings: settings.outliers)
            imputed.append(flags)
            treated.append(outcome.values)
            kinds.append(outcome.kinds)
            var withGoalposts = indicator
            if let goalposts = settings.goalposts[indicator.id] { withGoalposts.goalposts = goalposts }
            normalised.append(
                try Normaliser.normalise(outcome.values, indicator: withGoalposts, method: settings.normalisation))
        }
    }

    /// Rejects inconsistent input and out-of-range settings.
    static func validate(_ input: CompositeInput, _ settings: CompositeSettings) throws(CompositeError) {
        guard !input.units.isEmpty else { throw CompositeError(.invalidInput, "no units") }
        try checkShape(units: input.units, rows: input.values, columns: input.indicators.count, noun: "values")
        if let duplicate = firstDuplicate(input.units) {
            throw CompositeError(.invalidInput, "unit \(duplicate) appears more than once")
        }
        if let duplicate = firstDuplicate(input.indicators.map(\.id)) {
            throw CompositeError(.invalidInput, "indicator \(duplicate) appears more than once")
        }
        for (unit, row) in zip(input.units, input.values) {
            for (indicator, value) in zip(input.indicators, row) where value.map({ !$0.isFinite }) ?? false {
                throw CompositeError(.invalidInput, "unit \(unit), indicator \(indicator.id): value is not finite")
            }
        }
        let shares = [
            settings.screening.minimumUnitAvailability, settings.screening.minimumIndicatorAvailability,
            settings.minimumCoverage,
        ]
        guard shares.allSatisfy({ $0 >= 0 && $0 <= 1 }) else {
            throw CompositeError(.invalidSettings, "availability thresholds and minimum coverage must be within 0…1")
        }
        guard settings.outliers.winsorisationLimit >= 0 else {
            throw CompositeError(.invalidSettings, "the winsorisation limit must be 0 or more")
        }
        let aggregated = Set(input.indicators.filter(\.isAggregated).map(\.id))
        for (id, goalposts) in settings.goalposts.sorted(by: { $0.key < $1.key }) {
            guard aggregated.contains(id) else {
                throw CompositeError(
                    .invalidSettings, "goalposts for \(id), which is not an aggregated indicator of the composite")
            }
            guard goalposts.low.isFinite, goalposts.high.isFinite, goalposts.low < goalposts.high else {
                throw CompositeError(.invalidSettings, "indicator \(id): goalpost low must be below high")
            }
        }
        if let shift = settings.shift, !shift.isFinite || shift < 0 {
            throw CompositeError(.invalidSettings, "the shift must be a finite number ≥ 0")
        }
    }

    /// Rejects rows that do not match the units (one row each) and the indicators (`columns` per
    /// row); `noun` names what a row holds, for the message.
    static func checkShape<Row: Collection>(
        units: [String], rows: [Row], columns: Int, noun: String
    ) throws(CompositeError) {
        guard rows.count == units.count else {
            throw CompositeError(.invalidInput, "\(units.count) units but \(rows.count) rows of \(noun)")
        }
        for (unit, row) in zip(units, rows) where row.count != columns {
            throw CompositeError(.invalidInput, "unit \(unit) has \(row.count) \(noun) for \(columns) indicators")
        }
    }

    static func firstDuplicate(_ ids: [String]) -> String? {
        var seen: Set<String> = []
        return ids.first { !seen.insert($0).inserted }
    }
}
