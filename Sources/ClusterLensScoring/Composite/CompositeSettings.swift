public import ClusterLensCore

/// Every choice of a composite-score run. The defaults are COINr's: screening at 66 % data
/// availability per unit, no imputation, outlier treatment on (|skew| < 2 or kurtosis < 3.5, up to 5
/// winsorised points, then a log transform), min-max normalisation onto [0, 100], equal weights and
/// the arithmetic mean at every level.
public struct CompositeSettings: Sendable, Equatable {
    /// Which units and indicators have enough data to take part.
    public struct Screening: Sendable, Equatable {
        /// The minimum share of aggregated indicators a unit must have data for (COINr `dat_thresh`,
        /// default 0.66); units below it are reported but get no scores and no rank.
        public var minimumUnitAvailability: Double
        /// The minimum share of units an indicator must have data for (default 0: no indicator is
        /// dropped); dropped indicators are reported but not aggregated.
        public var minimumIndicatorAvailability: Double

        /// Creates screening thresholds.
        public init(minimumUnitAvailability: Double = 0.66, minimumIndicatorAvailability: Double = 0) {
            self.minimumUnitAvailability = minimumUnitAvailability
            self.minimumIndicatorAvailability = minimumIndicatorAvailability
        }
    }

    /// How missing values are filled, per indicator, from the screened units (the peer group is all
    /// units). Every imputed value is flagged in the result.
    public enum Imputation: String, Sendable, Equatable, CaseIterable {
        /// No imputation: missing stays missing (the default).
        case none
        /// The mean of the indicator over the units with data.
        case mean
        /// The median of the indicator over the units with data.
        case median
    }

    /// COINr's default outlier treatment (`Treat()`): an indicator passes when |skew| < `skewThreshold`
    /// or kurtosis < `kurtosisThreshold` (skew and excess kurtosis as e1071 type 2, like COINr's
    /// `skew()` and `kurt()`; fewer than 4 values always pass). A failing indicator has its most
    /// extreme value on the skewed side (high when skew ≥ 0) replaced by the next one (all tied extreme
    /// values at once), re-testing each time, until `winsorisationLimit` distinct points have been
    /// winsorised, as COINr's `winsorise()` counts them (`length(imax) + length(imin)`: a point
    /// winsorised earlier, which then ties with the new extreme, is not counted again; a tied group
    /// counts fully, so the last step may pass the limit). If it still fails, the winsorisation is
    /// undone and the original values are log-transformed by ``transform`` (COINr's `f2`, applied to
    /// the original values as COINr does by default).
    public struct OutlierTreatment: Sendable, Equatable {
        /// The log transform of an indicator that winsorisation could not bring within the thresholds,
        /// named as in COINr.
        public enum Transform: String, Sendable, Equatable, CaseIterable {
            /// COINr's `log_CT` (its default `f2`): log(x − min + 0.01 × (max − min)), whatever the sign
            /// of the skew.
            case logCT = "log_CT"
            /// COINr's `log_CT_plus`: `log_CT` when the skew is positive; otherwise
            /// −log(max − x + 0.01 × (max − min)), which keeps the order and reduces a negative skew.
            case logCTPlus = "log_CT_plus"
        }

        /// Whether indicators are treated at all (default true).
        public var enabled: Bool
        /// The absolute skewness threshold (default 2).
        public var skewThreshold: Double
        /// The (excess) kurtosis threshold (default 3.5).
        public var kurtosisThreshold: Double
        /// The maximum number of distinct winsorised points per indicator (COINr `winmax`, default 5).
        public var winsorisationLimit: Int
        /// The log transform when winsorisation does not suffice (default ``Transform/logCT``, COINr's).
        public var transform: Transform

        /// Creates an outlier treatment.
        public init(
            enabled: Bool = true, skewThreshold: Double = 2, kurtosisThreshold: Double = 3.5,
            winsorisationLimit: Int = 5, transform: Transform = .logCT
        ) {
            self.enabled = enabled
            self.skewThreshold = skewThreshold
            self.kurtosisThreshold = kurtosisThreshold
            self.winsorisationLimit = winsorisationLimit
            self.transform = transform
        }
    }

    /// How treated values are put on a common scale. Every method is direction-aware: values of a
    /// lower-is-better indicator are multiplied by −1 first (goalposts and targets are mirrored with
    /// them), so a higher normalised value is always better.
    public enum Normalisation: Sendable, Equatable {
        /// (x − min) / (max − min) × (high − low) + low; a constant indicator gets the midpoint.
        case minMax(low: Double, high: Double)
        /// (x − mean) / sd × `sd` + `mean`, with the sample standard deviation (n − 1), as R's `sd()`;
        /// a constant indicator gets `mean`.
        case zScore(mean: Double, sd: Double)
        /// (x − low) / (high − low), truncated to [0, 1], × `scale`, with each indicator's
        /// ``Goalposts`` (mirrored for lower-is-better).
        case goalposts(scale: Double)
        /// (x − min) / (target − min) × `scale` (for lower-is-better (max − x) / (max − target)),
        /// capped at `scale` when `cap` is set; each indicator needs a target.
        case distanceToTarget(scale: Double, cap: Bool)
        /// 1 − (max − x) / (max − min), × `scale` (COINr `n_dist2max`).
        case distanceToBest(scale: Double)
        /// The share of the other units with a strictly worse value: (rank − 1) / (n − 1) × `scale`,
        /// where rank 1 is the worst and ties share the lowest rank; a single unit gets `scale`.
        case percentileRank(scale: Double)
        /// The rank from the worst: 1 for the worst value, n for the best; ties share the lowest rank.
        case rank
    }

    /// How weights are set within each node (indicators in a pillar or transition, pillars in the
    /// index). Weights are normalised to sum 1 within a node; at aggregation they are renormalised
    /// over the children with data.
    public enum Weighting: Sendable, Equatable {
        /// Every child of a node weighs the same.
        case equal
        /// Weights per indicator id and per pillar; an indicator or pillar not listed weighs 1.
        case explicit(indicators: [String: Double], pillars: [Pillar: Double])
        /// Importance ratings from 0 to 10 per indicator id and per pillar (as the OECD Better Life
        /// Index), normalised to sum 1 within each node; an unlisted child rates 5.
        case importance(indicators: [String: Double], pillars: [Pillar: Double])
        /// Indicator weights from the first principal component of the normalised indicators of each
        /// node: the squared loadings of PC1 of their covariance matrix (they sum to 1). Units missing
        /// any of the node's indicators are left out of the covariance (listwise deletion); a result
        /// message warns when loadings differ in sign. Pillars weigh the same.
        case principalComponent
    }

    /// How the children of a node are combined. `w` are the weights of the children with data,
    /// renormalised to sum 1.
    public enum Aggregation: Sendable, Equatable {
        /// Σ w x (fully compensatory).
        case arithmetic
        /// exp(Σ w log x); needs x > 0 (see ``CompositeSettings/shift``).
        case geometric
        /// 1 / Σ (w / x); needs x > 0.
        case harmonic
        /// (Σ w x^p)^(1/p); order 1 is arithmetic, 0 geometric, −1 harmonic. p ≤ 0 needs x > 0,
        /// other orders x ≥ 0.
        case power(order: Double)
        /// The Mazziotta–Pareto index (classic, "negative penalty" form): M − S × cv, with M the
        /// weighted mean, S the weighted population standard deviation and cv = S / M of the node's
        /// values as normalised. The classic MPI expects z-scores rescaled to mean 100 and sd 10
        /// (``Normalisation/zScore(mean:sd:)`` with 100 and 10); the "adjusted" MPI is this formula on
        /// values rescaled with goalposts or min-max onto [70, 130]. M ≤ 0 is an error.
        case mazziottaPareto
        /// Copeland outranking (non-compensatory): unit a beats unit b when the weight of the
        /// children where a is higher, plus half the weight of ties, is over half the weight of the
        /// children both have data for. Score = wins − losses against the other units with a score.
        case copeland
    }

    /// Screening thresholds.
    public var screening: Screening
    /// Imputation of missing values (default none).
    public var imputation: Imputation
    /// Outlier treatment (default on, COINr's rule).
    public var outliers: OutlierTreatment
    /// Normalisation (default min-max onto [0, 100]).
    public var normalisation: Normalisation
    /// Goalposts per indicator id, for ``Normalisation/goalposts(scale:)`` (also when it is only an
    /// alternative of an uncertainty analysis); they replace an indicator's own
    /// ``CompositeIndicator/goalposts``. Each must have low < high, and name an aggregated indicator
    /// of the input (a direction, higher or lower): the engine rejects any other id.
    public var goalposts: [String: Goalposts] = [:]
    /// Weights (default equal).
    public var weighting: Weighting
    /// Aggregation of indicators into pillar and transition scores (default arithmetic).
    public var indicatorAggregation: Aggregation
    /// Aggregation of pillar scores into the index (default arithmetic).
    public var pillarAggregation: Aggregation
    /// A constant added to every value of a node before a geometric, harmonic or power mean and
    /// subtracted from the result, so zeros can be aggregated: with shift 1, the geometric mean of 0 and
    /// 100 is √(1 × 101) − 1 ≈ 9.05. `nil` (the default): a zero or negative value is an error.
    public var shift: Double?
    /// The minimum coverage (share of a node's weight with data) below which a node score is missing
    /// (default 0: any data gives a score).
    public var minimumCoverage: Double
    /// How a unit's value for the common reference year of an indicator is taken from the unit's own
    /// annual series (panel imputation). Applied to a ``CompositePanel`` by
    /// ``CompositeEngine/imputePanel(_:settings:)`` and ``CompositeEngine/run(_:settings:)`` with a ``CompositePanel``;
    /// a ``CompositeInput`` already holds one value per unit and indicator, so it does not apply there.
    public var panel: PanelImputation = .latest
    /// The year the composite compares (a report's `composite: {year: 2021}`); `nil`: for each
    /// indicator, the latest year any unit has a value for. Used with ``panel``.
    public var referenceYear: Int?

    /// Panel imputation: which period of each cluster's series enters the composite.
    public enum PanelImputation: String, Sendable, Equatable, CaseIterable {
        /// Only values of the reference year (the latest year any cluster has a value for); older
        /// values are missing for the composite.
        case none
        /// The cluster's latest value up to the reference year (carried forward, flagged
        /// `carried_forward` when older than the reference year).
        case latest
        /// The value interpolated linearly at the reference year between the cluster's nearest
        /// values before and after it (flagged `interpolated`); else as ``latest``.
        case linear
    }

    /// Creates settings; every parameter defaults to COINr's default.
    public init(
        screening: Screening = Screening(), imputation: Imputation = .none,
        outliers: OutlierTreatment = OutlierTreatment(), normalisation: Normalisation = .minMax(low: 0, high: 100),
        weighting: Weighting = .equal, indicatorAggregation: Aggregation = .arithmetic,
        pillarAggregation: Aggregation = .arithmetic, shift: Double? = nil, minimumCoverage: Double = 0
    ) {
        self.screening = screening
        self.imputation = imputation
        self.outliers = outliers
        self.normalisation = normalisation
        self.weighting = weighting
        self.indicatorAggregation = indicatorAggregation
        self.pillarAggregation = pillarAggregation
        self.shift = shift
        self.minimumCoverage = minimumCoverage
    }
}
