extension CompositeEngine {
    /// Panel imputation: one value per unit and indicator for the composite, with its origin.
    ///
    /// Each indicator's reference year is ``CompositeSettings/referenceYear`` or, when that is
    /// `nil`, the latest year any unit has a value for. A unit with a value that year keeps it; one
    /// without gets, by ``CompositeSettings/panel``:
    /// - ``CompositeSettings/PanelImputation/none``: nothing (missing);
    /// - ``CompositeSettings/PanelImputation/latest``: its latest earlier value (carried forward);
    /// - ``CompositeSettings/PanelImputation/linear``: the value interpolated between its nearest
    ///   years before and after the reference year, else its latest earlier value.
    ///
    /// A unit with values only after a fixed reference year gets nothing (without a fixed year the
    /// reference year is the latest of any unit, so that cannot happen). A unit without annual
    /// values, or an indicator without a reference year, takes the series' headline.
    /// - Parameters:
    ///   - panel: units, indicators and series.
    ///   - settings: the panel imputation and the reference year (other settings are not used).
    /// - Returns: the composite's input and, per unit and indicator, the value and its origin.
    /// - Throws: ``CompositeError/Code/invalidInput`` when the series do not match units and indicators.
    public static func imputePanel(
        _ panel: CompositePanel, settings: CompositeSettings
    ) throws(CompositeError) -> CompositePanel.Imputation {
        try CompositePreparation.checkShape(
            units: panel.units, rows: panel.series, columns: panel.indicators.count, noun: "series")
        let sorted = panel.series.map { row in row.map { $0.points.sorted { $0.year < $1.year } } }
        var values = [[CompositePanel.Value]](repeating: [], count: panel.units.count)
        var references: [Int?] = []
        for column in panel.indicators.indices {
            let reference = settings.referenceYear ?? sorted.compactMap { $0[column].last?.year }.max()
            references.append(reference)
            for row in panel.units.indices {
                values[row].append(
                    value(
                        sorted[row][column], headline: panel.series[row][column].headline, reference: reference,
                        panel: settings.panel))
            }
        }
        let input = CompositeInput(
            units: panel.units, indicators: panel.indicators, values: values.map { $0.map(\.value) })
        return CompositePanel.Imputation(input: input, values: values, referenceYears: references)
    }

    /// Panel imputation (``imputePanel(_:settings:)``), then the whole pipeline
    /// (``run(_:settings:)`` with a ``CompositeInput``) on the values it gives.
    /// - Returns: the result; each ``IndicatorValue/panelOrigin`` says how its raw value was
    ///   obtained, and the methods start with the panel imputation.
    /// - Throws: ``CompositeError`` from either step.
    public static func run(
        _ panel: CompositePanel, settings: CompositeSettings = CompositeSettings()
    ) throws(CompositeError) -> CompositeResult {
        let imputation = try imputePanel(panel, settings: settings)
        var result = try run(imputation.input, settings: settings)
        for (unit, row) in imputation.values.enumerated() {
            for (column, value) in row.enumerated() { result.units[unit].values[column].panelOrigin = value.origin }
        }
        result.methods.insert(panelMethod(settings), at: 0)
        return result
    }

    /// The value of one series at `reference` (see ``imputePanel(_:settings:)``); `points` sorted by year.
    static func value(
        _ points: [CompositePanel.Point], headline: Double?, reference: Int?,
        panel: CompositeSettings.PanelImputation
    ) -> CompositePanel.Value {
        guard let reference, !points.isEmpty else { return .init(value: headline, origin: .headline) }
        if let exact = points.first(where: { $0.year == reference }) {
            return .init(value: exact.value, origin: .year(reference))
        }
        guard panel != .none else { return .init(value: nil, origin: .missing) }
        let before = points.last { $0.year < reference }
        let after = points.first { $0.year > reference }
        if panel == .linear, let before, let after {
            let fraction = Double(reference - before.year) / Double(after.year - before.year)
            return .init(
                value: before.value + fraction * (after.value - before.value),
                origin: .interpolated(from: before.year, to: after.year))
        }
        guard let before else { return .init(value: nil, origin: .missing) }
        return .init(value: before.value, origin: .carriedForward(from: before.year))
    }

    /// The "Methods" record of the panel imputation.
    static func panelMethod(_ settings: CompositeSettings) -> MethodRecord {
        let mode =
            switch settings.panel {
            case .none: "none: only values of the reference year are scored"
            case .latest: "latest: a cluster's latest earlier value is carried forward (flagged carried_forward)"
            case .linear:
                "linear: values interpolated between the nearest years around the reference year (flagged "
                    + "interpolated), else carried forward"
            }
        let year = settings.referenceYear.map { "the year \($0)" } ?? "each indicator's latest year with data"
        return MethodRecord(step: "panel imputation", description: "reference year: \(year); \(mode)")
    }
}
