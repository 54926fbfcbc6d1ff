public import ClusterLensCore

/// The cluster values of the member survey: totals, intensities, shares and rates over a set of
/// member firms, such as the members of one cluster in one year (``MemberSurvey/firms(inYear:)``).
///
/// The rules follow METHODS §12.4:
///
/// - A member that did not report an answer is left out of every value that needs it: it is never
///   counted as zero. A reported `0` counts.
/// - Every value rests on the *reporting firms*: the members that reported every answer the value
///   needs. Its ``MemberAggregate/coverage`` is their share of the members' employment:
///   coverage = Σ employees (reporting firms) / Σ employees (all members).
/// - Ratios are computed from sums over the same reporting firms (Σ numerator / Σ denominator), never
///   as an average of the firms' ratios.
/// - A value is missing when there are no members (`no member firms`), when no member reported what
///   it needs (`no member reported energy_mwh`), or when its denominator sums to 0 (then it carries
///   ``FormulaValue/divisionByZeroFlag``).
///
/// Shares are fractions from 0 to 1 (METHODS reports them × 100 as %); intensities are per euro of
/// turnover (METHODS reports them × 10⁶, per € million).
public enum MemberAggregates {
    /// The total of one answer over the members that reported it (METHODS §12.4, extensive quantities).
    ///
    /// Formula: Σ x over firms reporting x. Unit: that of the column.
    ///
    /// - Parameters:
    ///   - metric: The answer, such as ``MemberMetric/energyMWh``.
    ///   - firms: The members.
    public static func sum(_ metric: MemberMetric, of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [metric]) { reporters in
            FormulaValue(total(metric, reporters))
        }
    }

    /// The members' employment: Σ employees over all members (every member reports it).
    ///
    /// Formula: Σ employees. Unit: persons (as the survey counts them). Coverage is 1 unless the
    /// members have no employees.
    ///
    /// - Parameter firms: The members.
    public static func employment(of firms: [MemberFirm]) -> MemberAggregate {
        finish(firms, firms, missing: "no member firms") { reporters in FormulaValue(employees(reporters)) }
    }

    /// One answer given as a column name of the survey (`employees` or a ``MemberMetric`` column),
    /// summed: what a catalogue input bound to `members: COLUMN` reads.
    ///
    /// - Parameters:
    ///   - column: A column of the survey, such as `energy_mwh`.
    ///   - firms: The members.
    /// - Returns: ``employment(of:)`` for `employees`, ``sum(_:of:)`` for a metric column, `nil` for any
    ///   other name.
    public static func sum(column: String, of firms: [MemberFirm]) -> MemberAggregate? {
        if column == "employees" { return employment(of: firms) }
        return MemberMetric(rawValue: column).map { sum($0, of: firms) }
    }

    /// Scope 1 plus scope 2 emissions, in t CO2e, over the members that reported both.
    ///
    /// Formula: Σ (scope1_tco2e + scope2_tco2e) over firms reporting both.
    ///
    /// - Parameter firms: The members.
    public static func scope12Emissions(of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [.scope1TCO2e, .scope2TCO2e]) { reporters in
            FormulaValue(total(.scope1TCO2e, reporters) + total(.scope2TCO2e, reporters))
        }
    }

    /// One answer per euro of turnover, over the members that reported both.
    ///
    /// Formula: Σ x / Σ turnover_eur over firms reporting both x and turnover_eur. Unit: the column's
    /// unit per €. Energy intensity (ENV-08), water intensity (ENV-10) and waste intensity (ENV-11) are
    /// `intensity(.energyMWh, …)`, `intensity(.waterM3, …)` and `intensity(.wasteT, …)`.
    ///
    /// - Parameters:
    ///   - metric: The numerator, such as ``MemberMetric/energyMWh``.
    ///   - firms: The members.
    public static func intensity(_ metric: MemberMetric, of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [metric, .turnoverEUR]) { reporters in
            ratio(total(metric, reporters), total(.turnoverEUR, reporters), denominator: .turnoverEUR)
        }
    }

    /// Energy consumption per euro of turnover (ENV-08): `intensity(.energyMWh, of: firms)`.
    ///
    /// Formula: Σ energy_mwh / Σ turnover_eur over firms reporting both. Unit: MWh per €. Direction:
    /// lower is better. Source: member survey (VSME B3).
    ///
    /// - Parameter firms: The members.
    public static func energyIntensity(of firms: [MemberFirm]) -> MemberAggregate {
        intensity(.energyMWh, of: firms)
    }

    /// Scope 1 + 2 greenhouse gas emissions per euro of turnover (ENV-07).
    ///
    /// Formula: Σ (scope1_tco2e + scope2_tco2e) / Σ turnover_eur over firms reporting all three.
    /// Unit: t CO2e per €. Direction: lower is better. Source: member survey (VSME B3).
    ///
    /// - Parameter firms: The members.
    public static func scope12Intensity(of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [.scope1TCO2e, .scope2TCO2e, .turnoverEUR]) { reporters in
            ratio(
                total(.scope1TCO2e, reporters) + total(.scope2TCO2e, reporters), total(.turnoverEUR, reporters),
                denominator: .turnoverEUR)
        }
    }

    /// The renewable share of energy consumption (ENV-09).
    ///
    /// Formula: Σ renewable_mwh / Σ energy_mwh over firms reporting both. Unit: fraction 0…1.
    /// Direction: higher is better. Source: member survey (VSME B3).
    ///
    /// - Parameter firms: The members.
    public static func renewableShare(of firms: [MemberFirm]) -> MemberAggregate {
        share(.renewableMWh, of: .energyMWh, firms)
    }

    /// The share of waste diverted from disposal (ENV-12).
    ///
    /// Formula: Σ waste_diverted_t / Σ waste_t over firms reporting both. Unit: fraction 0…1.
    /// Direction: higher is better. Source: member survey (VSME B7).
    ///
    /// - Parameter firms: The members.
    public static func wasteDivertedShare(of firms: [MemberFirm]) -> MemberAggregate {
        share(.wasteDivertedT, of: .wasteT, firms)
    }

    /// The hazardous share of waste (ENV-13).
    ///
    /// Formula: Σ hazardous_waste_t / Σ waste_t over firms reporting both. Unit: fraction 0…1.
    /// Direction: lower is better. Source: member survey (VSME B7).
    ///
    /// - Parameter firms: The members.
    public static func hazardousWasteShare(of firms: [MemberFirm]) -> MemberAggregate {
        share(.hazardousWasteT, of: .wasteT, firms)
    }

    /// Recordable work-related accidents per million hours worked (SOC-16).
    ///
    /// Formula: Σ accidents / Σ hours_worked × 1,000,000 over firms reporting both. Unit: per 10⁶ h.
    /// Direction: lower is better. Source: member survey (VSME B9).
    ///
    /// - Parameter firms: The members.
    public static func accidentRate(of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [.accidents, .hoursWorked]) { reporters in
            ratio(total(.accidents, reporters) * 1_000_000, total(.hoursWorked, reporters), denominator: .hoursWorked)
        }
    }

    /// Training hours per employee (SOC-19).
    ///
    /// Formula: Σ training_hours / Σ employees over firms reporting training_hours. Unit: hours per
    /// employee. Direction: higher is better. Source: member survey (VSME B10).
    ///
    /// - Parameter firms: The members.
    public static func trainingHoursPerEmployee(of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [.trainingHours]) { reporters in
            ratio(total(.trainingHours, reporters), employees(reporters), denominator: nil)
        }
    }

    /// Women's share of employment.
    ///
    /// Formula: Σ women_employees / Σ employees over firms reporting women_employees. Unit: fraction
    /// 0…1. Direction: towards parity. Source: member survey (VSME B8).
    ///
    /// - Parameter firms: The members.
    public static func womenShareOfEmployment(of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [.womenEmployees]) { reporters in
            ratio(total(.womenEmployees, reporters), employees(reporters), denominator: nil)
        }
    }

    /// The gender pay gap, the employee-weighted mean of the firms' gaps (SOC-17).
    ///
    /// Formula: Σ (gender_pay_gap_pct × employees) / Σ employees over firms reporting
    /// gender_pay_gap_pct. Unit: %. Direction: lower is better. Source: member survey (VSME B10).
    ///
    /// - Parameter firms: The members.
    public static func genderPayGap(of firms: [MemberFirm]) -> MemberAggregate {
        aggregate(firms, needing: [.genderPayGapPct]) { reporters in
            let weighted = reporters.reduce(0.0) { $0 + ($1.genderPayGapPct ?? 0) * $1.employees }
            return ratio(weighted, employees(reporters), denominator: nil)
        }
    }

    /// The share of members certified to ISO 14001 or EMAS (ENV-14), counting firms.
    ///
    /// Formula: firms answering `yes` / firms answering `yes` or `no` to iso14001_or_emas. Unit:
    /// fraction 0…1. Direction: higher is better. Source: member survey (VSME B1/B2).
    ///
    /// - Parameter firms: The members.
    public static func certifiedShareOfMembers(of firms: [MemberFirm]) -> MemberAggregate {
        practice(firms) { reporters in
            FormulaValue(Double(reporters.filter { $0.iso14001OrEMAS == true }.count) / Double(reporters.count))
        }
    }

    /// The share of employment in members certified to ISO 14001 or EMAS (ENV-14, by employment).
    ///
    /// Formula: Σ employees of firms answering `yes` / Σ employees of firms answering `yes` or `no` to
    /// iso14001_or_emas. Unit: fraction 0…1. Direction: higher is better. Source: member survey
    /// (VSME B1/B2).
    ///
    /// - Parameter firms: The members.
    public static func certifiedShareOfEmployment(of firms: [MemberFirm]) -> MemberAggregate {
        practice(firms) { reporters in
            ratio(employees(reporters.filter { $0.iso14001OrEMAS == true }), employees(reporters), denominator: nil)
        }
    }

    // MARK: - Rules

    /// Σ x over firms (every one of which reported x).
    private static func total(_ metric: MemberMetric, _ firms: [MemberFirm]) -> Double {
        firms.reduce(0) { $0 + ($1[metric] ?? 0) }
    }

    /// Σ employees over firms.
    private static func employees(_ firms: [MemberFirm]) -> Double {
        firms.reduce(0) { $0 + $1.employees }
    }

    /// Numerator / denominator, or missing with ``FormulaValue/divisionByZeroFlag`` when the denominator
    /// is 0 (`denominator` names its column; `nil` means employees).
    private static func ratio(_ numerator: Double, _ denominator: Double, denominator column: MemberMetric?)
        -> FormulaValue
    {
        guard denominator != 0 else {
            let name = column?.column ?? "employees"
            return .missing(
                "the reporting members' \(name) sum to 0", flags: [FormulaValue.divisionByZeroFlag])
        }
        return FormulaValue(numerator / denominator)
    }

    /// Σ part / Σ whole over firms reporting both.
    private static func share(_ part: MemberMetric, of whole: MemberMetric, _ firms: [MemberFirm])
        -> MemberAggregate
    {
        aggregate(firms, needing: [part, whole]) { reporters in
            ratio(total(part, reporters), total(whole, reporters), denominator: whole)
        }
    }

    /// A value over the firms that answered iso14001_or_emas.
    private static func practice(_ firms: [MemberFirm], _ compute: ([MemberFirm]) -> FormulaValue)
        -> MemberAggregate
    {
        let reporters = firms.filter { $0.iso14001OrEMAS != nil }
        return finish(firms, reporters, missing: "no member reported iso14001_or_emas", compute)
    }

    /// A value over the firms that reported every metric in `needed`.
    private static func aggregate(
        _ firms: [MemberFirm], needing needed: [MemberMetric], _ compute: ([MemberFirm]) -> FormulaValue
    ) -> MemberAggregate {
        let reporters = firms.filter { firm in needed.allSatisfy { firm[$0] != nil } }
        return finish(firms, reporters, missing: notReported(needed), compute)
    }

    /// The aggregate of `compute(reporters)`, with coverage; missing when there are no members or no
    /// reporters.
    private static func finish(
        _ firms: [MemberFirm], _ reporters: [MemberFirm], missing: String, _ compute: ([MemberFirm]) -> FormulaValue
    ) -> MemberAggregate {
        let all = employees(firms)
        let coverage = all > 0 ? employees(reporters) / all : nil
        let value: FormulaValue
        if firms.isEmpty {
            value = .missing("no member firms")
        } else if reporters.isEmpty {
            value = .missing(missing)
        } else {
            value = compute(reporters)
        }
        return MemberAggregate(
            value: value, coverage: coverage, reportingFirms: reporters.count, memberFirms: firms.count)
    }

    /// `no member reported x`, `… both x and y`, `… all of x, y and z`.
    private static func notReported(_ metrics: [MemberMetric]) -> String {
        let names = metrics.map(\.column)
        switch names.count {
        case 1: return "no member reported \(names[0])"
        case 2: return "no member reported both \(names[0]) and \(names[1])"
        default:
            return "no member reported all of " + names.dropLast().joined(separator: ", ") + " and "
                + (names.last ?? "")
        }
    }
}
