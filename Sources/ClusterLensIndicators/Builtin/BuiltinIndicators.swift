/// The compiled indicators, listed explicitly (no mutable global registry): those a formula over
/// cluster aggregates cannot express.
public enum BuiltinIndicators {
    /// Every compiled indicator, in catalogue order.
    public static let all: [any Indicator] =
        ShiftShareIndicator.all + StructureIndicator.all + VolatilityIndicator.all + DownscaledIndicator.all
        + MemberIndicator.all
}

extension IndicatorInput {
    /// `employment`: persons employed from ``StoreInput/personsEmployed`` (`sbs_r_nuts2021`, else
    /// `sbs_r_nuts06_r2`), the input of the compiled employment-structure indicators.
    static let personsEmployed = IndicatorInput(name: "employment", storeInputs: StoreInput.personsEmployed)
}
