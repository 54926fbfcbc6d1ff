/// A cluster total of one kind of result: the improvements of every measured metric of one side,
/// category and unit across the cluster's initiatives, and that total per euro those initiatives cost.
public struct SideTotal: Sendable, Equatable {
    /// The side.
    public var side: OutcomeSide
    /// The category.
    public var category: OutcomeCategory
    /// The unit.
    public var unit: String
    /// The sum of the metrics' improvements (direction-adjusted changes).
    public var improvement: Double
    /// The total investment of the initiatives the metrics belong to, each counted once; `nil` when one
    /// of them has no known total.
    public var investmentEUR: Double?
    /// ``improvement`` / ``investmentEUR``; `nil` without an investment (``missing`` says why).
    public var perEuro: Double?
    /// Why ``perEuro`` is missing.
    public var missing: String?
    /// The metrics added, as `initiative/metric`.
    public var metrics: [String]

    /// Creates a total.
    public init(
        side: OutcomeSide, category: OutcomeCategory, unit: String, improvement: Double, investmentEUR: Double?,
        perEuro: Double?, missing: String?, metrics: [String]
    ) {
        self.side = side
        self.category = category
        self.unit = unit
        self.improvement = improvement
        self.investmentEUR = investmentEUR
        self.perEuro = perEuro
        self.missing = missing
        self.metrics = metrics
    }
}
