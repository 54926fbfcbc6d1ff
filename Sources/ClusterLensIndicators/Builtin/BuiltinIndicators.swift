/// The compiled indicators, listed explicitly (no mutable global registry): those a formula over
/// cluster aggregates cannot express.
public enum BuiltinIndicators {
    /// Every compiled indicator, in catalogue order.
    public static let all: [any Indicator] = ShiftShareIndicator.all + StructureIndicator.all + MemberIndicator.all
}
