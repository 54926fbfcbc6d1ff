/// One member firm of a cluster, as it answered the member survey for one year: one row of a
/// member survey CSV file (see ``MemberSurveyLoader`` for the columns).
///
/// The questions follow the basic module of the EU voluntary sustainability reporting standard for
/// SMEs (VSME B1–B10). Every answer other than the firm's identity and size is optional: `nil` means
/// *not reported* (an empty cell), which is never the same as a reported `0`. Aggregates over members
/// (``MemberAggregates``) leave non-reporting firms out and say how much of the members' employment
/// reported.
public struct MemberFirm: Sendable, Hashable {
    /// The firm's identifier in the survey (column `firm_id`); unique per year within a file.
    public var id: String
    /// The reporting year (column `year`), `nil` when the file has no `year` column.
    public var year: Int?
    /// The firm's main activity, NACE Rev. 2 (column `nace`).
    public var nace: NACECode
    /// Where the firm (or the site surveyed) is, a NUTS region of any level (column `nuts`).
    public var nuts: NUTSCode
    /// Employees, headcount or full-time equivalents as the survey asks (column `employees`); the
    /// weight of the firm in coverage and in employee-weighted means.
    public var employees: Double
    /// Net turnover in euros (column `turnover_eur`).
    public var turnoverEUR: Double?
    /// Total energy consumption in MWh (column `energy_mwh`; VSME B3).
    public var energyMWh: Double?
    /// Energy consumption from renewable sources in MWh (column `renewable_mwh`; at most ``energyMWh``).
    public var renewableMWh: Double?
    /// Gross scope 1 greenhouse gas emissions in tonnes of CO2 equivalent (column `scope1_tco2e`; VSME B3).
    public var scope1TCO2e: Double?
    /// Scope 2 greenhouse gas emissions in tonnes of CO2 equivalent (column `scope2_tco2e`; VSME B3).
    public var scope2TCO2e: Double?
    /// Water withdrawal in cubic metres (column `water_m3`; VSME B6).
    public var waterM3: Double?
    /// Total waste generated in tonnes (column `waste_t`; VSME B7).
    public var wasteT: Double?
    /// Waste diverted from disposal (recycled or prepared for reuse) in tonnes (column
    /// `waste_diverted_t`; at most ``wasteT``).
    public var wasteDivertedT: Double?
    /// Hazardous waste in tonnes (column `hazardous_waste_t`; at most ``wasteT``).
    public var hazardousWasteT: Double?
    /// Recordable work-related accidents (column `accidents`; VSME B9), a whole number.
    public var accidents: Double?
    /// Hours worked by employees (column `hours_worked`; VSME B9).
    public var hoursWorked: Double?
    /// Training hours of all employees together (column `training_hours`; VSME B10).
    public var trainingHours: Double?
    /// Women employees, same unit as ``employees`` (column `women_employees`; at most ``employees``).
    public var womenEmployees: Double?
    /// Women in management, a headcount (column `women_in_management`; at most ``employees``).
    public var womenInManagement: Double?
    /// The firm's gender pay gap in percent: (men's − women's average gross hourly pay) / men's × 100
    /// (column `gender_pay_gap_pct`; VSME B10). May be negative; at most 100.
    public var genderPayGapPct: Double?
    /// Whether the firm holds ISO 14001 or EMAS certification (column `iso14001_or_emas`: `yes`, `no`).
    public var iso14001OrEMAS: Bool?

    /// Creates a firm with its identity and size; every answer starts as not reported.
    ///
    /// - Parameters:
    ///   - id: The firm's identifier in the survey.
    ///   - year: The reporting year, if the survey has one.
    ///   - nace: The firm's main activity.
    ///   - nuts: The firm's region.
    ///   - employees: Employees; the firm's weight in coverage and employee-weighted means.
    public init(id: String, year: Int? = nil, nace: NACECode, nuts: NUTSCode, employees: Double) {
        self.id = id
        self.year = year
        self.nace = nace
        self.nuts = nuts
        self.employees = employees
    }

    /// The answer to a numeric question, `nil` when not reported.
    public subscript(metric: MemberMetric) -> Double? {
        get { self[keyPath: metric.keyPath] }
        set { self[keyPath: metric.keyPath] = newValue }
    }
}

/// A numeric question of the member survey other than employees: its column and the firm's answer.
public enum MemberMetric: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    /// Net turnover in euros, `turnover_eur`.
    case turnoverEUR = "turnover_eur"
    /// Energy consumption in MWh, `energy_mwh`.
    case energyMWh = "energy_mwh"
    /// Renewable energy consumption in MWh, `renewable_mwh`.
    case renewableMWh = "renewable_mwh"
    /// Scope 1 emissions in t CO2e, `scope1_tco2e`.
    case scope1TCO2e = "scope1_tco2e"
    /// Scope 2 emissions in t CO2e, `scope2_tco2e`.
    case scope2TCO2e = "scope2_tco2e"
    /// Water withdrawal in m³, `water_m3`.
    case waterM3 = "water_m3"
    /// Waste generated in t, `waste_t`.
    case wasteT = "waste_t"
    /// Waste diverted from disposal in t, `waste_diverted_t`.
    case wasteDivertedT = "waste_diverted_t"
    /// Hazardous waste in t, `hazardous_waste_t`.
    case hazardousWasteT = "hazardous_waste_t"
    /// Recordable work-related accidents, `accidents`.
    case accidents = "accidents"
    /// Hours worked, `hours_worked`.
    case hoursWorked = "hours_worked"
    /// Training hours, `training_hours`.
    case trainingHours = "training_hours"
    /// Women employees, `women_employees`.
    case womenEmployees = "women_employees"
    /// Women in management, `women_in_management`.
    case womenInManagement = "women_in_management"
    /// Gender pay gap in %, `gender_pay_gap_pct`.
    case genderPayGapPct = "gender_pay_gap_pct"

    /// The column of the survey file, such as `energy_mwh`.
    public var column: String { rawValue }

    /// The column name.
    public var description: String { rawValue }

    /// Whether a value below zero is impossible (everything except the gender pay gap).
    public var isNonNegative: Bool { self != .genderPayGapPct }

    var keyPath: WritableKeyPath<MemberFirm, Double?> {
        switch self {
        case .turnoverEUR: \.turnoverEUR
        case .energyMWh: \.energyMWh
        case .renewableMWh: \.renewableMWh
        case .scope1TCO2e: \.scope1TCO2e
        case .scope2TCO2e: \.scope2TCO2e
        case .waterM3: \.waterM3
        case .wasteT: \.wasteT
        case .wasteDivertedT: \.wasteDivertedT
        case .hazardousWasteT: \.hazardousWasteT
        case .accidents: \.accidents
        case .hoursWorked: \.hoursWorked
        case .trainingHours: \.trainingHours
        case .womenEmployees: \.womenEmployees
        case .womenInManagement: \.womenInManagement
        case .genderPayGapPct: \.genderPayGapPct
        }
    }
}
