import ClusterLensCore

/// Indicators computed from the cluster's member-firm survey (see ``MemberAggregates`` for each
/// formula): intensities are ratios of sums over the firms that reported every figure they need,
/// rates on people are employee-weighted, practices are shares of reporting members; a member that
/// did not report is never a zero, and the result records the coverage (the share of member
/// employment that reported).
public struct MemberIndicator: Indicator {
    public let definition: IndicatorDefinition
    private let aggregate: @Sendable ([MemberFirm]) -> MemberAggregate
    private let scale: Double

    /// Every member-survey indicator.
    public static let all: [MemberIndicator] = [
        MemberIndicator(
            "member_scope12_intensity", "Scope 1+2 emissions per revenue (members)", .environmental, [.green],
            "t CO2e per EUR million", .lower, 1e6,
            "Σ(scope 1 + scope 2) / Σ turnover × 10^6 over firms reporting all three",
            ["scope1_tco2e", "scope2_tco2e", "turnover_eur"], MemberAggregates.scope12Intensity),
        MemberIndicator(
            "member_energy_intensity", "Energy per revenue (members)", .environmental, [.green], "MWh per EUR million",
            .lower, 1e6, "Σ energy / Σ turnover × 10^6 over firms reporting both", ["energy_mwh", "turnover_eur"],
            MemberAggregates.energyIntensity),
        MemberIndicator(
            "member_water_intensity", "Water use per revenue (members)", .environmental, [.green],
            "m³ per EUR million", .lower, 1e6, "Σ water / Σ turnover × 10^6 over firms reporting both",
            ["water_m3", "turnover_eur"], { MemberAggregates.intensity(.waterM3, of: $0) }),
        MemberIndicator(
            "member_waste_intensity", "Waste per revenue (members)", .environmental, [.green], "t per EUR million",
            .lower, 1e6, "Σ waste / Σ turnover × 10^6 over firms reporting both", ["waste_t", "turnover_eur"],
            { MemberAggregates.intensity(.wasteT, of: $0) }),
        MemberIndicator(
            "member_renewable_share", "Renewable energy share (members)", .environmental, [.green], "%", .higher, 100,
            "Σ renewable / Σ energy × 100 over firms reporting both", ["renewable_mwh", "energy_mwh"],
            MemberAggregates.renewableShare),
        MemberIndicator(
            "member_waste_diverted_share", "Waste diverted from disposal (members)", .environmental, [.green], "%",
            .higher, 100, "Σ diverted / Σ waste × 100 over firms reporting both", ["waste_diverted_t", "waste_t"],
            MemberAggregates.wasteDivertedShare),
        MemberIndicator(
            "member_hazardous_waste_share", "Hazardous waste share (members)", .environmental, [.green], "%", .lower,
            100, "Σ hazardous / Σ waste × 100 over firms reporting both", ["hazardous_waste_t", "waste_t"],
            MemberAggregates.hazardousWasteShare),
        MemberIndicator(
            "member_certified_share", "Members with ISO 14001 or EMAS", .environmental, [.green], "%", .higher, 100,
            "certified members / reporting members × 100", ["iso14001_or_emas"],
            MemberAggregates.certifiedShareOfMembers),
        MemberIndicator(
            "member_accident_rate", "Accidents per million hours worked (members)", .social, [.resilience],
            "per million hours", .lower, 1, "Σ accidents / Σ hours worked × 10^6 over firms reporting both",
            ["accidents", "hours_worked"], MemberAggregates.accidentRate),
        MemberIndicator(
            "member_training_hours", "Training hours per employee (members)", .social, [.digital],
            "hours per employee", .higher, 1, "Σ training hours / Σ employees over reporting firms",
            ["training_hours", "employees"], MemberAggregates.trainingHoursPerEmployee),
        MemberIndicator(
            "member_women_share", "Women's share of member employment", .social, [], "%", .higher, 100,
            "Σ women employees / Σ employees × 100 over reporting firms", ["women_employees", "employees"],
            MemberAggregates.womenShareOfEmployment),
        MemberIndicator(
            "member_gender_pay_gap", "Gender pay gap (members)", .social, [], "%", .lower, 1,
            "employee-weighted mean of the reported gaps", ["gender_pay_gap_pct", "employees"],
            MemberAggregates.genderPayGap),
    ]

    private init(
        _ id: String, _ name: String, _ pillar: Pillar, _ tags: [TransitionTag], _ unit: String, _ direction: Direction,
        _ scale: Double, _ method: String, _ columns: [String],
        _ aggregate: @escaping @Sendable ([MemberFirm]) -> MemberAggregate
    ) {
        definition = IndicatorDefinition(
            id: id, name: name, description: "\(name): from the cluster's member-firm survey.", pillar: pillar,
            tags: tags, unit: unit, direction: direction,
            inputs: columns.map { IndicatorInput(name: $0, bindings: [DataBinding(memberMetric: $0)]) },
            scope: .cluster,
            method: method, references: ["EU voluntary SME sustainability reporting standard (VSME), basic module"])
        self.aggregate = aggregate
        self.scale = scale
    }

    public func evaluate(_ request: IndicatorRequest) -> FormulaValue {
        let cluster = request.cluster
        guard let path = cluster.membersPath, let survey = request.engine.surveys[path] else {
            return .missing("cluster \(cluster.id) has no member survey")
        }
        let firms = survey.years.isEmpty ? survey.firms : survey.firms(inYear: request.period.start.date.year)
        let result = aggregate(firms)
        if let coverage = result.coverage { request.log.record(coverage: coverage, input: "members") }
        guard let number = result.value.number else { return result.value }
        return FormulaValue(number * scale, flags: result.value.flags)
    }
}
